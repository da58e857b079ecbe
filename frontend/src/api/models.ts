/**
 * The shapes the dashboard sends to and reads from the three workers, named
 * from the types generated from their OpenAPI documents (./generated, written
 * by `pnpm --filter @dream-api/frontend generate`). A worker that stops
 * sending a field the dashboard reads, or stops accepting one it sends,
 * fails the dashboard's typecheck, not a user's browser.
 */
import type { components as ApiMulti, operations as ApiMultiOperations } from "./generated/api-multi";
import type { components as FrontAuthApi, operations as FrontAuthApiOperations } from "./generated/front-auth-api";
import type { components as OAuthApi, operations as OAuthApiOperations } from "./generated/oauth-api";

/** The JSON body an operation accepts. */
type JsonBody<Operation> = Operation extends { requestBody: { content: { "application/json": infer Body } } } ? Body : never;
/** The query parameters an operation accepts. */
type Query<Operation> = Operation extends { parameters: { query?: infer Values } } ? NonNullable<Values> : never;

// front-auth-api: the signed-in developer, their keys and their own plan.
export type Me = FrontAuthApi["schemas"]["Me"];
export type MeteredCall = FrontAuthApi["schemas"]["MeteredCall"];
export type Credentials = FrontAuthApi["schemas"]["Credentials"];
export type KeyPair = FrontAuthApi["schemas"]["KeyPair"];
export type RotateCredentialsInput = JsonBody<FrontAuthApiOperations["credentials.rotate"]>;
/** One mode's settings: where Checkout and the portal may send end-users back to. */
export type Settings = FrontAuthApi["schemas"]["Settings"];
export type SettingsResponse = FrontAuthApi["schemas"]["SettingsResponse"];
export type SettingsChange = JsonBody<FrontAuthApiOperations["settings.update"]>;
/** Checkout and portal of the developer's own $15/month plan (api-multi's are the end-users'). */
export type PlanCheckoutSession = FrontAuthApi["schemas"]["CheckoutSession"];
export type PlanPortalSession = FrontAuthApi["schemas"]["PortalSession"];

// oauth-api: the connected Stripe account and the tiers kept on it.
export type ConnectStart = OAuthApi["schemas"]["ConnectStart"];
export type Disconnected = OAuthApi["schemas"]["Disconnected"];
export type Tier = OAuthApi["schemas"]["Tier"];
export type TierKind = OAuthApi["schemas"]["TierKind"];
export type TierList = OAuthApi["schemas"]["TierList"];
export type TierResponse = OAuthApi["schemas"]["TierResponse"];
/** POST /products takes `{ tiers }` (or a single tier); the dashboard sends the list. */
export type CreateTiersInput = Extract<JsonBody<OAuthApiOperations["tiers.create"]>, { tiers: unknown }>;
/** A tier to create; its kind decides its fields (a subscription's monthly `limit`, a one-off's `inventory`). */
export type NewTier = CreateTiersInput["tiers"][number];
/** What PATCH /products/{name} may change (not `name` nor `kind`). */
export type TierPatch = JsonBody<OAuthApiOperations["tiers.update"]>;
/** POST /products/copy-to-live: the live tiers after the copy and the names copied. */
export type CopiedTiers = OAuthApi["schemas"]["CopiedTiers"];

