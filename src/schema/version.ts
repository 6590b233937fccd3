/** Version of the record's shape: bumped when a contract field is renamed or dropped. */
export const SCHEMA_VERSION = 1 as const;
