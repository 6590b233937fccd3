import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { userInfo } from "node:os";
import { isVanbanError } from "../index.js";
import { collectDocuments } from "./collect-documents.js";
import { DocumentStore } from "./document-store.js";
import type { CorrectionRequest } from "./edit-corrections.js";
import { PAGE_CSS } from "./page-css.js";
import { PAGE_HTML } from "./page-html.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { MAX_SCALE } from "./render-page-image.js";

export interface ReviewServerOptions {
  /** A document, or a folder of documents. */
  input: string;
  /** 0 picks a free port. */
  port?: number;
  password?: string;
  /** Who corrections are signed by, unless the page says otherwise (default: the OS user). */
  reviewer?: string;
}

export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

/** The largest correction request read: a field value, not a document. */
const MAX_BODY = 64 * 1024;

/**
 * Starts the review page on 127.0.0.1 only: nothing leaves the machine, and requests whose Host
 * is not this address are refused (a web page elsewhere cannot reach it by DNS rebinding).
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const documents = await collectDocuments(options.input);
  const store = new DocumentStore(documents, { password: options.password });
  const reviewer = options.reviewer ?? safeUserName();
  const server = createServer((request, response) => {
    handleRequest(request, response, store, reviewer).catch((error: unknown) => {
      // A bug in the server: say so on the page and in the terminal, keep serving.
      process.stderr.write(`vanban review: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!response.headersSent) sendJson(response, 500, { error: "internal", message: String(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, store: DocumentStore, reviewer: string): Promise<void> {
  const host = request.headers.host ?? "";
  if (!/^(?:127\.0\.0\.1|localhost)(?::\d+)?$/u.test(host)) return sendJson(response, 403, { error: "forbidden", message: "The review page answers on 127.0.0.1 only." });
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  if (request.method === "GET" && path === "/") return send(response, 200, "text/html; charset=utf-8", PAGE_HTML);
  if (request.method === "GET" && path === "/page.css") return send(response, 200, "text/css; charset=utf-8", PAGE_CSS);
  if (request.method === "GET" && path === "/page.js") return send(response, 200, "text/javascript; charset=utf-8", PAGE_SCRIPT);
  if (path === "/favicon.ico") return send(response, 204, "image/x-icon", "");
  if (request.method === "GET" && path === "/api/documents") return sendJson(response, 200, { reviewer, documents: await store.summaries() });

  const match = /^\/api\/documents\/(\d+)(\/.*)?$/u.exec(path);
  const id = match ? Number(match[1]) : -1;
  if (!match || !store.find(id)) return sendJson(response, 404, { error: "not_found", message: `No such page: ${path}` });
  const rest = match[2] ?? "";
  try {
    if (request.method === "GET" && rest === "") return sendJson(response, 200, await store.view(id));
    const page = /^\/pages\/(\d+)\.png$/u.exec(rest);
    if (request.method === "GET" && page) {
      const scale = Math.min(MAX_SCALE, Math.max(0.5, Number(url.searchParams.get("scale") ?? "2") || 2));
      const image = await store.pageImage(id, Number(page[1]), Math.round(scale * 4) / 4);
      if (!image) return sendJson(response, 404, { error: "not_found", message: "No image for this page." });
      // A page image does not change while the server runs: cached, a correction does not reload the pages.
      return send(response, 200, image.type, image.bytes, "private, max-age=3600");
    }
    if (request.method === "POST" && rest === "/corrections") {
      // JSON only: a form on another site cannot post JSON without a CORS preflight we never grant.
      if (!(request.headers["content-type"] ?? "").startsWith("application/json")) return sendJson(response, 415, { error: "unsupported", message: "Send JSON." });
      const body = await readBody(request);
      const correction = parseCorrectionRequest(body, reviewer);
      if (typeof correction === "string") return sendJson(response, 400, { error: "invalid_corrections", message: correction });
      return sendJson(response, 200, await store.correct(id, correction));
    }
    return sendJson(response, 404, { error: "not_found", message: `No such page: ${path}` });
  } catch (error) {
    // The document cannot be read (corrupt, encrypted …) or a correction does not apply: the page shows why.
    if (isVanbanError(error)) return sendJson(response, 422, { error: error.code, message: error.message });
    throw error;
  }
}

function parseCorrectionRequest(body: string, reviewer: string): CorrectionRequest | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return "The request is not JSON."; // the client's bytes, not our code
  }
  const r = json as Partial<CorrectionRequest> | null;
  if (!r || typeof r.path !== "string" || !["replace", "wrong", "undo"].includes(r.action as string)) return "A correction needs a path and an action (replace, wrong, undo).";
  const by = typeof r.by === "string" && r.by.trim() !== "" ? r.by.trim().slice(0, 100) : reviewer;
  return { path: r.path, action: r.action as CorrectionRequest["action"], value: r.value, by };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(body));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, cache = "no-store"): void {
  response.writeHead(status, {
    "content-type": type,
    "cache-control": cache,
    "x-content-type-options": "nosniff",
    // Everything is served from here; no network at all.
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
  });
  response.end(body);
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch (error) {
    // No passwd entry (some containers): corrections are then signed "reviewer".
    void error;
    return "reviewer";
  }
}
