/**
 * oauth-api's OpenAPI 3.1 document, derived from its operation definitions
 * (routes/index.ts, plus health and this document) by the shared builder;
 * served at /openapi.json. The dashboard's types for this worker are
 * generated from it.
 */
import { developerWorkerContract } from "@dream-api/shared/openapi";
import type { AppEnv } from "../context";
import { errorSchema } from "../models";
import { OPERATIONS } from "../routes";

export type { OpenApiDocument } from "@dream-api/shared/openapi";

/** Every operation oauth-api serves (its API, then health and this document), the document and each one's error codes. */
const contract = developerWorkerContract<AppEnv>({
  service: "oauth-api",
  operations: OPERATIONS,
  info: {
    title: "dream-api oauth-api",
    version: "1.0.0",
    summary: "Connects a developer's own Stripe account and keeps their pricing tiers as Stripe products and prices on it.",
    description:
      "Called by the dream-api dashboard with the developer's session token (the \"dream-api\" Clerk app), except the Connect callback, where Stripe sends the developer's browser back with a state we signed. Every error has the same shape — `{ error: { code, message, param? }, requestId }` — and its HTTP status follows from `code`. 100 requests/min per developer; the callback 60/min per client IP (429 `rate_limited`).",
  },
  tags: [
    { name: "Connect", description: "The developer's own Stripe account (Connect Standard)." },
    { name: "Tiers", description: "Pricing tiers as Stripe products and prices on the connected account (served at /products)." },
  ],
  errorSchema,
  errorExamples: {
    messages: {
      invalid_state: "This connect link was already used or has expired. Start again from the dashboard.",
      conflict: 'A tier named "pro" already exists; names are unique.',
      not_found: 'No tier named "gold".',
      stripe_not_connected: "Connect your Stripe account before creating paid tiers; free tiers need no Stripe.",
    },
  },
});

export const { allOperations: ALL_OPERATIONS, openApiDocument, errorCodesOf } = contract;
