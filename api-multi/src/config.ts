/**
 * api-multi's configuration, parsed once per isolate from the bindings'
 * vars and secrets (the only module that reads env vars).
 */
import { parseEnv } from "@dream-api/shared";
import { authorizedPartiesVar } from "@dream-api/shared/hono";
import { z } from "zod";

const configSchema = z.object({
  CLERK_SECRET_KEY: z.string().min(1),
  CLERK_API_URL: z.url().optional(),
  CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY").optional(),
  STRIPE_SECRET_KEY: z.string().min(1),
  STRIPE_API_BASE: z.url().optional(),
  /** Stripe client timeout per request in ms (default 20,000). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith("whsec_"),
  STRIPE_PREVIEW_WEBHOOK_SECRET: z.string().startsWith("whsec_"),
  DASHBOARD_URL: z.url(),
  /** The "dream-api" Clerk app: developers' dashboard sessions may read their platform's data here. */
  DEVELOPER_CLERK_SECRET_KEY: z.string().min(1),
  DEVELOPER_CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY").optional(),
  DEVELOPER_AUTHORIZED_PARTIES: authorizedPartiesVar,
  CORS_ORIGINS: z.string().default(""),
  KEY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  PREVIEW_MAX_END_USERS: z.coerce.number().int().min(0).default(100),
});

export type ApiMultiConfig = z.output<typeof configSchema>;

export function config(env: Env): ApiMultiConfig {
  return parseEnv(configSchema, env);
}
