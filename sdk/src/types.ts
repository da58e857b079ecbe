/**
 * Request and response shapes of dream-api's REST API (api-multi), named for
 * the SDK. Every shape comes from ./generated/openapi.ts — generated from the
 * API's own OpenAPI document, which is generated from the routes' schemas —
 * so a field the API adds, renames or drops changes these types too
 * (test/generated-types.test.ts fails until the file is regenerated).
 * Field documentation is in the generated file and in the API reference
 * (`GET /docs`).
 */
import type { components, operations, webhooks } from "./generated/openapi.js";

type Schemas = components["schemas"];
type JsonBody<Id extends keyof operations> = operations[Id] extends { requestBody: { content: { "application/json": infer Body } } } ? Body : never;

/** `"preview"` for a free developer's test key (at most 100 end-users), else the key's own mode. */
export type ApiMode = Schemas["ApiMode"];

/** Fields every success response carries next to its own. */
export interface WithMode {
  mode: ApiMode;
}

// ---------------------------------------------------------------- usage

/** An end-user's usage in the current billing period. */
export type Usage = Schemas["Usage"];

/** `POST /api/usage/track`: the body, with `userId` required, plus the `Idempotency-Key` header. */
export type TrackUsageParams = Omit<JsonBody<"usage.track">, "userId"> & {
  /** The developer's id for the end-user (1–128 of `A-Z a-z 0-9 _ . : @ + -`). Unknown ids are registered on the cheapest tier. */
  userId: string;
  /**
   * Sent as the `Idempotency-Key` header. The same key within 24 h replays
   * the first response instead of counting again. Defaults to a random UUID
   * made once per `track()` call and reused by its retries.
   */
  idempotencyKey?: string;
};

/** `POST /api/usage/track` → 200. */
export type TrackUsageResponse = Schemas["UsageResponse"];

/** `GET /api/usage` → 200. */
export type CheckUsageResponse = Schemas["UsageResponse"];

// ---------------------------------------------------------------- customers

export type SubscriptionSummary = Schemas["SubscriptionSummary"];
export type CustomerSubscription = Schemas["CustomerSubscription"];
/** A customer as `GET/POST/PATCH /api/customers[/:userId]` return it. */
export type Customer = Schemas["Customer"];
/** A customer as lists (`GET /api/customers`, the dashboard) return it. */
export type CustomerListItem = Schemas["CustomerListItem"];
/** Fields every customer view has. */
export type CustomerBase = Omit<Customer, "subscription">;

/** `POST /api/customers`. */
export type CreateCustomerParams = JsonBody<"customers.create">;
/** `PATCH /api/customers/:userId`. */
export type UpdateCustomerParams = JsonBody<"customers.update">;
/** `GET /api/customers` query. */
export type ListCustomersParams = NonNullable<operations["customers.list"]["parameters"]["query"]>;

/** `POST /api/customers`, `GET`/`PATCH /api/customers/:userId` → `{customer}`. */
export type CustomerResponse = Schemas["CustomerResponse"];
/** `GET /api/customers` → one page, newest first. */
export type CustomerPage = Schemas["CustomerPage"];
/** `DELETE /api/customers/:userId` → `{userId, deleted: true}`. */
export type DeletedCustomer = Schemas["DeletedCustomer"];

// ---------------------------------------------------------------- credits

/** One movement of an end-user's credits: a grant (`amount` > 0, with what `remaining` of it is left until `expiresAt`) or a deduction (`amount` < 0). */
export type CreditGrant = Schemas["CreditGrant"];
/** `GET /api/customers/:userId/credits` → the unexpired `balance` and one page of grants and deductions, newest first. */
export type CreditBalance = Schemas["CreditBalance"];
/** `GET /api/customers/:userId/credits` query. */
export type ListCreditsParams = NonNullable<operations["customers.credits.list"]["parameters"]["query"]>;
/** `POST /api/customers/:userId/credits`: `amount` > 0 grants, < 0 deducts; `expiresAt` only for a grant. */
export type GrantCreditsParams = JsonBody<"customers.credits.grant">;
/** `POST /api/customers/:userId/credits` → 201 `{userId, grant, balance}`: the movement and the balance after it. */
export type CreditMovement = Schemas["CreditMovementResponse"];

// ---------------------------------------------------------------- tiers

export type TierKind = Schemas["TierKind"];
/** A pricing tier as `GET /api/tiers` and the dashboard return it. */
export type Tier = Schemas["Tier"];
/** `GET /api/tiers` → active tiers, in display order. */
export type TierListResponse = Schemas["TierList"];
/** A tier as the public pricing route shows it: no Stripe ids. */
export type PublicTier = Schemas["PublicTier"];
/** How the developer's hosted pages present them (dashboard Settings, per mode); each field null when unset. */
export type Brand = Schemas["Brand"];
/** `GET /api/public/tiers?pk=…` and `GET /api/public/platforms/:platformId`: the active tiers, the brand of the mode, the platform and its end-user organization. */
export type PublicTierListResponse = Schemas["PublicTierList"];
/** `POST /api/public/platforms/:platformId/join` → the person's customer there, and the organization to make active. */
export type JoinedPlatform = Schemas["Joined"];
/** Which mode's pricing page: live (the default) or test. */
export interface PlatformPageParams {
  mode?: "test" | "live";
}

