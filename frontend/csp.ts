/**
 * The dashboard's Content-Security-Policy, written once. csp-plugin.ts sends
 * it from Vite's dev server and `vite preview` and writes it into
 * dist/_headers for production (Cloudflare Workers static assets and Pages
 * both apply `_headers`). Its sources come from the same configuration the
 * browser code reads (src/config.ts): the three workers, the local Clerk
 * stand-in while it is in use, and Clerk's Frontend API when a publishable
 * key is set.
 */
import { createHash } from "node:crypto";
import type { DashboardConfig } from "./src/config.ts";

export interface CspInput {
  config: DashboardConfig;
  /** Vite's dev server: tier images over http: and the HMR websocket are allowed too. */
  dev: boolean;
  /** `'sha256-…'` sources of the inline scripts in the served index.html (see inlineScriptHashes). */
  scriptHashes?: readonly string[];
  /** The dev server's HMR websocket origin, e.g. ws://127.0.0.1:5173. */
  devWebSocketOrigin?: string | undefined;
}

/** What Clerk's CSP guide asks for besides its Frontend API host (clerk.com/docs/guides/secure/best-practices/csp-headers). */
const CLERK = {
  script: ["https://challenges.cloudflare.com", "https://*.protect.clerk.com"],
  connect: ["https://clerk-telemetry.com", "https://*.clerk-telemetry.com", "https://*.protect.clerk.com:*"],
  frame: ["https://challenges.cloudflare.com", "https://*.protect.clerk.com"],
  worker: ["'self'", "blob:"],
};

/**
 * The Frontend API host a Clerk publishable key names:
 * `pk_test_<base64("clerk.example.com$")>` → `clerk.example.com`; null when
 * the key is not one.
 */
export function clerkFrontendApiHost(publishableKey: string): string | null {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey.trim());
  if (!match) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(match[2]!.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  } catch {
    return null;
  }
  if (!decoded.endsWith("$")) return null;
  const host = decoded.slice(0, -1);
  return /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? host.toLowerCase() : null;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

const unique = (sources: (string | null | undefined)[]) => [...new Set(sources.filter((source): source is string => Boolean(source)))];

/**
 * The policy as one header value. style-src keeps 'unsafe-inline': recharts
 * and our usage bars set `style` attributes, and Clerk styles itself at
 * runtime; scripts stay strict ('self' plus the hashes of index.html's inline
 * scripts — none in a production build).
 */
export function buildContentSecurityPolicy({ config, dev, scriptHashes = [], devWebSocketOrigin }: CspInput): string {
  const clerkHosts = unique([config.clerkPublishableKey, config.clerkEndUserPublishableKey].map((key) => (key ? clerkFrontendApiHost(key) : null))).map((host) => `https://${host}`);
  const usesClerk = clerkHosts.length > 0;
  // The local stand-in's sign-in serves whichever side has no Clerk key (dashboard or pricing page).
  const usesStandIn = !config.clerkPublishableKey || !config.clerkEndUserPublishableKey;
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", unique(["'self'", ...scriptHashes, ...clerkHosts, ...(usesClerk ? CLERK.script : [])])],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", unique(["'self'", "data:", "https:", dev ? "http:" : null])],
    [
      "connect-src",
      unique([
        "'self'",
        originOf(config.frontAuthApiUrl),
        originOf(config.apiMultiUrl),
        originOf(config.oauthApiUrl),
        usesStandIn ? originOf(config.localClerkUrl) : null,
        ...clerkHosts,
        ...(usesClerk ? CLERK.connect : []),
        dev ? devWebSocketOrigin : null,
      ]),
    ],
    ["frame-src", usesClerk ? CLERK.frame : ["'none'"]],
    ["worker-src", usesClerk ? CLERK.worker : ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** `'sha256-…'` for each inline `<script>` (one without src) in an HTML document, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`) || body === "") continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return unique(hashes);
}

/** dist/_headers: the policy on every path the static assets serve (index.html and the SPA fallback included). */
export function headersFile(policy: string): string {
  return `# Written by frontend/csp-plugin.ts at build time (vite build); edit frontend/csp.ts instead.\n/*\n  Content-Security-Policy: ${policy}\n`;
}
