/**
 * What api-multi answers, as zod schemas: the response half of its OpenAPI
 * document. They are strict, so the contract test (test/openapi.test.ts)
 * fails when a route answers a field the reference does not describe, or
 * leaves out one it promises.
 */
import { errorModel, isoDateTime } from "@dream-api/shared/openapi";
import { z } from "zod";

const nullableDateTime = isoDateTime.nullable();

export const apiModeSchema = z.enum(["preview", "test", "live"]).meta({
  id: "ApiMode",
  description: "Which world the answer comes from: \"preview\" for a free developer's test key (at most 100 end-users), else the key's mode.",
});

export const usageSchema = z
  .strictObject({
    count: z.number().int().min(0).meta({ description: "Units counted in the current period." }),
    limit: z.number().int().nullable().meta({ description: "The tier's monthly limit; null on an unlimited tier." }),
    remaining: z.number().int().min(0).nullable().meta({ description: "What can still be used: what the period's allowance has left plus the unexpired credits; null on an unlimited tier." }),
    credits: z.number().int().min(0).meta({ description: "Unexpired prepaid credits, spent only once the period's allowance is used up (never on an unlimited tier)." }),
    plan: z.string().meta({ description: "The tier the end-user is on." }),
    periodStart: isoDateTime.meta({ description: "Start of the period (inclusive): the UTC month, or a paying end-user's subscription period." }),
    periodEnd: isoDateTime.meta({ description: "End of the period (exclusive)." }),
  })
  .meta({
    id: "Usage",
    description: "An end-user's usage in the current billing period.",
    example: { count: 42, limit: 100, remaining: 58, credits: 0, plan: "free", periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" },
  });

export const creditGrantSchema = z
  .strictObject({
    id: z.string().meta({ description: "The movement's id.", example: "cg_5f1e0c9a7b3d2e4f6a8b9c0d" }),
    source: z.enum(["purchase", "api", "dashboard", "plan"]).meta({ description: "What made it: a paid credit pack, your API call, the dashboard, or the tier's own credits." }),
    amount: z.number().int().meta({ description: "Credits added (a grant, > 0) or taken away (a deduction, < 0)." }),
    remaining: z.number().int().min(0).meta({ description: "Of a grant, what is left to spend (0 for a deduction, or once spent or expired)." }),
    expiresAt: nullableDateTime.meta({ description: "After this moment the grant's remaining credits are never spent; null: they never expire." }),
    expired: z.boolean().meta({ description: "The grant has expired: what it has left no longer counts." }),
    reason: z.string().nullable().meta({ description: "Why, as given (a purchase says which pack)." }),
    createdAt: isoDateTime,
  })
  .meta({ id: "CreditGrant", description: "One movement of an end-user's credits: a grant, or a deduction." });

const subscriptionStatus = z.string().meta({ description: "Stripe's subscription status: active, trialing, past_due, canceled, …", example: "active" });

export const subscriptionSummarySchema = z
  .strictObject({ status: subscriptionStatus, cancelAtPeriodEnd: z.boolean(), currentPeriodEnd: nullableDateTime, canceledAt: nullableDateTime })
  .meta({ id: "SubscriptionSummary", description: "The end-user's latest subscription, summarised." });

export const customerSubscriptionSchema = z
  .strictObject({
    id: z.string().meta({ description: "Stripe subscription id.", example: "sub_1QxYz" }),
    status: subscriptionStatus,
    plan: z.string().meta({ description: "The tier the subscription pays for." }),
    currentPeriodEnd: nullableDateTime,
    cancelAtPeriodEnd: z.boolean(),
    canceledAt: nullableDateTime,
  })
  .meta({ id: "CustomerSubscription", description: "The end-user's latest subscription." });

const customerFields = {
  userId: z.string().meta({ description: "Your id for the end-user.", example: "user_42" }),
  email: z.string().nullable().meta({ example: "ada@example.com" }),
  plan: z.string().meta({ description: "The end-user's tier.", example: "free" }),
  clerkUserId: z.string().nullable().meta({ description: "The end-user's id in the shared Clerk app; null for end-users registered by a first track." }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  usage: usageSchema,
};

export const customerSchema = z.strictObject({ ...customerFields, subscription: customerSubscriptionSchema.nullable() }).meta({ id: "Customer", description: "An end-user of your platform." });

export const customerListItemSchema = z
  .strictObject({ ...customerFields, subscription: subscriptionSummarySchema.nullable() })
  .meta({ id: "CustomerListItem", description: "An end-user as lists show it." });

const tierKind = z.enum(["subscription", "one_off"]).meta({ id: "TierKind" });

const publicTierFields = {
  name: z.string().meta({ description: "The tier's key, used in `plan` and `tier` fields.", example: "pro" }),
  displayName: z.string().meta({ example: "Pro" }),
  kind: tierKind,
  price: z.number().int().min(0).meta({ description: "Minor units (cents).", example: 1900 }),
  currency: z.string().meta({ description: "ISO 4217, lower case.", example: "usd" }),
  limit: z.number().int().nullable().meta({ description: "Monthly limit; null = unlimited (always null for one-off tiers).", example: 10000 }),
  features: z.array(z.string()),
  popular: z.boolean(),
  inventory: z.number().int().nullable().meta({ description: "One-off tiers: units left; null = not tracked." }),
  credits: z.number().int().nullable().meta({ description: "One-off tiers (credit packs): the credits a purchase adds to the end-user's balance; null = none." }),
  creditValidityDays: z.number().int().nullable().meta({ description: "Days a purchase's credits stay valid; null = they never expire." }),
  imageUrl: z.string().nullable(),
  description: z.string().nullable(),
};

export const tierSchema = z
  .strictObject({
    ...publicTierFields,
    priceId: z.string().nullable().meta({ description: "Stripe price on your connected account; null for free tiers." }),
    productId: z.string().nullable(),
    sortOrder: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: "Tier", description: "A pricing tier." });

export const publicTierSchema = z
  .strictObject({ ...publicTierFields, soldOut: z.boolean().meta({ description: "A one-off tier whose inventory is 0." }) })
  .meta({ id: "PublicTier", description: "A tier as your public pricing page shows it: no Stripe ids." });

export const brandSchema = z
  .strictObject({
    displayName: z.string().nullable().meta({ description: "The name to show instead of the platform's; null: none set.", example: "Acme AI" }),
    logoUrl: z.string().nullable().meta({ description: "The logo to show.", example: "https://app.example/logo.png" }),
    accentColor: z.string().nullable().meta({ description: "Buttons and highlights, `#RRGGBB`.", example: "#4f46e5" }),
    supportEmail: z.string().nullable().meta({ description: 'Where end-users write with questions ("Questions? support@…").', example: "support@app.example" }),
  })
  .meta({ id: "Brand", description: "How your hosted pages present you, as set in the dashboard's Settings for the key's mode; each field null when unset." });

const moneyAmount = { currency: z.string(), amount: z.number().int().meta({ description: "Minor units." }) };

export const dashboardSchema = z
  .strictObject({
    platformId: z.string().meta({ example: "plt_8dJ2kQ" }),
    period: z.strictObject({ start: isoDateTime, end: isoDateTime }).meta({ description: "The current calendar-month period." }),
    keys: z.array(
      z.strictObject({
        keyId: z.string(),
        mode: z.enum(["test", "live"]),
        publishableKey: z.string(),
        secretPrefix: z.string().meta({ description: "e.g. sk_test_AbCd…: the secret itself is never returned.", example: "sk_test_AbCd" }),
        createdAt: isoDateTime,
        expiresAt: nullableDateTime.meta({ description: "End of a rotated-out key's grace period." }),
        active: z.boolean(),
      }),
    ),
    tiers: z.array(tierSchema).meta({ description: "All tiers, archived ones included." }),
    customers: z.array(customerListItemSchema).meta({ description: "The 50 newest customers." }),
    subscriptions: z.array(
      z.strictObject({
        subscriptionId: z.string(),
        userId: z.string(),
        plan: z.string(),
        priceId: z.string().nullable(),
        status: subscriptionStatus,
        currentPeriodStart: nullableDateTime,
        currentPeriodEnd: nullableDateTime,
        cancelAtPeriodEnd: z.boolean(),
        canceledAt: nullableDateTime,
        lastPaymentError: z.string().nullable().meta({ description: "Why the latest payment failed, while it is unsettled." }),
      }),
    ),
    recentEvents: z.array(z.strictObject({ eventId: z.string(), type: z.string(), outcome: z.string().nullable(), error: z.string().nullable(), receivedAt: isoDateTime })),
    dailyUsage: z.array(z.strictObject({ day: z.string().meta({ example: "2026-11-23" }), calls: z.number().int() })).meta({
      description: "Calls per UTC day, last 30 days, oldest first.",
    }),
    totals: z.strictObject({
      customers: z.number().int(),
      callsThisPeriod: z.number().int(),
      activeSubscriptions: z.number().int(),
      mrr: z.array(z.strictObject(moneyAmount)).meta({ description: "Monthly recurring revenue per currency." }),
      activeByTier: z.array(z.strictObject({ tier: z.string(), subscribers: z.number().int() })),
      oneOffRevenue: z.array(z.strictObject({ ...moneyAmount, purchases: z.number().int() })),
    }),
  })
  .meta({ id: "Dashboard", description: "Everything the dashboard shows about your platform." });

const withMode = { mode: apiModeSchema };

export const responses = {
  usage: z.strictObject({ usage: usageSchema, ...withMode }).meta({ id: "UsageResponse" }),
  customer: z.strictObject({ customer: customerSchema, ...withMode }).meta({ id: "CustomerResponse" }),
  customerPage: z
    .strictObject({
      data: z.array(customerListItemSchema).meta({ description: "Newest first." }),
      hasMore: z.boolean(),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
      ...withMode,
    })
    .meta({ id: "CustomerPage" }),
  credits: z
    .strictObject({
      userId: z.string(),
      balance: z.number().int().min(0).meta({ description: "Unexpired credits: what tracks past the period's allowance can still spend." }),
      grants: z.array(creditGrantSchema).meta({ description: "Grants and deductions, newest first." }),
      hasMore: z.boolean(),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
      ...withMode,
    })
    .meta({ id: "CreditBalance" }),
  creditMovement: z
    .strictObject({
      userId: z.string(),
      grant: creditGrantSchema,
      balance: z.number().int().min(0).meta({ description: "Unexpired credits after this movement." }),
      ...withMode,
    })
    .meta({ id: "CreditMovementResponse" }),
  tiers: z.strictObject({ tiers: z.array(tierSchema).meta({ description: "Active tiers in display order." }), ...withMode }).meta({ id: "TierList" }),
  publicTiers: z
    .strictObject({
      platformId: z.string().meta({ description: "The platform: its pricing page is `/p/<platformId>` (live) or `/p/<platformId>/test`, whatever keys it has.", example: "plt_8dJ2kQ4mN7rT1vW3" }),
      organizationId: z
        .string()
        .nullable()
        .meta({ description: "The Clerk organization of this platform and mode in the shared end-user app (null until someone joins): a session with it active acts here.", example: "org_2x9Kq" }),
      tiers: z.array(publicTierSchema),
      brand: brandSchema,
      ...withMode,
    })
    .meta({ id: "PublicTierList" }),
  joined: z
    .strictObject({
      organizationId: z.string().meta({ description: "Make it the session's active organization (Clerk `setActive`); its tokens then act as this customer.", example: "org_2x9Kq" }),
      userId: z.string().meta({ description: "The person's customer id here.", example: "user_2NNEqL2nrIRdJ194ndJqAHwEfxC" }),
      plan: z.string().meta({ description: "Their plan here.", example: "free" }),
      ...withMode,
    })
    .meta({ id: "Joined" }),
  deletedCustomer: z.strictObject({ userId: z.string(), deleted: z.literal(true), ...withMode }).meta({ id: "DeletedCustomer" }),
  checkout: z
    .strictObject({
      id: z.string().meta({ description: "Stripe Checkout session id.", example: "cs_test_a1B2" }),
      url: z.string().meta({ description: "Where to send the end-user to pay.", example: "https://checkout.stripe.com/c/pay/cs_test_a1B2" }),
      ...withMode,
    })
    .meta({ id: "CheckoutSession" }),
  portal: z
    .strictObject({ url: z.string().meta({ description: "Stripe billing portal URL for the end-user.", example: "https://billing.stripe.com/p/session/test_YWNj" }), ...withMode })
    .meta({ id: "PortalSession" }),
  dashboard: z.strictObject({ ...dashboardSchema.shape, ...withMode }).meta({ id: "DashboardResponse" }),
} as const;

const webhookEventTypeList = z
  .array(z.string())
  .nullable()
  .meta({ description: "The event types it receives; null = every type.", example: ["usage.threshold_reached", "customer.plan_changed"] });

export const webhookEndpointSchema = z
  .strictObject({
    id: z.string().meta({ example: "we_3kT9xQ2mP7rL1vW8nB4cD6fH" }),
    url: z.string().meta({ example: "https://api.example.com/webhooks/dream" }),
    description: z.string().nullable(),
    events: webhookEventTypeList,
    enabled: z.boolean(),
    disabledReason: z
      .enum(["manual", "failing"])
      .nullable()
      .meta({ description: '"failing": dream-api disabled it after 5 days of failed deliveries; enable it again (PATCH enabled: true) once it answers 2xx.' }),
    failingSince: nullableDateTime.meta({ description: "The first failed attempt since the last success; null while deliveries succeed." }),
    secretPrefix: z.string().meta({ description: "The start of the signing secret, to tell secrets apart; the whole secret is shown only when created or rotated.", example: "whsec_K3q9" }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "WebhookEndpoint", description: "Where dream-api posts your events, signed as Standard Webhooks prescribe." });

export const webhookAttemptSchema = z
  .strictObject({
    attempt: z.number().int().min(1),
    attemptedAt: isoDateTime,
    responseStatus: z.number().int().nullable().meta({ description: "The endpoint's HTTP status; null when it did not answer." }),
    latencyMs: z.number().int().min(0),
    responseBody: z.string().nullable().meta({ description: "The first 1 KB of the answer." }),
    error: z.string().nullable().meta({ description: "Why there was no answer (timeout, connection refused), or why nothing was sent." }),
  })
  .meta({ id: "WebhookAttempt" });

export const webhookDeliverySchema = z
  .strictObject({
    id: z.string().meta({ example: "wdl_5b1e9c0d7a3f4e2b8c6d1a09" }),
    endpointId: z.string(),
    url: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]).meta({ description: "pending: an attempt is due (nextAttemptAt); failed: every attempt of the schedule failed." }),
    attemptCount: z.number().int().min(0),
    nextAttemptAt: nullableDateTime,
    attempts: z.array(webhookAttemptSchema).meta({ description: "Oldest first." }),
  })
  .meta({ id: "WebhookDelivery", description: "One event to one endpoint." });

export const webhookEventSchema = z
  .strictObject({
    id: z.string().meta({ description: "Also the `webhook-id` header: the same on every attempt.", example: "evt_9f8e7d6c5b4a39281706f5e4" }),
    type: z.string().meta({ example: "usage.threshold_reached" }),
    createdAt: isoDateTime,
    userId: z.string().nullable().meta({ description: "The end-user the event is about, if any." }),
    data: z.record(z.string(), z.unknown()).meta({ description: "The event's data, as delivered (see the `webhooks` section)." }),
    deliveries: z.array(webhookDeliverySchema),
  })
  .meta({ id: "WebhookEvent", description: "An event and its deliveries, kept 30 days." });

export const webhookResponses = {
  endpoint: z.strictObject({ endpoint: webhookEndpointSchema, ...withMode }).meta({ id: "WebhookEndpointResponse" }),
  endpointWithSecret: z
    .strictObject({
      endpoint: webhookEndpointSchema,
      secret: z
        .string()
        .meta({ description: "The signing secret — shown only now. Verify deliveries with it (SDK: `dream.webhooks.verify`).", example: "whsec_K3q9mX2pL7vR1tW8nB4cD6fH0jA5sE9gY3uI7oP1zQ=" }),
      ...withMode,
    })
    .meta({ id: "WebhookEndpointWithSecret" }),
  endpoints: z.strictObject({ endpoints: z.array(webhookEndpointSchema).meta({ description: "Oldest first; at most 20 per mode." }), ...withMode }).meta({ id: "WebhookEndpointList" }),
  deletedEndpoint: z.strictObject({ endpointId: z.string(), deleted: z.literal(true), ...withMode }).meta({ id: "DeletedWebhookEndpoint" }),
  event: z.strictObject({ event: webhookEventSchema, ...withMode }).meta({ id: "WebhookEventResponse" }),
  events: z
    .strictObject({
      events: z.array(webhookEventSchema).meta({ description: "Newest first." }),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
      ...withMode,
    })
    .meta({ id: "WebhookEventPage" }),
} as const;

export const errorSchema = errorModel({
  usage: usageSchema.optional().meta({ description: "On 403 usage_limit_exceeded: the usage that refused the call." }),
  portalUrl: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "On 409 already_subscribed: a billing-portal session where the end-user changes plan instead (null when Stripe could not make one; call POST /api/portal)." }),
});

