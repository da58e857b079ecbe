/**
 * Every route of api-multi as an OpenAPI operation. Request schemas are the
 * very zod objects the routes validate with; responses are ./models. The
 * contract test checks this list against the app's routes both ways.
 */
import { PUBLISHABLE_KEY_PATTERN, type ErrorCode } from "@dream-api/shared";
import { z } from "zod";
import { checkoutBody, portalBody } from "../routes/billing";
import { createCustomerBody, listCustomersQuery, updateCustomerBody } from "../routes/customers";
import { trackBody } from "../routes/usage";
import { endUserIdSchema } from "../schemas";
import { IDEMPOTENCY_KEY_PATTERN } from "../services/usage/idempotent-track";
import { responses } from "./models";

/** How a route authenticates; an operation lists the ones it accepts. */
export type Security = "secretKey" | "endUserToken" | "developerSession";

export const TAGS = [
  { name: "Usage", description: "Count an end-user's calls against their tier's monthly limit, and read it." },
  { name: "Customers", description: "Your end-users: register, read, list, move between tiers." },
  { name: "Tiers", description: "Your pricing tiers, for your backend and for a public pricing page." },
  { name: "Billing", description: "Stripe Checkout and billing portal sessions on your connected Stripe account." },
  { name: "Dashboard", description: "Everything the dream-api dashboard shows." },
  { name: "Webhooks", description: "Stripe calls these; you do not." },
  { name: "System", description: "Health and this reference." },
] as const;

export interface Operation {
  method: "get" | "post" | "patch";
  /** OpenAPI form: `/api/customers/{userId}`. */
  path: string;
  /** The SDK method that calls it, e.g. `customers.create`. */
  operationId: string;
  tag: (typeof TAGS)[number]["name"];
  summary: string;
  description: string;
  /** Alternatives; empty = no authentication. */
  security: Security[];
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: { schema: z.ZodType; example: Record<string, unknown> };
  response: { status: 200 | 201; schema: z.ZodType; description: string; headers?: Record<string, string>; contentType?: string };
  /** Codes this operation may answer besides the ones every authenticated call may (see AUTH_ERRORS). */
  errors: ErrorCode[];
}

/** Errors any authenticated call may answer (`clerk_error`: Clerk's keys for a session token could not be loaded). */
export const AUTH_ERRORS: readonly ErrorCode[] = ["unauthorized", "invalid_api_key", "invalid_token", "rate_limited", "internal_error", "database_error", "clerk_error", "misconfigured"];

/** Every code `operation` may answer: its own, and the authentication ones when it authenticates. */
export function errorCodesOf(operation: Operation): ErrorCode[] {
  return [...new Set([...(operation.security.length > 0 ? AUTH_ERRORS : []), ...operation.errors])];
}

const userIdPath = z.strictObject({ userId: endUserIdSchema.meta({ description: "Your id for the end-user.", example: "user_42" }) });

const userIdHeader = endUserIdSchema.meta({ description: "The end-user, when the body or query does not name it.", example: "user_42" });

const BODY_ERRORS: ErrorCode[] = ["invalid_json", "invalid_request", "body_too_large"];

