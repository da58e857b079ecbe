/** Ports, paths and config of the local stack, shared by `pnpm dev` and the stack test. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const STATE_DIR = process.env.DREAM_STATE_DIR ?? join(ROOT, ".dev-state");
export const WRANGLER_STATE = join(STATE_DIR, "wrangler");
export const WRANGLER = join(ROOT, "api-multi", "node_modules", ".bin", "wrangler");

export const SERVICES = {
  frontAuthApi: { name: "front-auth-api", dir: "front-auth-api", port: 8787, inspector: 9231 },
  apiMulti: { name: "api-multi", dir: "api-multi", port: 8788, inspector: 9232 },
  oauthApi: { name: "oauth-api", dir: "oauth-api", port: 8789, inspector: 9233 },
};
export const STRIPE_PORT = 12111;
export const CLERK_PORT = 12112;
export const DASHBOARD_PORT = 5173;

export const url = (/** @type {number} */ port) => `http://127.0.0.1:${port}`;

/**
 * Reads a worker's `.dev.vars` (KEY=value lines) if present, or another file
 * of that form such as the committed `.dev.vars.example`.
 * @param {string} dir
 * @param {string} [name]
 * @returns {Record<string, string>}
 */
export function readDevVars(dir, name = ".dev.vars") {
  const file = join(ROOT, dir, name);
  if (!existsSync(file)) return {};
  /** @type {Record<string, string>} */
  const vars = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match?.[1]) vars[match[1]] = (match[2] ?? "").replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

/** True when a configured API URL points at this machine (i.e. a stand-in). */
export function isLocalUrl(/** @type {string | undefined} */ value) {
  return value === undefined || value === "" || /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(value);
}

/**
 * What the stack runs against: the stand-ins unless a worker's .dev.vars
 * points an API URL at a real host. Webhook secrets come from the workers'
 * .dev.vars so the Stripe stand-in signs with what the workers verify.
 */
export function stackConfig() {
  const apiMulti = readDevVars("api-multi");
  const frontAuth = readDevVars("front-auth-api");
  const oauthApi = readDevVars("oauth-api");
  const stripeBases = [apiMulti.STRIPE_API_BASE, frontAuth.STRIPE_API_BASE, oauthApi.STRIPE_API_BASE];
  const clerkUrls = [apiMulti.CLERK_API_URL, frontAuth.CLERK_API_URL, oauthApi.CLERK_API_URL];
  return {
    localStripe: stripeBases.every(isLocalUrl),
    localClerk: clerkUrls.every(isLocalUrl),
    stripeSecretKey: frontAuth.STRIPE_SECRET_KEY ?? "",
    /** Every Stripe key a worker is configured with: the only ones the stand-in accepts. */
    stripeSecretKeys: [
      ...new Set([frontAuth.STRIPE_SECRET_KEY, apiMulti.STRIPE_SECRET_KEY_TEST, apiMulti.STRIPE_SECRET_KEY_LIVE, oauthApi.STRIPE_SECRET_KEY_TEST, oauthApi.STRIPE_SECRET_KEY_LIVE]),
    ].filter((key) => typeof key === "string" && key !== ""),
    dreamApiClerkSecret: frontAuth.CLERK_SECRET_KEY ?? "",
    platformWebhookSecret: frontAuth.STRIPE_WEBHOOK_SECRET ?? "",
    connectWebhookSecret: apiMulti.STRIPE_CONNECT_WEBHOOK_SECRET_TEST ?? "",
    connectLiveWebhookSecret: apiMulti.STRIPE_CONNECT_WEBHOOK_SECRET_LIVE ?? "",
    previewWebhookSecret: apiMulti.STRIPE_PREVIEW_WEBHOOK_SECRET ?? "",
  };
}
