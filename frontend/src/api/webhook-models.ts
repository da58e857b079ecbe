/**
 * The shapes of api-multi's outbound-webhook and request-log routes (issue 18
 * contract), declared by hand until the generated api-multi types have these
 * operations: to be replaced by generated aliases
 * (`components["schemas"]["WebhookEndpoint"]`, … — the schema ids are these
 * names) once the backend merges.
 */

/** An endpoint that receives the signed events of one mode. */
export interface WebhookEndpoint {
  /** `we_…` */
  id: string;
  url: string;
  description: string | null;
  /** The event types it receives; null = all events. */
  events: string[] | null;
  enabled: boolean;
  /** Why it is disabled: by the developer ("manual") or by us after 5 days of failed deliveries ("failing"). */
  disabledReason: "manual" | "failing" | null;
  /** Since when its deliveries have been failing, if they are. */
  failingSince: string | null;
  /** The start of the signing secret (`whsec_abcd`); the whole secret is shown only on create and rotate. */
  secretPrefix: string;
  createdAt: string;
  updatedAt: string;
}

/** One HTTP attempt of a delivery. */
export interface WebhookAttempt {
  attempt: number;
  attemptedAt: string;
  /** null when no response came back (see `error`). */
  responseStatus: number | null;
  latencyMs: number;
  /** The first KB of the response body. */
  responseBody: string | null;
  /** A network error or timeout. */
  error: string | null;
}

/** An event's delivery to one endpoint, with its attempts. */
export interface WebhookDelivery {
  /** `wdl_…` */
  id: string;
  endpointId: string;
  url: string;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  nextAttemptAt: string | null;
  attempts: WebhookAttempt[];
}

/** An event of the current mode and its deliveries. */
export interface WebhookEvent {
  /** `evt_…` */
  id: string;
  type: string;
  createdAt: string;
  userId: string | null;
  data: Record<string, unknown>;
  deliveries: WebhookDelivery[];
}

/** One request to api-multi, as the request log keeps it (7 days). */
export interface RequestLogEntry {
  requestId: string;
  time: string;
  method: string;
  /** The Hono route pattern, e.g. "/api/usage/track". */
  route: string;
  status: number;
  errorCode: string | null;
  userId: string | null;
  latencyMs: number;
  /** "sk_test_AbCd…" (a key's prefix), "dashboard" or "end-user session". */
  caller: string;
}

type Mode = "test" | "live";

export interface WebhookEndpointList {
  endpoints: WebhookEndpoint[];
  mode: Mode;
}
export interface WebhookEndpointResponse {
  endpoint: WebhookEndpoint;
  mode: Mode;
}
/** POST /api/webhook-endpoints and …/rotate-secret: the endpoint and its new signing secret, shown this once. */
export interface WebhookEndpointSecret {
  endpoint: WebhookEndpoint;
  secret: string;
  mode: Mode;
}
export interface WebhookEndpointDeleted {
  endpointId: string;
  deleted: true;
  mode: Mode;
}
export interface WebhookEndpointInput {
  url: string;
  /** Omitted or null = all events. */
  events?: string[] | null;
  description?: string | null;
}
export interface WebhookEndpointPatch {
  url?: string;
  events?: string[] | null;
  description?: string | null;
  enabled?: boolean;
}
export interface WebhookEventPage {
  events: WebhookEvent[];
  nextCursor: string | null;
  mode: Mode;
}
export interface WebhookEventResponse {
  event: WebhookEvent;
  mode: Mode;
}
export interface WebhookEventQuery {
  limit?: number;
  cursor?: string | null;
  type?: string;
  userId?: string;
}
export interface RequestLogPage {
  logs: RequestLogEntry[];
  nextCursor: string | null;
  mode: Mode;
}
export interface RequestLogResponse {
  log: RequestLogEntry;
  mode: Mode;
}
export interface RequestLogQuery {
  limit?: number;
  cursor?: string | null;
  /** An exact status ("200") or a class ("2xx", "4xx", "5xx"). */
  status?: string;
  userId?: string;
  route?: string;
}
