import { issueKeyPair, newId, type KeyMode } from "@dream-api/shared";
import { insertApiKeyStatement } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { activeKeys, currentKey, toKeyView, type KeyView } from "./view";

export interface CredentialsView {
  platformId: string;
  keys: KeyView[];
}

/**
 * Issues the developer's key pairs: a test pair always, a live pair once the
 * developer is on the paid plan. Idempotent: pairs that exist are returned
 * as prefixes; a secret appears only in the response that created it. The
 * one-current-pair-per-mode index makes concurrent first calls create one
 * pair, not two.
 */
export async function issueCredentials({ ctx }: { ctx: ServiceContext }): Promise<{ credentials: CredentialsView; created: boolean }> {
  const db = ctx.env.DB;
  const { platformId } = ctx.platform;
  const modes: KeyMode[] = ctx.platform.plan === "paid" ? ["test", "live"] : ["test"];
  const existing = await activeKeys(db, platformId, ctx.now);
  const secrets = new Map<string, string>();
  for (const mode of modes) {
    if (currentKey(existing, mode)) continue;
    const pair = await issueKeyPair(mode);
    const keyId = newId("apiKey");
    const result = await insertApiKeyStatement(db, { keyId, platformId, pair, createdAt: ctx.now.toISOString(), ifNoCurrent: true }).run();
    if (result.meta.changes === 1) secrets.set(keyId, pair.secretKey);
  }
  const keys = secrets.size > 0 ? await activeKeys(db, platformId, ctx.now) : existing;
  return {
    credentials: { platformId, keys: keys.map((key) => toKeyView(key, secrets.get(key.keyId))) },
    created: secrets.size > 0,
  };
}