// ---- request log (GET /api/logs) ----------------------------------------------------------------

export const requestLogEntrySchema = z
  .strictObject({
    requestId: z.string().meta({ description: "The request's id: its `X-Request-Id` header and the `requestId` of its error body.", example: "req_4fT9kQ2mN7rT1vW3xY5z" }),
    time: isoDateTime.meta({ description: "When the request arrived." }),
    method: z.string().meta({ example: "POST" }),
    route: z.string().meta({ description: "The route's pattern, never the raw path (`/api/*` for a path no route has).", example: "/api/usage/track" }),
    status: z.number().int().meta({ description: "The HTTP status answered.", example: 200 }),
    errorCode: z.string().nullable().meta({ description: "The `error.code` of an error answer; null on success.", example: null }),
    userId: z.string().nullable().meta({
      description: "The end-user the request acted for, when it named one. A userId shaped like an email is kept only as a hash (`hashed:…`); filter with the email itself.",
      example: "user_42",
    }),
    latencyMs: z.number().int().min(0).meta({ description: "Time from arrival to response, in milliseconds.", example: 12 }),
    caller: z.string().meta({ description: "Who called: a secret key's display prefix (`sk_test_AbCd…`), `dashboard` or `end-user session`.", example: "sk_test_AbCd…" }),
  })
  .meta({ id: "RequestLogEntry", description: "One request of your platform in this mode, as the request log keeps it for 7 days: never a body, a query string, a secret or an email." });

export const requestLogResponses = {
  page: z
    .strictObject({
      logs: z.array(requestLogEntrySchema).meta({ description: "Newest first." }),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
      ...withMode,
    })
    .meta({ id: "RequestLogPage" }),
  entry: z.strictObject({ log: requestLogEntrySchema, ...withMode }).meta({ id: "RequestLogResponse" }),
} as const;
