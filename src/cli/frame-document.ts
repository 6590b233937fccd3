import type { CliOutput } from "./args.js";

/**
 * Text and Markdown of several documents on stdout, told apart: text as `==> name <==` headers
 * (like `head` and `tail`), Markdown as a rule and an HTML comment naming the source. A failed
 * document keeps its place, with the error instead of its content.
 */
export function frameDocument(to: Exclude<CliOutput, "json">, name: string, content: string, index: number): string {
  const body = content.replace(/\n+$/u, "");
  if (to === "text") return `${index > 0 ? "\n" : ""}==> ${name} <==\n${body}`;
  return `${index > 0 ? "\n---\n\n" : ""}<!-- vanban: ${name.replace(/--/gu, "- -")} -->\n\n${body}`;
}

export function frameError(to: Exclude<CliOutput, "json">, name: string, code: string, message: string, index: number): string {
  const line = to === "text" ? `vanban: ${code}: ${message}` : `**vanban: ${code}:** ${message}`;
  return frameDocument(to, name, line, index);
}
