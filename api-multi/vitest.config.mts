/**
 * api-multi's tests (the shared set-up: @dream-api/testkit/vitest-config).
 * Its own Clerk app is the end-users' one; developers' dashboard sessions
 * come from the "dream-api" app.
 *
 * Three projects: "api-multi" keeps the production rate limits (so the
 * 101st call in a minute is refused); "api-multi:raised-limits" raises them
 * for the concurrency tests; "api-multi:tight-limits" makes every bucket
 * small, so the rate-limit tests can run each one to its end in a few calls.
 */
import { workerTestConfig } from "@dream-api/testkit/vitest-config";

const limits = (endUser: number, apiKey: number, tenantSessions: number, clientIp: number) => ({
  END_USER_RATE_LIMITER: { namespace_id: "1001", simple: { limit: endUser, period: 60 as const } },
  API_KEY_RATE_LIMITER: { namespace_id: "1002", simple: { limit: apiKey, period: 60 as const } },
  END_USER_SESSIONS_RATE_LIMITER: { namespace_id: "1003", simple: { limit: tenantSessions, period: 60 as const } },
  CLIENT_IP_RATE_LIMITER: { namespace_id: "1004", simple: { limit: clientIp, period: 60 as const } },
});
const RAISED = 1_000_000;
/** A fresh key each run, as production's is its own secret. */
const WEBHOOK_SECRET_ENCRYPTION_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");

export default workerTestConfig({
  clerkApp: "end-user-api",
  bindings: (cloud) => ({
    STRIPE_CONNECT_WEBHOOK_SECRET_TEST: cloud.connectWebhookSecret,
    STRIPE_CONNECT_WEBHOOK_SECRET_LIVE: cloud.connectLiveWebhookSecret,
    STRIPE_PREVIEW_WEBHOOK_SECRET: cloud.previewWebhookSecret,
    DEVELOPER_CLERK_SECRET_KEY: cloud.dreamApiClerkSecret,
    DEVELOPER_CLERK_JWT_KEY: cloud.dreamApiJwtKey,
    WEBHOOK_SECRET_ENCRYPTION_KEY: WEBHOOK_SECRET_ENCRYPTION_KEY,
    // Retries without waiting: the retry tests count attempts, not minutes (the schedule itself is config).
    WEBHOOK_RETRY_DELAYS_SECONDS: "0,0,0",
    // Request-log lines are sent at once, so no call waits on the batching timer (test/routes/logs/ sets it where it tests batching).
    REQUEST_LOG_FLUSH_MS: "0",
  }),
  testTimeout: 30_000,
  projects: [
    { name: "api-multi", include: ["test/**/*.test.ts"], exclude: ["test/**/*.raised-limits.test.ts", "test/**/*.tight-limits.test.ts"] },
    { name: "api-multi:raised-limits", include: ["test/**/*.raised-limits.test.ts"], exclude: [], ratelimits: limits(RAISED, RAISED, RAISED, RAISED) },
    /** The numbers test/rate-limit.tight-limits.test.ts counts to. */
    { name: "api-multi:tight-limits", include: ["test/**/*.tight-limits.test.ts"], exclude: [], ratelimits: limits(5, 20, 20, 8) },
  ],
});
