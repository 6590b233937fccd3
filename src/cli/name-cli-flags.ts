/** Library options that have a `vanban parse` flag. */
const FLAGS: Record<string, string> = {
  password: "--password",
  maxBytes: "--max-bytes",
  maxPages: "--max-pages",
  ocrLanguage: "--ocr-lang",
  format: "--format",
  ocr: "--ocr",
};

/**
 * Library messages name options ("needs a password (option `password`)"); on the command line
 * the user needs the flag instead: "(--password)".
 */
export function nameCliFlags(message: string): string {
  return message.replace(/option `?([A-Za-z]+)`?/gu, (whole, option: string) => FLAGS[option] ?? whole);
}