export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/usage/track",
    operationId: "usage.track",
    tag: "Usage",
    summary: "Track usage",
    description:
      "Counts `amount` for an end-user, atomically against the tier's monthly limit: either the whole amount is counted and the call answers 200 with the usage after it, or nothing is counted and it answers 403 `usage_limit_exceeded` with the usage that refused it. An unknown userId is registered on your cheapest tier. Send an `Idempotency-Key` to make retries safe: the same key within 24 hours replays the first answer (header `Idempotent-Replayed: true`) and counts nothing; a retry that arrives while the first call is still running waits briefly for its answer, else is 409 `idempotency_key_in_progress` with `Retry-After: 1`.",
    security: ["secretKey"],
    headers: z.strictObject({
      "X-User-Id": userIdHeader.optional(),
      "Idempotency-Key": z
        .string()
        .regex(IDEMPOTENCY_KEY_PATTERN)
        .optional()
        .meta({ description: "1–255 visible ASCII characters, unique per logical call; kept 24 hours.", example: "job_7781" }),
    }),
    body: { schema: trackBody, example: { userId: "user_42", amount: 1 } },
    response: {
      status: 200,
      schema: responses.usage,
      description: "Counted. The usage after this call.",
      headers: { "Idempotent-Replayed": "`true` when this is the stored answer of an earlier call with the same Idempotency-Key." },
    },
    errors: [...BODY_ERRORS, "invalid_id", "usage_limit_exceeded", "preview_limit_reached", "no_tiers_configured", "idempotency_key_reused", "idempotency_key_in_progress", "conflict"],
  },
  {
    method: "get",
    path: "/api/usage",
    operationId: "usage.check",
    tag: "Usage",
    summary: "Check usage",
    description: "Reads an end-user's usage without counting. With an end-user session token the user is the token's; naming another is 403.",
    security: ["secretKey", "endUserToken"],
    query: z.strictObject({ userId: userIdHeader.optional() }),
    headers: z.strictObject({ "X-User-Id": userIdHeader.optional() }),
    response: { status: 200, schema: responses.usage, description: "The usage in the current period." },
    errors: ["invalid_request", "invalid_id", "forbidden", "customer_not_found", "preview_limit_reached", "no_tiers_configured", "conflict"],
  },
  {
    method: "post",
    path: "/api/customers",
    operationId: "customers.create",
    tag: "Customers",
    summary: "Create a customer",
    description:
      "Registers an end-user: a user in the shared end-user Clerk app, and a customer on `plan` (default: your cheapest tier). Without `userId`, the Clerk user id becomes the userId.",
    security: ["secretKey"],
    body: { schema: createCustomerBody, example: { userId: "user_42", email: "ada@example.com", plan: "free" } },
    response: { status: 201, schema: responses.customer, description: "Created." },
    errors: [...BODY_ERRORS, "invalid_id", "unknown_plan", "customer_exists", "email_in_use", "no_tiers_configured", "preview_limit_reached", "clerk_error"],
  },
  {
    method: "get",
    path: "/api/customers",
    operationId: "customers.list",
    tag: "Customers",
    summary: "List customers",
    description: "One page of your end-users, newest first. Follow `nextCursor` for the next page; `q` filters by a prefix of the userId or email.",
    security: ["secretKey", "developerSession"],
    query: listCustomersQuery,
    response: { status: 200, schema: responses.customerPage, description: "A page of customers." },
    errors: ["invalid_request", "not_found"],
  },
  {
    method: "get",
    path: "/api/customers/{userId}",
    operationId: "customers.get",
    tag: "Customers",
    summary: "Get a customer",
    description: "One end-user with plan, usage this period and latest subscription.",
    security: ["secretKey", "developerSession"],
    pathParams: userIdPath,
    response: { status: 200, schema: responses.customer, description: "The customer." },
    errors: ["invalid_request", "invalid_id", "customer_not_found", "not_found"],
  },
  {
    method: "patch",
    path: "/api/customers/{userId}",
    operationId: "customers.update",
    tag: "Customers",
    summary: "Change a customer's plan",
    description: "Moves an end-user to another tier (an admin override: no payment is taken). Usage counted this period is kept.",
    security: ["secretKey"],
    pathParams: userIdPath,
    body: { schema: updateCustomerBody, example: { plan: "pro" } },
    response: { status: 200, schema: responses.customer, description: "The customer on its new plan." },
    errors: [...BODY_ERRORS, "invalid_id", "unknown_plan", "customer_not_found"],
  },
  {
    method: "get",
    path: "/api/tiers",
    operationId: "tiers.list",
    tag: "Tiers",
    summary: "List tiers",
    description: "Your active tiers in display order, with their Stripe price ids.",
    security: ["secretKey", "developerSession"],
    response: { status: 200, schema: responses.tiers, description: "The active tiers." },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/public/tiers",
    operationId: "tiers.listPublic",
    tag: "Tiers",
    summary: "List public tiers",
    description: "Your pricing for a public page, by publishable key: no authentication, any origin, no Stripe ids, cacheable for 60 seconds.",
    security: [],
    query: z.strictObject({ pk: z.string().regex(PUBLISHABLE_KEY_PATTERN).meta({ description: "Your publishable key.", example: "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b" }) }),
    response: { status: 200, schema: responses.publicTiers, description: "The active tiers.", headers: { "Cache-Control": "`public, max-age=60`" } },
    errors: ["invalid_request", "not_found", "invalid_api_key", "rate_limited", "internal_error", "database_error"],
  },
  {
    method: "post",
    path: "/api/checkout",
    operationId: "checkout.create",
    tag: "Billing",
    summary: "Create a checkout session",
    description:
      "A Stripe Checkout session on your connected account for a paid tier. Send the end-user to `url`; Stripe's webhooks then move their plan. An end-user has at most one subscription per platform: while one is active, trialing or past due, checking out any subscription tier is 409 `already_subscribed`, whose body carries `portalUrl`, a billing-portal session where the end-user changes plan instead (one-off purchases stay open). With an end-user session token, `userId` defaults to (and must be) the token's user.",
    security: ["secretKey", "endUserToken"],
    body: { schema: checkoutBody, example: { userId: "user_42", tier: "pro", successUrl: "https://app.example.com/billing/done", cancelUrl: "https://app.example.com/pricing" } },
    response: { status: 201, schema: responses.checkout, description: "Created." },
    errors: [...BODY_ERRORS, "invalid_id", "forbidden", "unknown_tier", "sold_out", "already_subscribed", "conflict", "customer_not_found", "preview_limit_reached", "no_tiers_configured", "stripe_not_connected", "stripe_error"],
  },
  {
    method: "post",
    path: "/api/portal",
    operationId: "portal.create",
    tag: "Billing",
    summary: "Create a billing portal session",
    description: "A Stripe billing portal session where an end-user with a subscription manages or cancels it.",
    security: ["secretKey", "endUserToken"],
    body: { schema: portalBody, example: { userId: "user_42", returnUrl: "https://app.example.com/account" } },
    response: { status: 201, schema: responses.portal, description: "Created." },
    errors: [...BODY_ERRORS, "invalid_id", "forbidden", "customer_not_found", "no_billing_account", "conflict", "preview_limit_reached", "no_tiers_configured", "stripe_not_connected", "stripe_error"],
  },
  {
    method: "get",
    path: "/api/dashboard",
    operationId: "dashboard.get",
    tag: "Dashboard",
    summary: "Get the dashboard",
    description: "Customers, usage, subscriptions, tiers, keys (prefixes only), MRR, active subscriptions and recent webhook events of your platform.",
    security: ["secretKey", "developerSession"],
    response: { status: 200, schema: responses.dashboard, description: "The dashboard." },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/webhook/stripe",
    operationId: "webhooks.stripe",
    tag: "Webhooks",
    summary: "Receive a Stripe event",
    description:
      "Stripe's Connect (and preview) webhook endpoint. The signature is the authentication. Each event is applied once: a redelivery answers `duplicate: true` and changes nothing. A 500 asks Stripe to retry.",
    security: [],
    headers: z.strictObject({ "Stripe-Signature": z.string().meta({ description: "Stripe's signature of the raw body.", example: "t=1763900000,v1=5257a869e7ec…" }) }),
    body: { schema: z.looseObject({ id: z.string(), type: z.string() }).meta({ description: "A Stripe event." }), example: { id: "evt_1QxYz", type: "customer.subscription.updated" } },
    response: { status: 200, schema: responses.webhook, description: "Received." },
    errors: ["invalid_signature", "body_too_large", "invalid_json", "invalid_request", "internal_error", "database_error", "stripe_error", "clerk_error"],
  },
  {
    method: "get",
    path: "/health",
    operationId: "health",
    tag: "System",
    summary: "Health",
    description: "Answers while the worker runs.",
    security: [],
    response: { status: 200, schema: responses.health, description: "Up." },
    errors: [],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "openapi",
    tag: "System",
    summary: "This document",
    description: "The OpenAPI 3.1 document of this API, generated from the routes' schemas.",
    security: [],
    response: { status: 200, schema: z.looseObject({ openapi: z.literal("3.1.0") }).meta({ id: "OpenApiDocument" }), description: "The document." },
    errors: [],
  },
  {
    method: "get",
    path: "/docs",
    operationId: "docs",
    tag: "System",
    summary: "API reference",
    description: "This reference as an HTML page.",
    security: [],
    response: { status: 200, schema: z.string().meta({ id: "HtmlPage" }), description: "An HTML page.", contentType: "text/html" },
    errors: [],
  },
];
