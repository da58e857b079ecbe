/**
 * D1 access for oauth_states: the single-use nonces of Stripe Connect OAuth
 * `state` parameters. The state itself is HMAC-signed and bound to the
 * developer (oauth-api's oauth-state.ts); its row makes it usable once,
 * before it expires.
 */
export interface NewOAuthState {
  nonce: string;
  developerId: string;
  platformId: string;
  expiresAt: string;
  now: string;
}

/** Records a state's nonce when the developer starts connecting. */
export async function insertOAuthState(db: D1Database, state: NewOAuthState): Promise<void> {
  await db
    .prepare("INSERT INTO oauth_states (nonce, developer_id, platform_id, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(state.nonce, state.developerId, state.platformId, state.expiresAt, state.now)
    .run();
}

/**
 * Uses a state up: true only for the first use of an unexpired nonce issued
 * to this developer and platform (one statement, so two racing callbacks
 * cannot both succeed).
 */
export async function consumeOAuthState(db: D1Database, input: { nonce: string; developerId: string; platformId: string; now: string }): Promise<boolean> {
  const consumed = await db
    .prepare(
      `UPDATE oauth_states SET used_at = ?2
     WHERE nonce = ?1 AND developer_id = ?3 AND platform_id = ?4 AND used_at IS NULL AND expires_at > ?2`,
    )
    .bind(input.nonce, input.now, input.developerId, input.platformId)
    .run();
  return consumed.meta.changes === 1;
}
