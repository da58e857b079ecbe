/**
 * front-auth-api's OpenAPI 3.1 document, derived from its operation
 * definitions (routes/index.ts, plus health and this document) by the
 * shared builder; served at /openapi.json. The dashboard's types for this
 * worker are generated from it.
 */
import { developerWorkerContract } from "@dream-api/shared/openapi";
import type { AppEnv } from "../context";
import { errorSchema } from "../models";
import { OPERATIONS } from "../routes";

export type { OpenApiDocument } from "@dream-api/shared/openapi";

/** Every operation front-auth-api serves (its API, then health and this document), the document and each one's error codes. */
const contract = developerWorkerContract<AppEnv>({
  service: "front-auth-api",
  operations: OPERATIONS,
  info: {
    title: "dream-api front-auth-api",
    version: "1.0.0",
    summary: "The platform's own developers: their plan, metered calls, keys and $15/month subscription.",
    description:
      'Called by the dream-api dashboard with the developer\'s session token (the "dream-api" Clerk app). Every error has the same shape — `{ error: { code, message, param? }, requestId }` — and its HTTP status follows from `code`. 100 requests/min per developer (429 `rate_limited`).',
  },
  tags: [
    { name: "Account", description: "The signed-in developer and the metered call." },
    { name: "Keys", description: "The platform's key pairs: issue, rotate, revoke." },
    { name: "Billing", description: "The developer's $15/month plan on the platform's Stripe account." },
    { name: "Settings", description: "Per mode: where Checkout and the portal may send end-users back to." },
    { name: "Webhooks", description: "Stripe calls these; you do not." },
  ],
  errorSchema,
  errorExamples: {
    messages: {
      platform_limit_reached: "You have used all 5 metered calls of the free plan this month. Upgrade to the paid plan ($15/month, 500 calls): POST /checkout.",
      already_subscribed: "You are already on the paid plan. Manage the subscription in the billing portal (portalUrl, or POST /portal).",
      not_found: "No current test key to rotate. Create credentials first (POST /credentials).",
      no_billing_account: "You have no subscription yet. Subscribe with POST /checkout first.",
      invalid_id: "keyId must be a key id (key_…) from GET /me.",
    },
    extras: (code) => (code === "already_subscribed" ? { portalUrl: "https://billing.stripe.com/p/session/test_YWNjdF8xTjJx" } : {}),
  },
});

export const { allOperations: ALL_OPERATIONS, openApiDocument, errorCodesOf } = contract;
