import { ApiError } from "@dream-api/shared";
import { revokeApiKeyStatement } from "@dream-api/shared/db";
import { refreshApiKeyCache } from "@dream-api/shared/caches";
import type { ServiceContext } from "../../context";
import type { CredentialsView } from "./issue";
import { activeKeys, toKeyView } from "./view";

/**
 * Revokes one key pair at once — a current one, or one still working in the
 * grace period of a rotation (the emergency case: a leaked key that an
 * earlier rotation left working). D1 first, then api-multi's KV entries are
 * rewritten, so api-multi refuses the key within the revocation bound
 * (KEY_CACHE_TTL_SECONDS plus KV propagation: 90 s by default). A mode whose
 * current pair is revoked has none until POST /credentials issues a new one.
 */
export async function revokeKey({ ctx, input }: { ctx: ServiceContext; input: { keyId: string } }): Promise<CredentialsView> {
  const { platformId } = ctx.platform;
  const result = await revokeApiKeyStatement(ctx.env.DB, { platformId, keyId: input.keyId, now: ctx.now.toISOString() }).run();
  if (result.meta.changes !== 1) {
    throw new ApiError("not_found", `No working key "${input.keyId}" on your platform (it may already be revoked or expired).`, { param: "keyId" });
  }
  await refreshApiKeyCache(ctx.env.DB, ctx.env.KEY_CACHE, platformId);
  const keys = await activeKeys(ctx.env.DB, platformId, ctx.now);
  return { platformId, keys: keys.map((key) => toKeyView(key)) };
}
