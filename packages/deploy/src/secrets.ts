/**
 * The secrets each worker runs with in production, by name: the keys from
 * deploy.env, the webhook signing secrets the Stripe setup gets from Stripe
 * (stripe-setup.ts), and the keys the deploy makes once: oauth-api's OAuth
 * state key and api-multi's webhook-secret encryption key. Each
 * worker's `.dev.vars.example` lists the same names for `pnpm dev`
 * (test/secrets.test.ts holds them together).
 */
import { randomBytes } from "node:crypto";
import type { Worker } from "./production-config";
import type { DeploySettings } from "./settings";
import { platformBillingMode } from "./stripe-setup";

/** Secrets whose values come from deploy.env: uploaded on every deploy, so a rotated key in deploy.env reaches the workers. */
export function secretsFromSettings(settings: DeploySettings): Record<Worker, Record<string, string>> {
  const stripeModeKeys = { STRIPE_SECRET_KEY_TEST: settings.STRIPE_SECRET_KEY_TEST, STRIPE_SECRET_KEY_LIVE: settings.STRIPE_SECRET_KEY_LIVE };
  return {
    "front-auth-api": {
      CLERK_SECRET_KEY: settings.CLERK_DEVELOPER_SECRET_KEY,
      STRIPE_SECRET_KEY: platformBillingMode(settings) === "live" ? settings.STRIPE_SECRET_KEY_LIVE : settings.STRIPE_SECRET_KEY_TEST,
    },
    "api-multi": { CLERK_SECRET_KEY: settings.CLERK_END_USER_SECRET_KEY, DEVELOPER_CLERK_SECRET_KEY: settings.CLERK_DEVELOPER_SECRET_KEY, ...stripeModeKeys },
    "oauth-api": { CLERK_SECRET_KEY: settings.CLERK_DEVELOPER_SECRET_KEY, ...stripeModeKeys },
  };
}

/**
 * Secrets the deploy makes itself, once: set only when the worker does not
 * have them yet, and otherwise left out of the upload, so Cloudflare keeps
 * the one it has. A new OAuth state key would void Connect flows in flight;
 * a new webhook-secret encryption key would leave every stored endpoint
 * secret undecryptable (api-multi could no longer sign a delivery).
 */
export function generatedSecrets(existing: Record<Worker, ReadonlySet<string>>): Record<Worker, Record<string, string>> {
  return {
    "front-auth-api": {},
    // AES-256-GCM key: 32 bytes in standard base64, as api-multi's config parses it.
    "api-multi": existing["api-multi"].has("WEBHOOK_SECRET_ENCRYPTION_KEY") ? {} : { WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    "oauth-api": existing["oauth-api"].has("OAUTH_STATE_SECRET") ? {} : { OAUTH_STATE_SECRET: randomBytes(32).toString("base64url") },
  };
}

/** Per worker, the union of several secret sets (later ones win). */
export function mergeSecrets(...sets: Record<Worker, Record<string, string>>[]): Record<Worker, Record<string, string>> {
  return {
    "front-auth-api": Object.assign({}, ...sets.map((set) => set["front-auth-api"])),
    "api-multi": Object.assign({}, ...sets.map((set) => set["api-multi"])),
    "oauth-api": Object.assign({}, ...sets.map((set) => set["oauth-api"])),
  };
}
