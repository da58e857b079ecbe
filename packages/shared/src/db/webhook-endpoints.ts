/**
 * D1 access for developers' webhook endpoints (migration 0016), per
 * platform and mode. Secrets are stored sealed (webhook-signing.ts); this
 * module never sees them in the clear.
 */
import type { Tenant } from "../ids";

export interface WebhookEndpointRecord {
  endpointId: string;
  url: string;
  description: string | null;
  /** null: every event type. */
  eventTypes: string[] | null;
  enabled: boolean;
  disabledReason: "manual" | "failing" | null;
  failingSince: string | null;
  secretCiphertext: string;
  secretPrefix: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface EndpointRow {
  endpoint_id: string;
  url: string;
  description: string | null;
  event_types: string | null;
  enabled: number;
  disabled_reason: "manual" | "failing" | null;
  failing_since: string | null;
  secret_ciphertext: string;
  secret_prefix: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `endpoint_id, url, description, event_types, enabled, disabled_reason, failing_since, secret_ciphertext, secret_prefix,
  previous_secret_ciphertext, previous_secret_expires_at, created_at, updated_at`;

function toRecord(row: EndpointRow): WebhookEndpointRecord {
  return {
    endpointId: row.endpoint_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types === null ? null : (JSON.parse(row.event_types) as string[]),
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    secretCiphertext: row.secret_ciphertext,
    secretPrefix: row.secret_prefix,
    previousSecretCiphertext: row.previous_secret_ciphertext,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** How many endpoints one platform may have in one mode. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

export async function countWebhookEndpoints(db: D1Database, tenant: Tenant): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM webhook_endpoints WHERE platform_id = ?1 AND mode = ?2").bind(tenant.platformId, tenant.mode).first<{ n: number }>();
  return row?.n ?? 0;
}

export interface NewWebhookEndpoint {
  endpointId: string;
  url: string;
  description: string | null;
  eventTypes: string[] | null;
  secretCiphertext: string;
  secretPrefix: string;
  now: string;
}

/** Inserts the endpoint unless the tenant already has MAX_WEBHOOK_ENDPOINTS (false then). */
export async function insertWebhookEndpoint(db: D1Database, tenant: Tenant, endpoint: NewWebhookEndpoint): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO webhook_endpoints (endpoint_id, platform_id, mode, url, description, event_types, enabled, secret_ciphertext, secret_prefix, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9, ?9
       WHERE (SELECT COUNT(*) FROM webhook_endpoints WHERE platform_id = ?2 AND mode = ?3) < ?10`,
    )
    .bind(
      endpoint.endpointId,
      tenant.platformId,
      tenant.mode,
      endpoint.url,
      endpoint.description,
      endpoint.eventTypes === null ? null : JSON.stringify(endpoint.eventTypes),
      endpoint.secretCiphertext,
      endpoint.secretPrefix,
      endpoint.now,
      MAX_WEBHOOK_ENDPOINTS,
    )
    .run();
  return result.meta.changes === 1;
}

export async function listWebhookEndpoints(db: D1Database, tenant: Tenant): Promise<WebhookEndpointRecord[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE platform_id = ?1 AND mode = ?2 ORDER BY created_at, endpoint_id`)
    .bind(tenant.platformId, tenant.mode)
    .all<EndpointRow>();
  return results.map(toRecord);
}

export async function getWebhookEndpoint(db: D1Database, tenant: Tenant, endpointId: string): Promise<WebhookEndpointRecord | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE platform_id = ?1 AND mode = ?2 AND endpoint_id = ?3`)
    .bind(tenant.platformId, tenant.mode, endpointId)
    .first<EndpointRow>();
  return row ? toRecord(row) : null;
}

export interface WebhookEndpointChange {
  url: string;
  description: string | null;
  eventTypes: string[] | null;
  enabled: boolean;
  disabledReason: "manual" | "failing" | null;
  failingSince: string | null;
  now: string;
}

export async function updateWebhookEndpoint(db: D1Database, tenant: Tenant, endpointId: string, change: WebhookEndpointChange): Promise<WebhookEndpointRecord | null> {
  const row = await db
    .prepare(
      `UPDATE webhook_endpoints SET url = ?4, description = ?5, event_types = ?6, enabled = ?7, disabled_reason = ?8, failing_since = ?9, updated_at = ?10
       WHERE platform_id = ?1 AND mode = ?2 AND endpoint_id = ?3
       RETURNING ${COLUMNS}`,
    )
    .bind(
      tenant.platformId,
      tenant.mode,
      endpointId,
      change.url,
      change.description,
      change.eventTypes === null ? null : JSON.stringify(change.eventTypes),
      change.enabled ? 1 : 0,
      change.disabledReason,
      change.failingSince,
      change.now,
    )
    .first<EndpointRow>();
  return row ? toRecord(row) : null;
}

/** Replaces the signing secret; the one it replaces keeps signing until `previousExpiresAt`. */
export async function rotateWebhookEndpointSecret(
  db: D1Database,
  tenant: Tenant,
  endpointId: string,
  rotation: { secretCiphertext: string; secretPrefix: string; previousExpiresAt: string; now: string },
): Promise<WebhookEndpointRecord | null> {
  const row = await db
    .prepare(
      `UPDATE webhook_endpoints SET previous_secret_ciphertext = secret_ciphertext, previous_secret_expires_at = ?6,
         secret_ciphertext = ?4, secret_prefix = ?5, updated_at = ?7
       WHERE platform_id = ?1 AND mode = ?2 AND endpoint_id = ?3
       RETURNING ${COLUMNS}`,
    )
    .bind(tenant.platformId, tenant.mode, endpointId, rotation.secretCiphertext, rotation.secretPrefix, rotation.previousExpiresAt, rotation.now)
    .first<EndpointRow>();
  return row ? toRecord(row) : null;
}

/** Deletes the endpoint with its deliveries and their attempts. */
export async function deleteWebhookEndpoint(db: D1Database, tenant: Tenant, endpointId: string): Promise<boolean> {
  const [, , deleted] = await db.batch([
    db
      .prepare(
        `DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT d.delivery_id FROM webhook_deliveries d
           WHERE d.endpoint_id = ?3 AND d.platform_id = ?1 AND d.mode = ?2)`,
      )
      .bind(tenant.platformId, tenant.mode, endpointId),
    db.prepare("DELETE FROM webhook_deliveries WHERE platform_id = ?1 AND mode = ?2 AND endpoint_id = ?3").bind(tenant.platformId, tenant.mode, endpointId),
    db.prepare("DELETE FROM webhook_endpoints WHERE platform_id = ?1 AND mode = ?2 AND endpoint_id = ?3").bind(tenant.platformId, tenant.mode, endpointId),
  ]);
  return deleted?.meta.changes === 1;
}

/**
 * After an attempt: a success clears `failing_since`; a failure sets it if
 * unset, and disables the endpoint (reason "failing") when it has been
 * failing since `disableBefore` or earlier.
 */
export function noteWebhookEndpointOutcomeStatement(db: D1Database, endpointId: string, outcome: { ok: boolean; now: string; disableBefore: string }): D1PreparedStatement {
  return outcome.ok
    ? db.prepare("UPDATE webhook_endpoints SET failing_since = NULL WHERE endpoint_id = ?1 AND failing_since IS NOT NULL").bind(endpointId)
    : db
        .prepare(
          `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?2),
             enabled = IIF(COALESCE(failing_since, ?2) <= ?3, 0, enabled),
             disabled_reason = IIF(COALESCE(failing_since, ?2) <= ?3 AND enabled = 1, 'failing', disabled_reason),
             updated_at = IIF(COALESCE(failing_since, ?2) <= ?3 AND enabled = 1, ?2, updated_at)
           WHERE endpoint_id = ?1`,
        )
        .bind(endpointId, outcome.now, outcome.disableBefore);
}
