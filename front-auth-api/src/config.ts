/** front-auth-api's configuration, parsed once per isolate (the only module that reads env vars). */
import { parseEnv } from "@dream-api/shared";
import { developerSessionConfigFields } from "@dream-api/shared/hono";
import { z } from "zod";

const configSchema = z.object({
  ...developerSessionConfigFields,
  STRIPE_SECRET_KEY: z.string().min(1),
  STRIPE_API_BASE: z.url().optional(),
  /** Stripe client timeout per request in ms (default 20,000). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_"),
  STRIPE_PLATFORM_PRICE: z.string().min(1),
  DASHBOARD_URL: z.url(),
  CORS_ORIGINS: z.string().default(""),
  FREE_MONTHLY_CALLS: z.coerce.number().int().min(0).default(5),
  PAID_MONTHLY_CALLS: z.coerce.number().int().min(0).default(500),
});

export type FrontAuthConfig = z.output<typeof configSchema>;

export function config(env: Env): FrontAuthConfig {
  return parseEnv(configSchema, env);
}
