import { defineOperation, type OperationDefinition } from "@dream-api/shared/hono";
import type { OpenApiDocument } from "@dream-api/shared/openapi";
import { z } from "zod";
import type { AppEnv } from "../context";
import { renderReferencePage } from "./reference-page";

/** `GET /docs`: the API reference (`document`) as one HTML page (no JavaScript), public and cacheable. */
export const docsOperation = (document: (serverUrl: string) => OpenApiDocument): OperationDefinition<AppEnv> => {
  /** The page is the same for every request to one origin: rendered once (one entry — the Host header is the caller's to choose). */
  let rendered: { origin: string; html: string } | undefined;
  const referencePage = (origin: string): string => {
    if (rendered?.origin !== origin) rendered = { origin, html: renderReferencePage(document(origin)) };
    return rendered.html;
  };
  return defineOperation<AppEnv>({
    method: "get",
    path: "/docs",
    operationId: "docs",
    tag: "System",
    summary: "API reference",
    description: "This reference as an HTML page.",
    auth: ["none"],
    response: { status: 200, schema: z.string().meta({ id: "HtmlPage" }), description: "An HTML page.", contentType: "text/html" },
    errors: [],
    handler: (c) => {
      c.header("Cache-Control", "public, max-age=300");
      c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      return c.html(referencePage(new URL(c.req.url).origin));
    },
  });
};