// ---------------------------------------------------------------- billing

/** `POST /api/checkout`. */
export type CreateCheckoutParams = JsonBody<"checkout.create">;
/** `POST /api/checkout` → 201. */
export type CheckoutSession = Schemas["CheckoutSession"];
/** `POST /api/portal`. */
export type CreatePortalParams = JsonBody<"portal.create">;
/** `POST /api/portal` → 201. */
export type PortalSession = Schemas["PortalSession"];

// ---------------------------------------------------------------- dashboard

/** `GET /api/dashboard`. */
export type Dashboard = Schemas["DashboardResponse"];
export type DashboardKey = Dashboard["keys"][number];
export type DashboardSubscription = Dashboard["subscriptions"][number];
export type DashboardEvent = Dashboard["recentEvents"][number];
export type DashboardTotals = Dashboard["totals"];
export type MoneyAmount = DashboardTotals["mrr"][number];
/** A key's mode as stored: test or live. */
export type KeyMode = DashboardKey["mode"];

// ---------------------------------------------------------------- webhooks

/** Every event type dream-api sends to your webhook endpoints (the document's `webhooks`). */
export type WebhookEventType = keyof webhooks & string;

/**
 * A verified delivery's body, `{id, type, createdAt, mode, data}`: a union
 * discriminated on `type`, so `switch (event.type)` narrows `data`. Types
 * added after this SDK version arrive too (verification does not check
 * `data`): keep a `default` branch that answers 2xx.
 */
export type WebhookEvent = { [T in WebhookEventType]: webhooks[T]["post"]["requestBody"]["content"]["application/json"] }[WebhookEventType];

/** The event of one type, e.g. `WebhookEventOf<"usage.threshold_reached">`. */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

// ---------------------------------------------------------------- webhook endpoints and events

/** Where dream-api posts your events; `secretPrefix` only (the whole secret is shown once, on create and rotate). */
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
/** `POST /api/webhook-endpoints`. */
export type CreateWebhookEndpointParams = JsonBody<"webhooks.endpoints.create">;
/** `PATCH /api/webhook-endpoints/:endpointId`: the fields to change. */
export type UpdateWebhookEndpointParams = JsonBody<"webhooks.endpoints.update">;
/** `GET`/`PATCH /api/webhook-endpoints/:endpointId` → `{endpoint}`. */
export type WebhookEndpointResponse = Schemas["WebhookEndpointResponse"];
/** `POST /api/webhook-endpoints` → 201 and `POST …/rotate-secret` → `{endpoint, secret}`: the only answers that hold the `whsec_…` secret. */
export type WebhookEndpointWithSecret = Schemas["WebhookEndpointWithSecret"];
/** `GET /api/webhook-endpoints` → `{endpoints}`, oldest first. */
export type WebhookEndpointList = Schemas["WebhookEndpointList"];
/** `DELETE /api/webhook-endpoints/:endpointId` → `{endpointId, deleted: true}`. */
export type DeletedWebhookEndpoint = Schemas["DeletedWebhookEndpoint"];

/**
 * An event as the event log keeps it (30 days): its `data` and every
 * delivery with its attempts. Not {@link WebhookEvent}, which is the body
 * a delivery carries.
 */
export type WebhookEventRecord = Schemas["WebhookEvent"];
/** One event to one endpoint: status, attempt count, next attempt and the attempts. */
export type WebhookDelivery = Schemas["WebhookDelivery"];
/** One POST to an endpoint: when, the status it answered (null: none), latency, the first 1 KB of the answer or why there was none. */
export type WebhookAttempt = Schemas["WebhookAttempt"];
/** `GET /api/webhook-events` query. */
export type ListWebhookEventsParams = NonNullable<operations["webhooks.events.list"]["parameters"]["query"]>;
/** `GET /api/webhook-events` → one page, newest first. */
export type WebhookEventPage = Schemas["WebhookEventPage"];
/** `GET /api/webhook-events/:eventId`, `POST …/resend` and `POST /api/webhook-endpoints/:endpointId/test` (202) → `{event}`. */
export type WebhookEventResponse = Schemas["WebhookEventResponse"];

// ---------------------------------------------------------------- request log

/** One request of your platform in this mode, kept 7 days: never a body, a query string, a secret or an email. */
export type RequestLogEntry = Schemas["RequestLogEntry"];
/** `GET /api/logs` query. */
export type ListRequestLogsParams = NonNullable<operations["logs.list"]["parameters"]["query"]>;
/** `GET /api/logs` → one page, newest first. */
export type RequestLogPage = Schemas["RequestLogPage"];
/** `GET /api/logs/:requestId` → `{log}`. */
export type RequestLogResponse = Schemas["RequestLogResponse"];

// ---------------------------------------------------------------- errors

/** Error codes the API answers with (a closed set server side). */
export type ApiErrorCode = Schemas["Error"]["error"]["code"];

/** The body of every error response; `code` also types codes a newer API may add. */
export type ApiErrorBody = Omit<Schemas["Error"], "error"> & {
  error: Omit<Schemas["Error"]["error"], "code"> & { code: ApiErrorCode | (string & {}) };
};
