import { Hono } from "hono";
import type { AppEnv } from "../context";
import { openApiDocument } from "../openapi/document";
import { renderReferencePage } from "../openapi/reference-page";

/** The API reference: `GET /openapi.json` (OpenAPI 3.1) and `GET /docs` (HTML). Public, cacheable. */
export const docsRoutes = new Hono<AppEnv>()
  .get("/openapi.json", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("Access-Control-Allow-Origin", "*");
    return c.json(openApiDocument(new URL(c.req.url).origin));
  })
  .get("/docs", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(referencePage(new URL(c.req.url).origin));
  });

/** The page is the same for every request to one origin: rendered once (one entry — the Host header is the caller's to choose). */
let rendered: { origin: string; html: string } | undefined;

function referencePage(origin: string): string {
  if (rendered?.origin !== origin) rendered = { origin, html: renderReferencePage(openApiDocument(origin)) };
  return rendered.html;
}
