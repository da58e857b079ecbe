/**
 * The Webhooks page's rules, without React: the event types an endpoint may
 * subscribe to (api-multi/src/events/catalog.ts is authoritative), the
 * endpoint form ↔ the API's body, what an endpoint's state says (the
 * "failing" notice), the events filter in the URL, and summaries of
 * deliveries and attempts.
 */
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEventQuery } from "../api/models";
import type { DashboardMode } from "./dashboard-mode";

/** What an endpoint may subscribe to (every type but `ping`, which only "Send test" sends). */
export const SUBSCRIBABLE_EVENT_TYPES = [
  { type: "usage.threshold_reached", description: "An end-user reached one of your usage-alert thresholds (Settings)." },
  { type: "usage.limit_reached", description: "An end-user used up their tier's limit." },
  { type: "customer.created", description: "An end-user was registered." },
  { type: "customer.plan_changed", description: "An end-user's plan changed." },
  { type: "customer.subscription_updated", description: "An end-user's subscription was created or changed." },
  { type: "invoice.payment_failed", description: "A payment of an end-user's subscription failed." },
] as const;

/** Every type an event may have, for the events filter. */
export const EVENT_TYPES: readonly string[] = ["ping", ...SUBSCRIBABLE_EVENT_TYPES.map((item) => item.type)];

/** The notice of an endpoint we disabled after 5 days of failed deliveries. */
/** An event type the events list filters by. */
type WebhookEventType = NonNullable<WebhookEventQuery["type"]>;

/** A type an endpoint may subscribe to, as api-multi's document names them. */
export type SubscribableEventType = NonNullable<WebhookEndpointInput["events"]>[number];

export const FAILING_NOTICE = "We disabled this endpoint after 5 days of failed deliveries — fix it and enable it again";

/** What an endpoint's state badge and notice say. */
export function endpointState(endpoint: Pick<WebhookEndpoint, "enabled" | "disabledReason" | "failingSince">): {
  label: string;
  tone: "green" | "slate" | "red" | "amber";
  notice: string | null;
} {
  if (!endpoint.enabled && endpoint.disabledReason === "failing") return { label: "Disabled: failing", tone: "red", notice: FAILING_NOTICE };
  if (!endpoint.enabled) return { label: "Disabled", tone: "slate", notice: null };
  if (endpoint.failingSince) return { label: "Enabled: failing", tone: "amber", notice: null };
  return { label: "Enabled", tone: "green", notice: null };
}

/** "All events", or the subscribed types. */
export function eventsLabel(events: readonly string[] | null): string {
  return events === null ? "All events" : events.length === 0 ? "No events" : events.join(", ");
}

export interface EndpointForm {
  url: string;
  description: string;
  /** true: all events, now and any added later (`events: null`). */
  allEvents: boolean;
  events: string[];
}

export type EndpointFormField = "url" | "description" | "events";

export const NEW_ENDPOINT: EndpointForm = { url: "", description: "", allEvents: true, events: [] };

export function endpointFormOf(endpoint: WebhookEndpoint): EndpointForm {
  return { url: endpoint.url, description: endpoint.description ?? "", allEvents: endpoint.events === null, events: endpoint.events ?? [] };
}

/** The body of POST /api/webhook-endpoints and (the same fields) PATCH. */
export function endpointInput(form: EndpointForm): WebhookEndpointInput & { events: SubscribableEventType[] | null; description: string | null } {
  // The form offers only SUBSCRIBABLE_EVENT_TYPES' types (the API refuses any other).
  const events = form.events as SubscribableEventType[];
  return { url: form.url.trim(), description: form.description.trim() === "" ? null : form.description.trim(), events: form.allEvents ? null : [...events] };
}

/** The form's own errors (the API checks the rest, e.g. addresses it refuses to call). */
export function validateEndpointForm(form: EndpointForm, mode: DashboardMode): Partial<Record<EndpointFormField, string>> {
  const errors: Partial<Record<EndpointFormField, string>> = {};
  const url = form.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = url ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!url) errors.url = "Enter the URL we should send events to.";
  else if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) errors.url = "Enter a full URL, e.g. https://api.example.com/webhooks.";
  else if (mode === "live" && parsed.protocol !== "https:") errors.url = "Live mode sends events to https URLs only.";
  if (form.description.trim().length > 200) errors.description = "At most 200 characters.";
  if (!form.allEvents && form.events.length === 0) errors.events = "Pick at least one event type, or All events.";
  return errors;
}

/** The form field an API error's `param` names, if any. */
export function endpointFieldOf(param: string | undefined): EndpointFormField | undefined {
  const field = param?.split(".")[0];
  return field === "url" || field === "description" || field === "events" ? field : undefined;
}

export interface EventFilters {
  type: string;
  userId: string;
}

/** The events filter a page address names (`/dashboard/webhooks?userId=u1&type=ping`). */
export function eventFiltersFrom(params: URLSearchParams): EventFilters {
  return { type: params.get("type")?.trim() ?? "", userId: params.get("userId")?.trim() ?? "" };
}

/** The page address's parameters with this events filter (others, e.g. mode, kept). */
export function withEventFilters(params: URLSearchParams, filters: EventFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ["type", "userId"] as const) {
    const value = filters[name].trim();
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

export function eventQuery(filters: EventFilters, cursor: string | null = null, limit = 20): WebhookEventQuery {
  return { limit, ...(cursor ? { cursor } : {}), ...(filters.type ? { type: filters.type as WebhookEventType } : {}), ...(filters.userId ? { userId: filters.userId } : {}) };
}

/** A delivery's state in words: "Delivered", "Failed after 8 attempts", "Retrying (3 attempts)", "Pending". */
export function deliveryLabel(delivery: Pick<WebhookDelivery, "status" | "attemptCount" | "nextAttemptAt">): { label: string; tone: "green" | "red" | "amber" | "slate" } {
  const attempts = `${delivery.attemptCount} attempt${delivery.attemptCount === 1 ? "" : "s"}`;
  if (delivery.status === "succeeded") return { label: delivery.attemptCount > 1 ? `Delivered after ${attempts}` : "Delivered", tone: "green" };
  if (delivery.status === "failed") return { label: `Failed after ${attempts}`, tone: "red" };
  return delivery.attemptCount > 0 ? { label: `Retrying (${attempts} so far)`, tone: "amber" } : { label: "Pending", tone: "slate" };
}

/** An attempt's outcome: "HTTP 200", or its error ("timeout after 15 s"). */
export function attemptOutcome(attempt: Pick<WebhookAttempt, "responseStatus" | "error">): string {
  if (attempt.responseStatus !== null) return `HTTP ${attempt.responseStatus}${attempt.error ? ` — ${attempt.error}` : ""}`;
  return attempt.error ?? "No response";
}

/** An event's deliveries in a few words, for its collapsed row. */
export function eventSummary(deliveries: readonly Pick<WebhookDelivery, "status">[]): { label: string; tone: "green" | "red" | "amber" | "slate" } {
  if (deliveries.length === 0) return { label: "No endpoint", tone: "slate" };
  const failed = deliveries.filter((delivery) => delivery.status === "failed").length;
  const pending = deliveries.filter((delivery) => delivery.status === "pending").length;
  if (failed) return { label: `${failed} of ${deliveries.length} failed`, tone: "red" };
  if (pending) return { label: `${pending} pending`, tone: "amber" };
  return { label: deliveries.length === 1 ? "Delivered" : `Delivered to ${deliveries.length}`, tone: "green" };
}
