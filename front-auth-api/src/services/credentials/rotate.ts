import { ApiError, issueKeyPair, newId, type KeyMode } from "@dream-api/shared";
import { insertApiKeyStatement, retireApiKeyStatement } from "@dream-api/shared/db";
import { refreshApiKeyCache } from "@dream-api/shared/caches";
import type { ServiceContext } from "../../context";
import type { CredentialsView } from "./issue";
import { activeKeys, currentKey, toKeyView } from "./view";

export interface RotateInput {
  mode?: KeyMode | undefined;
  gracePeriodSeconds: number;
}

/**
 * Issues a new pair for the same platformId for each rotated mode; the old
 * pair keeps working for the grace period (default 0: revoked at once). The
 * old key's retirement and the new key land in one DB.batch; a concurrent
 * rotation of the same mode makes this batch fail (409) instead of leaving
 * two current keys. api-multi's cached entries are rewritten afterwards.
 */
export async function rotateCredentials({ ctx, input }: { ctx: ServiceContext; input: RotateInput }): Promise<CredentialsView> {
  const db = ctx.env.DB;
  const { platformId } = ctx.platform;
  const keys = await activeKeys(db, platformId, ctx.now);
  const targets = (input.mode ? [input.mode] : (["test", "live"] as const)).map((mode) => currentKey(keys, mode)).filter((key) => key !== undefined);
  if (targets.length === 0) {
    throw new ApiError(
      "not_found",
      input.mode ? `No current ${input.mode} key to rotate. Create credentials first (POST /credentials).` : "No credentials to rotate. Create them first (POST /credentials).",
    );
  }
  const now = ctx.now.toISOString();
  const expiresAt = input.gracePeriodSeconds > 0 ? new Date(ctx.now.getTime() + input.gracePeriodSeconds * 1000).toISOString() : null;
  const secrets = new Map<string, string>();
  const statements: D1PreparedStatement[] = [];
  for (const old of targets) {
    const pair = await issueKeyPair(old.mode);
    const keyId = newId("apiKey");
    secrets.set(keyId, pair.secretKey);
    statements.push(retireApiKeyStatement(db, { platformId, keyId: old.keyId, now, expiresAt }), insertApiKeyStatement(db, { keyId, platformId, pair, createdAt: now }));
  }
  try {
    await db.batch(statements);
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
      throw new ApiError("conflict", "Another rotation of these keys is in progress. Reload your keys and try again.");
    }
    throw error;
  }
  await refreshApiKeyCache(ctx.env.DB, ctx.env.KEY_CACHE, platformId);
  const after = await activeKeys(db, platformId, ctx.now);
  return { platformId, keys: after.map((key) => toKeyView(key, secrets.get(key.keyId))) };
}
