/**
 * Puts the policy from csp.ts on the dashboard's responses: Vite's dev
 * server and `vite preview` send it as a header; `vite build` writes it to
 * dist/_headers. Inline scripts are allowed by hash only, taken from the
 * index.html actually served — in dev that is @vitejs/plugin-react's
 * refresh preamble; a production build has none — so production needs no
 * 'unsafe-inline' for scripts.
 */
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";
import { dashboardConfig } from "./src/config.ts";
import { buildContentSecurityPolicy, headersFile, inlineScriptHashes } from "./csp.ts";

const HEADER = "Content-Security-Policy";

export function contentSecurityPolicy(): Plugin {
  let resolved: ResolvedConfig;
  /** Hashes of the inline scripts of every index.html the dev server has transformed. */
  const devScriptHashes = new Set<string>();
  const policy = (dev: boolean, scriptHashes: readonly string[], devWebSocketOrigin?: string) =>
    buildContentSecurityPolicy({ config: dashboardConfig(resolved.env), dev, scriptHashes, devWebSocketOrigin });

  return {
    name: "dream-api:content-security-policy",
    enforce: "post",
    configResolved(config) {
      resolved = config;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (context.server) for (const hash of inlineScriptHashes(html)) devScriptHashes.add(hash);
      },
    },
    configureServer(server) {
      const { host, port } = server.config.server;
      const webSocket = typeof host === "string" && !["0.0.0.0", "::"].includes(host) ? `ws://${host.includes(":") ? `[${host}]` : host}:${port}` : undefined;
      // The header is decided when the response starts, after index.html went through transformIndexHtml.
      server.middlewares.use((_request, response, next) => {
        const writeHead = response.writeHead;
        response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
          if (!this.headersSent && !this.hasHeader(HEADER)) this.setHeader(HEADER, policy(true, [...devScriptHashes], webSocket));
          return writeHead.apply(this, args);
        } as ServerResponse["writeHead"];
        next();
      });
    },
    configurePreviewServer(server) {
      const html = readFileSync(join(resolved.root, resolved.build.outDir, "index.html"), "utf8");
      const header = policy(false, inlineScriptHashes(html));
      server.middlewares.use((_request, response, next) => {
        response.setHeader(HEADER, header);
        next();
      });
    },
    generateBundle(_options, bundle) {
      const html = bundle["index.html"];
      if (html?.type !== "asset") this.error("index.html is missing from the bundle; cannot hash its inline scripts for dist/_headers");
      const source = typeof html.source === "string" ? html.source : new TextDecoder().decode(html.source);
      this.emitFile({ type: "asset", fileName: "_headers", source: headersFile(policy(false, inlineScriptHashes(source))) });
    },
  };
}
