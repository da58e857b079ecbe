/** oauth-api's configuration, parsed once per isolate (the only module that reads env vars). */
import { parseEnv } from "@dream-api/shared";
import { developerSessionConfigFields } from "@dream-api/shared/hono";
import { z } from "zod";

const configSchema = z.object({
  ...developerSessionConfigFields,
  STRIPE_SECRET_KEY: z.string().min(1),
  STRIPE_API_BASE: z.url().optional(),
  /** Stripe client timeout per request in ms (default 20,000). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).optional(),
  STRIPE_CONNECT_AUTHORIZE_URL: z.url(),
  STRIPE_CONNECT_CLIENT_ID: z.string().startsWith("ca_"),
  CONNECT_REDIRECT_URI: z.url(),
  OAUTH_STATE_SECRET: z.string().min(32),
  DASHBOARD_URL: z.url(),
  CORS_ORIGINS: z.string().default(""),
});

export type OAuthApiConfig = z.output<typeof configSchema>;

export function config(env: Env): OAuthApiConfig {
  return parseEnv(configSchema, env);
}
