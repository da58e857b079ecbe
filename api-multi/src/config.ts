/**
 * api-multi's configuration, parsed once per isolate from the bindings'
 * vars and secrets (the only module that reads env vars).
 */
import { parseEnv } from "@dream-api/shared";
import { authorizedPartiesVar } from "@dream-api/shared/hono";
import { stripeModeKeyConfigFields } from "@dream-api/shared/stripe";
import { z } from "zod";

const configSchema = z.object({
  CLERK_SECRET_KEY: z.string().min(1),
  CLERK_API_URL: z.url().optional(),
  CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY").optional(),
  ...stripeModeKeyConfigFields,
  /** Signing secrets of the Connect endpoints (POST /webhook/stripe), one per mode. */
  STRIPE_CONNECT_WEBHOOK_SECRET_TEST: z.string().startsWith("whsec_"),
  STRIPE_CONNECT_WEBHOOK_SECRET_LIVE: z.string().startsWith("whsec_"),
  /** Signing secret of the test-mode endpoint on the platform's own account (preview checkouts run there, in test mode only). */
  STRIPE_PREVIEW_WEBHOOK_SECRET: z.string().startsWith("whsec_"),
  DASHBOARD_URL: z.url(),
  /** The "dream-api" Clerk app: developers' dashboard sessions may read their platform's data here. */
  DEVELOPER_CLERK_SECRET_KEY: z.string().min(1),
  DEVELOPER_CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY").optional(),
  DEVELOPER_AUTHORIZED_PARTIES: authorizedPartiesVar,
  CORS_ORIGINS: z.string().default(""),
  KEY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  PREVIEW_MAX_END_USERS: z.coerce.number().int().min(0).default(100),
  /** Seals developers' webhook signing secrets at rest (AES-256-GCM): 32 bytes, base64. */
  WEBHOOK_SECRET_ENCRYPTION_KEY: z.base64().refine((value) => atob(value).length === 32, { message: "must be 32 bytes, base64-encoded" }),
  /**
   * Seconds to wait before each retry of a failed webhook delivery (the first
   * attempt is immediate): Svix's schedule, 8 attempts over about 27 hours.
   */
  WEBHOOK_RETRY_DELAYS_SECONDS: z
    .string()
    .default("5,300,1800,7200,18000,36000,36000")
    .transform((value) => value.split(",").map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(0).max(43_200)).max(20)),
  /** How long one delivery attempt may take before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(15_000),
  /** How long an isolate gathers request-log lines before one queue send (the tests set 0, so calls wait for no timer). */
  REQUEST_LOG_FLUSH_MS: z.coerce.number().int().min(0).max(5000).default(200),
});

export type ApiMultiConfig = z.output<typeof configSchema>;

export function config(env: Env): ApiMultiConfig {
  return parseEnv(configSchema, env);
}
