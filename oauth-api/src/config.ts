/** oauth-api's configuration, parsed once per isolate (the only module that reads env vars). */
import { parseEnv } from "@dream-api/shared";
import { developerSessionConfigFields } from "@dream-api/shared/hono";
import { stripeModeKeyConfigFields } from "@dream-api/shared/stripe";
import { z } from "zod";

const configSchema = z.object({
  ...developerSessionConfigFields,
  ...stripeModeKeyConfigFields,
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
