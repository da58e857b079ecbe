/**
 * api-multi's OpenAPI 3.1 document, derived from its operation definitions
 * (routes/index.ts, plus the system operations served here) by the shared
 * builder. Served at /openapi.json and rendered at /docs; the SDK's types
 * are generated from it.
 */
import type { ErrorCode } from "@dream-api/shared";
import { exampleOf, workerContract } from "@dream-api/shared/openapi";
import type { AppEnv } from "../context";
import { errorSchema } from "../models";
import { OPERATIONS } from "../routes";
import { docsOperation } from "./docs";
import { WEBHOOKS } from "./webhooks";

export type { OpenApiDocument } from "@dream-api/shared/openapi";

export const TAGS = [
  { name: "Usage", description: "Count an end-user's calls against their tier's monthly limit, and read it." },
  { name: "Customers", description: "Your end-users: register, read, list, move between tiers." },
  { name: "Credits", description: "Prepaid credits: what an end-user can use beyond the period's allowance — bought as credit packs, or granted by you." },
  { name: "Tiers", description: "Your pricing tiers, for your backend and for a public pricing page." },
  { name: "Billing", description: "Stripe Checkout and billing portal sessions on your connected Stripe account." },
  { name: "Dashboard", description: "Everything the dream-api dashboard shows." },
  { name: "Webhooks", description: "Stripe calls these; you do not." },
  { name: "Logs", description: "Your platform's requests of the last 7 days, per mode: the request log." },
  { name: "System", description: "Health and this reference." },
] as const;

/** Errors any call with a credential may answer (`clerk_error`: Clerk's keys for a session token could not be loaded). */
export const AUTH_ERRORS: readonly ErrorCode[] = [
  "unauthorized",
  "invalid_api_key",
  "invalid_token",
  "live_mode_unavailable",
  "rate_limited",
  "internal_error",
  "database_error",
  "clerk_error",
  "misconfigured",
];

const INFO = {
  title: "dream-api",
  version: "1.0.0",
  summary: "Auth, billing and usage limits for your API, on your own Stripe account.",
  description:
    "Call it from your backend with your secret key: register end-users, count their usage against their tier's monthly limit, and sell upgrades through Stripe Checkout. Every error has the same shape — `{ error: { code, message, param? }, requestId }` — and its HTTP status follows from `code`. Every success body carries `mode`.\n\nRate limits (429 `rate_limited` with `Retry-After`), each caller with its own buckets: 100 requests/min per end-user (your backend naming the user, or the end-user's own session); 6,000/min per secret key; 6,000/min per publishable key for all end-user sessions of your app together (counted per end-user first, and never spending your secret key's bucket); and per client IP for calls without a credential and for lookups of keys not seen recently.\n\nKeys: a rotated-out or revoked key is refused within 90 seconds (the revocation bound); a rotation's grace period longer than that ends exactly.",
};

/** Example messages, as the API words them (a message is for humans and may change; switch on `code`). */
const ERROR_EXAMPLE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthorized: "Missing Authorization header. Send `Authorization: Bearer sk_…`.",
  invalid_api_key: "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.",
  invalid_json: "The request body is not valid JSON.",
  invalid_request: "email: must be a valid email address",
  usage_limit_exceeded: "Usage limit reached: 0 of this period's 100 left and no credits; 1 more would exceed them.",
  insufficient_credits: 'Customer "user_42" has 40 credits; a deduction of 50 would take the balance below zero.',
  rate_limited: "Too many requests for this end-user. Retry after 60 seconds.",
  customer_not_found: 'No customer with userId "user_42".',
  idempotency_key_reused: "This Idempotency-Key was already used with a different request in the last 24 hours.",
  body_too_large: "The request body is larger than 64 KiB.",
  invalid_id: "userId may contain only letters, digits and _ . : @ + - (starting with a letter or digit).",
  unknown_plan: '"gold" is not an active tier of this platform (tiers: free, pro).',
  unknown_tier: '"gold" is not an active tier of this platform.',
  sold_out: '"lifetime" is sold out.',
  already_subscribed:
    'Customer "user_42" already has an active subscription (plan "pro"). Change plans or fix the payment in the billing portal (portalUrl) instead of starting a second subscription.',
  idempotency_key_in_progress: "A request with this Idempotency-Key is still being processed. Retry after 1 second to get its response.",
  no_billing_account: 'Customer "user_42" has not paid yet, so there is no billing account to manage.',
  conflict: 'The end-user\'s plan "legacy" is not a tier of this platform. Change the plan with PATCH /api/customers/user_42.',
  invalid_token: "The end-user session token is invalid or expired.",
  customer_exists: 'A customer with userId "user_42" already exists.',
  email_in_use: "ada@example.com is already registered as an end-user.",
  no_tiers_configured: "This platform has no pricing tier yet. Create a tier before adding customers.",
  preview_limit_reached: "Preview mode allows 100 end-users. Subscribe to the paid plan ($15/month) to use live keys without this cap.",
  forbidden: "An end-user session can only act for its own user.",
  stripe_not_connected: "This platform has no connected Stripe account. The developer must connect Stripe to take payments.",
  stripe_error: "Stripe could not create the checkout session (status 500). Nothing was changed; retry the request.",
  clerk_error: "Clerk could not create the user (status 500). Nothing was changed; retry the request.",
  invalid_signature: "The Stripe signature does not match the payload, or its timestamp is too old.",
  internal_error: "Something went wrong on our side. Try again; if it persists, contact support with the request id.",
  database_error: "The plan could not be saved. Nothing was changed; retry the request.",
  not_found: "No platform has this publishable key.",
  live_mode_unavailable:
    "Live mode needs the paid plan ($15/month) and a connected Stripe account; this platform is on the free plan. Subscribe in the dashboard to use live keys again — test keys keep working.",
  livemode_mismatch: 'Event evt_1QxYz is a test-mode event, but end-user "user_42" exists only in live mode. Nothing was applied; the event is recorded.',
};

/** Every operation api-multi serves (its API, then health, this document and its reference page), the document and each one's error codes. */
const contract = workerContract<AppEnv>({
  service: "api-multi",
  operations: OPERATIONS,
  pages: (document) => [docsOperation(document)],
  info: INFO,
  tags: TAGS,
  webhooks: WEBHOOKS,
  securitySchemes: {
    secretKey: {
      name: "secretKey",
      scheme: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "sk_live_… / sk_test_…",
        description: "Your secret key, from your backend only. Test keys see test data; a free developer's test key is a preview (at most 100 end-users).",
      },
    },
    endUserSession: {
      name: "endUserToken",
      scheme: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description: "An end-user's session token from the shared end-user Clerk app (its `publishableKey` claim names your platform). It may act only for its own user.",
      },
    },
    developerSession: {
      name: "developerSession",
      scheme: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The dream-api dashboard's own developer session (read-only routes)." },
    },
  },
  errorSchema,
  authErrors: AUTH_ERRORS,
  errorExamples: {
    messages: ERROR_EXAMPLE_MESSAGES,
    extras: (code, components) => ({
      ...(code === "usage_limit_exceeded" ? { usage: { ...(exampleOf(components["Usage"] ?? {}, components) as object), count: 100, remaining: 0 } } : {}),
      ...(code === "already_subscribed" ? { portalUrl: "https://billing.stripe.com/p/session/test_YWNjdF8xTjJx" } : {}),
    }),
  },
});

export const { allOperations: ALL_OPERATIONS, openApiDocument, errorCodesOf } = contract;
