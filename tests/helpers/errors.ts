import { expect } from "vitest";
import { isVanbanError, type VanbanErrorCode } from "../../src/errors.js";

/** Awaits a promise that must reject with a VanbanError of the given code. */
export async function expectError(promise: Promise<unknown>, code: VanbanErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isVanbanError(error), `expected a VanbanError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}
