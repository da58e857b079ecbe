/**
 * A developer's webhook endpoints, per platform and mode: create (the
 * signing secret is shown once and kept sealed), list, change, enable or
 * disable, rotate the secret (the old one keeps signing for 24 h, so the
 * developer can switch without losing a delivery), send a test ping, delete.
 * Live endpoints must be https.
 */
import { ApiError, encryptSecret, newId, newWebhookSecret, webhookSecretPrefix } from "@dream-api/shared";
import {
  MAX_WEBHOOK_ENDPOINTS,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
  type WebhookEndpointRecord,
} from "@dream-api/shared/db";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { eventMessage } from "../../events/emit";
import { getEvent, type WebhookEventView } from "./events";

/** How long a rotated-out secret keeps signing. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[] | null;
  enabled: boolean;
  disabledReason: "manual" | "failing" | null;
  failingSince: string | null;
  secretPrefix: string;
  createdAt: string;
  updatedAt: string;
}

export function toEndpointView(record: WebhookEndpointRecord): WebhookEndpointView {
  return {
    id: record.endpointId,
    url: record.url,
    description: record.description,
    events: record.eventTypes,
    enabled: record.enabled,
    disabledReason: record.disabledReason,
    failingSince: record.failingSince,
    secretPrefix: record.secretPrefix,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** Live mode posts only over https: a live event carries real customers' data. */
function assertUrlForMode(ctx: ServiceContext, url: string): void {
  if (ctx.mode === "live" && new URL(url).protocol !== "https:") {
    throw new ApiError("invalid_request", "url: live endpoints must be https (http is accepted in test mode only).", { param: "url" });
  }
}

async function sealed(ctx: ServiceContext, secret: string): Promise<string> {
  return encryptSecret(config(ctx.env).WEBHOOK_SECRET_ENCRYPTION_KEY, secret);
}

export interface CreateEndpointInput {
  url: string;
  events: string[] | null;
  description: string | null;
}

export async function createEndpoint({ ctx, input }: { ctx: ServiceContext; input: CreateEndpointInput }): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertUrlForMode(ctx, input.url);
  const secret = newWebhookSecret();
  const endpointId = newId("webhookEndpoint", 24);
  const inserted = await insertWebhookEndpoint(ctx.env.DB, ctx, {
    endpointId,
    url: input.url,
    description: input.description,
    eventTypes: input.events,
    secretCiphertext: await sealed(ctx, secret),
    secretPrefix: webhookSecretPrefix(secret),
    now: ctx.now.toISOString(),
  });
  if (!inserted) throw new ApiError("conflict", `This platform already has ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints in ${ctx.mode} mode. Delete one first.`);
  return { endpoint: toEndpointView(await requireEndpoint(ctx, endpointId)), secret };
}

export async function listEndpoints({ ctx }: { ctx: ServiceContext }): Promise<WebhookEndpointView[]> {
  return (await listWebhookEndpoints(ctx.env.DB, ctx)).map(toEndpointView);
}

async function requireEndpoint(ctx: ServiceContext, endpointId: string): Promise<WebhookEndpointRecord> {
  const endpoint = await getWebhookEndpoint(ctx.env.DB, ctx, endpointId);
  if (!endpoint) throw new ApiError("not_found", `No webhook endpoint ${endpointId} in ${ctx.mode} mode.`, { param: "endpointId" });
  return endpoint;
}

export async function getEndpoint({ ctx, input }: { ctx: ServiceContext; input: { endpointId: string } }): Promise<WebhookEndpointView> {
  return toEndpointView(await requireEndpoint(ctx, input.endpointId));
}

export interface UpdateEndpointInput {
  endpointId: string;
  url?: string | undefined;
  events?: string[] | null | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

/** Enabling clears the failing state: the next failure starts a new 5-day window. */
export async function updateEndpoint({ ctx, input }: { ctx: ServiceContext; input: UpdateEndpointInput }): Promise<WebhookEndpointView> {
  const stored = await requireEndpoint(ctx, input.endpointId);
  const url = input.url ?? stored.url;
  if (input.url !== undefined) assertUrlForMode(ctx, url);
  const enabled = input.enabled ?? stored.enabled;
  const reenabled = enabled && !stored.enabled;
  const updated = await updateWebhookEndpoint(ctx.env.DB, ctx, input.endpointId, {
    url,
    description: input.description === undefined ? stored.description : input.description,
    eventTypes: input.events === undefined ? stored.eventTypes : input.events,
    enabled,
    disabledReason: enabled ? null : input.enabled === false ? "manual" : stored.disabledReason,
    failingSince: reenabled ? null : stored.failingSince,
    now: ctx.now.toISOString(),
  });
  if (!updated) throw new ApiError("not_found", `No webhook endpoint ${input.endpointId} in ${ctx.mode} mode.`, { param: "endpointId" });
  return toEndpointView(updated);
}

export async function deleteEndpoint({ ctx, input }: { ctx: ServiceContext; input: { endpointId: string } }): Promise<void> {
  if (!(await deleteWebhookEndpoint(ctx.env.DB, ctx, input.endpointId))) {
    throw new ApiError("not_found", `No webhook endpoint ${input.endpointId} in ${ctx.mode} mode.`, { param: "endpointId" });
  }
}

export async function rotateEndpointSecret({ ctx, input }: { ctx: ServiceContext; input: { endpointId: string } }): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const secret = newWebhookSecret();
  const rotated = await rotateWebhookEndpointSecret(ctx.env.DB, ctx, input.endpointId, {
    secretCiphertext: await sealed(ctx, secret),
    secretPrefix: webhookSecretPrefix(secret),
    previousExpiresAt: new Date(ctx.now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString(),
    now: ctx.now.toISOString(),
  });
  if (!rotated) throw new ApiError("not_found", `No webhook endpoint ${input.endpointId} in ${ctx.mode} mode.`, { param: "endpointId" });
  return { endpoint: toEndpointView(rotated), secret };
}

/**
 * Sends a `ping` to this endpoint only, through the queue like every event.
 * Answers the event as it stands when queued (its deliveries follow in the
 * event log within a second).
 */
export async function sendTestEvent({ ctx, input }: { ctx: ServiceContext; input: { endpointId: string } }): Promise<WebhookEventView> {
  const endpoint = await requireEndpoint(ctx, input.endpointId);
  if (!endpoint.enabled) throw new ApiError("conflict", "This endpoint is disabled: enable it (PATCH enabled: true) to send it a test event.", { param: "endpointId" });
  const message = await eventMessage(ctx, "ping", { endpointId: endpoint.endpointId }, { onlyEndpointId: endpoint.endpointId });
  await ctx.env.WEBHOOK_QUEUE.send(message);
  return (
    (await getEvent({ ctx, input: { eventId: message.event.id } }).catch(() => null)) ?? {
      id: message.event.id,
      type: "ping",
      createdAt: message.event.createdAt,
      userId: null,
      data: message.event.data,
      deliveries: [],
    }
  );
}
