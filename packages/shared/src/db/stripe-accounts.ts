/**
 * D1 access for the developer's connected Stripe account (Connect
 * Standard). OAuth tokens are not kept: the platform's secret key with the
 * Stripe-Account header is all Connect calls need. api-multi caches the
 * account per platform in KV (caches/accounts.ts).
 */
export interface ConnectedAccount {
  stripeUserId: string;
  livemode: boolean;
  scope: string | null;
  connectedAt: string;
}

export async function getConnectedAccount(db: D1Database, platformId: string): Promise<ConnectedAccount | null> {
  const row = await db
    .prepare("SELECT stripe_user_id, livemode, scope, connected_at FROM stripe_accounts WHERE platform_id = ?1 AND disconnected_at IS NULL")
    .bind(platformId)
    .first<{ stripe_user_id: string; livemode: number; scope: string | null; connected_at: string }>();
  return row ? { stripeUserId: row.stripe_user_id, livemode: row.livemode === 1, scope: row.scope, connectedAt: row.connected_at } : null;
}

/** The platforms (normally one) a connected account is attached to. */
export async function platformsOfAccount(db: D1Database, stripeUserId: string): Promise<string[]> {
  const { results } = await db.prepare("SELECT platform_id FROM stripe_accounts WHERE stripe_user_id = ?1 AND disconnected_at IS NULL").bind(stripeUserId).all<{ platform_id: string }>();
  return results.map((row) => row.platform_id);
}

export function connectAccountStatement(db: D1Database, input: { platformId: string; stripeUserId: string; livemode: boolean; scope: string | null; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO stripe_accounts (platform_id, stripe_user_id, livemode, scope, connected_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?5)
       ON CONFLICT (platform_id) DO UPDATE SET stripe_user_id = excluded.stripe_user_id, livemode = excluded.livemode,
         scope = excluded.scope, connected_at = excluded.connected_at, disconnected_at = NULL, updated_at = excluded.updated_at`,
    )
    .bind(input.platformId, input.stripeUserId, input.livemode ? 1 : 0, input.scope, input.now);
}

export function disconnectAccountStatement(db: D1Database, input: { platformId: string; stripeUserId: string; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE stripe_accounts SET disconnected_at = ?3, updated_at = ?3
       WHERE platform_id = ?1 AND stripe_user_id = ?2 AND disconnected_at IS NULL`,
    )
    .bind(input.platformId, input.stripeUserId, input.now);
}

/**
 * The account deauthorized the platform's application
 * (`account.application.deauthorized`): it is disconnected from every
 * platform it was attached to. In the event's batch.
 */
export function deauthorizeAccountStatement(db: D1Database, input: { stripeUserId: string; now: string }): D1PreparedStatement {
  return db.prepare("UPDATE stripe_accounts SET disconnected_at = ?2, updated_at = ?2 WHERE stripe_user_id = ?1 AND disconnected_at IS NULL").bind(input.stripeUserId, input.now);
}