// api-multi: the dashboard's read-only view, and the hosted pricing page's calls.
export type Dashboard = ApiMulti["schemas"]["Dashboard"];
export type DashboardResponse = ApiMulti["schemas"]["DashboardResponse"];
/** One customer, as GET /api/customers/{userId} answers it (with the subscription's id and plan). */
export type Customer = ApiMulti["schemas"]["Customer"];
export type CustomerResponse = ApiMulti["schemas"]["CustomerResponse"];
/** A page of GET /api/customers: list items, whose subscription is a summary. */
export type CustomerPage = ApiMulti["schemas"]["CustomerPage"];
export type CustomerListItem = ApiMulti["schemas"]["CustomerListItem"];
export type CustomerQuery = Query<ApiMultiOperations["customers.list"]>;
export type SubscriptionSummary = ApiMulti["schemas"]["SubscriptionSummary"];
/** An end-user's usage of the period: `credits` is the unexpired prepaid balance, `remaining` the allowance left plus those credits. */
export type Usage = ApiMulti["schemas"]["Usage"];
/** One movement of an end-user's credits: a grant (amount > 0, with what `remaining` of it) or a deduction (amount < 0). */
export type CreditGrant = ApiMulti["schemas"]["CreditGrant"];
/** GET /api/customers/{userId}/credits: the unexpired balance and a page of movements, newest first. */
export type CreditBalance = ApiMulti["schemas"]["CreditBalance"];
/** POST /api/customers/{userId}/credits: amount (≠ 0, negative deducts), reason, and a grant's optional expiry. */
export type CreditMovementInput = JsonBody<ApiMultiOperations["customers.credits.grant"]>;
export type CreditMovement = ApiMulti["schemas"]["CreditMovementResponse"];
export type PublicTier = ApiMulti["schemas"]["PublicTier"];
/**
 * The hosted pricing page's content: GET /api/public/platforms/{platformId}
 * (its stable address) or GET /api/public/tiers?pk= (old links), with the
 * platform id and the Clerk organization of that platform and mode (null
 * until someone has joined).
 */
export type PublicTierList = ApiMulti["schemas"]["PublicTierList"];
/** POST /api/public/platforms/{platformId}/join: the signed-in end-user is now a member of the developer's organization and a customer. */
export type JoinResult = ApiMulti["schemas"]["Joined"];
/** The developer's brand for the hosted pricing page, of the publishable key's mode. */
export type Brand = ApiMulti["schemas"]["Brand"];
export type UsageResponse = ApiMulti["schemas"]["UsageResponse"];
export type CheckoutInput = JsonBody<ApiMultiOperations["checkout.create"]>;
export type CheckoutSession = ApiMulti["schemas"]["CheckoutSession"];
export type PortalInput = JsonBody<ApiMultiOperations["portal.create"]>;
export type PortalSession = ApiMulti["schemas"]["PortalSession"];

// api-multi: outbound webhooks (endpoints, events with their deliveries) and the request log.
export type WebhookEndpoint = ApiMulti["schemas"]["WebhookEndpoint"];
export type WebhookAttempt = ApiMulti["schemas"]["WebhookAttempt"];
export type WebhookDelivery = ApiMulti["schemas"]["WebhookDelivery"];
export type WebhookEvent = ApiMulti["schemas"]["WebhookEvent"];
export type WebhookEndpointList = ApiMulti["schemas"]["WebhookEndpointList"];
export type WebhookEndpointResponse = ApiMulti["schemas"]["WebhookEndpointResponse"];
/** POST /api/webhook-endpoints and …/rotate-secret: the endpoint and its signing secret, shown this once. */
export type WebhookEndpointSecret = ApiMulti["schemas"]["WebhookEndpointWithSecret"];
export type WebhookEndpointDeleted = ApiMulti["schemas"]["DeletedWebhookEndpoint"];
export type WebhookEndpointInput = JsonBody<ApiMultiOperations["webhooks.endpoints.create"]>;
export type WebhookEndpointPatch = JsonBody<ApiMultiOperations["webhooks.endpoints.update"]>;
export type WebhookEventPage = ApiMulti["schemas"]["WebhookEventPage"];
export type WebhookEventResponse = ApiMulti["schemas"]["WebhookEventResponse"];
export type WebhookEventQuery = Omit<Query<ApiMultiOperations["webhooks.events.list"]>, "mode">;
export type RequestLogEntry = ApiMulti["schemas"]["RequestLogEntry"];
export type RequestLogPage = ApiMulti["schemas"]["RequestLogPage"];
export type RequestLogResponse = ApiMulti["schemas"]["RequestLogResponse"];
export type RequestLogQuery = Omit<Query<ApiMultiOperations["logs.list"]>, "mode">;
