/**
 * The webhook queue's consumer. An "event" message stores the event and
 * makes its deliveries (one DB.batch), then enqueues each delivery's first
 * attempt. An "attempt" message claims that attempt (so a redelivered
 * message attempts nothing twice), signs the stored body with the
 * endpoint's secret(s), posts it with a timeout, records the attempt, and
 * on failure enqueues the next attempt after the schedule's delay
 * (WEBHOOK_RETRY_DELAYS_SECONDS) until the schedule ends. An endpoint
 * failing for WEBHOOK_DISABLE_AFTER_MS is disabled (reason "failing"), and
 * a disabled or deleted endpoint is sent nothing.
 */
import { decryptSecret, signWebhook } from "@dream-api/shared";
import {
  claimWebhookAttempt,
  getWebhookEndpoint,
  noteWebhookEndpointOutcomeStatement,
  recordWebhookAttemptStatements,
  storeWebhookEventStatements,
  unattemptedDeliveries,
  type ClaimedAttempt,
  type WebhookAttemptRecord,
  type WebhookEndpointRecord,
} from "@dream-api/shared/db";
import { config, type ApiMultiConfig } from "../config";
import type { WebhookQueueMessage } from "../events/emit";

/** An endpoint whose deliveries have failed for this long without a success is disabled. */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
/** How much of an endpoint's answer the delivery log keeps. */
export const RESPONSE_BODY_LIMIT = 1024;

export async function processWebhookBatch(batch: MessageBatch<WebhookQueueMessage>, env: Env): Promise<void> {
  const settings = config(env);
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        if (message.body.kind === "event") await storeAndFanOut(env, message.body);
        else await attemptDelivery(env, settings, message.body);
        message.ack();
      } catch (error) {
        console.error(
          JSON.stringify({ level: "error", msg: "webhook queue message failed", kind: message.body.kind, error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : "unknown" }),
        );
        message.retry({ delaySeconds: 5 });
      }
    }),
  );
}

async function storeAndFanOut(env: Env, message: WebhookQueueMessage & { kind: "event" }): Promise<void> {
  const { event } = message;
  const tenant = { platformId: message.platformId, mode: message.mode };
  const stored = { eventId: event.id, type: event.type, userId: message.userId, payload: JSON.stringify(event), createdAt: event.createdAt, onlyEndpointId: message.onlyEndpointId };
  await env.DB.batch(storeWebhookEventStatements(env.DB, tenant, stored, new Date().toISOString()));
  const deliveries = await unattemptedDeliveries(env.DB, event.id);
  if (deliveries.length > 0) {
    await env.WEBHOOK_QUEUE.sendBatch(deliveries.map((deliveryId) => ({ body: { kind: "attempt", deliveryId, attempt: 1 } satisfies WebhookQueueMessage })));
  }
}

async function attemptDelivery(env: Env, settings: ApiMultiConfig, message: WebhookQueueMessage & { kind: "attempt" }): Promise<void> {
  const now = new Date();
  const claimed = await claimWebhookAttempt(env.DB, message.deliveryId, message.attempt, now.toISOString());
  if (!claimed) return;
  const endpoint = await getWebhookEndpoint(env.DB, claimed.tenant, claimed.endpointId);
  if (!endpoint?.enabled) {
    const notSent: WebhookAttemptRecord = {
      attempt: message.attempt,
      attemptedAt: now.toISOString(),
      responseStatus: null,
      latencyMs: 0,
      responseBody: null,
      error: "The endpoint is disabled: nothing was sent.",
    };
    await env.DB.batch(recordWebhookAttemptStatements(env.DB, claimed.deliveryId, notSent, { status: "failed", nextAttemptAt: null }));
    return;
  }
  const result = await post(settings, endpoint, claimed, message.attempt, now);
  const ok = result.responseStatus !== null && result.responseStatus >= 200 && result.responseStatus < 300;
  const retryDelay = ok || message.single ? undefined : settings.WEBHOOK_RETRY_DELAYS_SECONDS[message.attempt - 1];
  const next = ok
    ? { status: "succeeded" as const, nextAttemptAt: null }
    : retryDelay === undefined
      ? { status: "failed" as const, nextAttemptAt: null }
      : { status: "pending" as const, nextAttemptAt: new Date(now.getTime() + retryDelay * 1000).toISOString() };
  await env.DB.batch([
    ...recordWebhookAttemptStatements(env.DB, claimed.deliveryId, result, next),
    noteWebhookEndpointOutcomeStatement(env.DB, endpoint.endpointId, { ok, now: now.toISOString(), disableBefore: new Date(now.getTime() - WEBHOOK_DISABLE_AFTER_MS).toISOString() }),
  ]);
  if (retryDelay !== undefined) {
    await env.WEBHOOK_QUEUE.send({ kind: "attempt", deliveryId: claimed.deliveryId, attempt: message.attempt + 1 } satisfies WebhookQueueMessage, { delaySeconds: retryDelay });
  }
}

/** The secrets that sign now: the endpoint's, and the one it replaced while that still signs. */
async function signingSecrets(settings: ApiMultiConfig, endpoint: WebhookEndpointRecord, now: Date): Promise<string[]> {
  const key = settings.WEBHOOK_SECRET_ENCRYPTION_KEY;
  const secrets = [await decryptSecret(key, endpoint.secretCiphertext)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now.toISOString()) {
    secrets.push(await decryptSecret(key, endpoint.previousSecretCiphertext));
  }
  return secrets;
}

async function post(settings: ApiMultiConfig, endpoint: WebhookEndpointRecord, claimed: ClaimedAttempt, attempt: number, now: Date): Promise<WebhookAttemptRecord> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = await signWebhook(await signingSecrets(settings, endpoint, now), { id: claimed.eventId, timestamp, body: claimed.payload });
  const started = Date.now();
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "dream-api-webhooks/1",
        "webhook-id": claimed.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      },
      body: claimed.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(settings.WEBHOOK_TIMEOUT_MS),
    });
    const responseBody = await readPrefix(response, RESPONSE_BODY_LIMIT);
    return { attempt, attemptedAt: now.toISOString(), responseStatus: response.status, latencyMs: Date.now() - started, responseBody, error: null };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      attempt,
      attemptedAt: now.toISOString(),
      responseStatus: null,
      latencyMs: Date.now() - started,
      responseBody: null,
      error: timedOut ? `No answer within ${settings.WEBHOOK_TIMEOUT_MS / 1000} s.` : `Could not connect: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}.`,
    };
  }
}

/** The first `limit` characters of an answer, reading no more of its body than that. */
async function readPrefix(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}
