import { isKeyActive, keyPairView, listApiKeys, type ApiKeyRecord, type KeyPairView } from "@dream-api/shared/db";
import type { KeyMode } from "@dream-api/shared";

/** A key pair as the developer sees it: the secret only right after it was made. */
export interface KeyView extends KeyPairView {
  secretKey?: string;
}

export function toKeyView(key: ApiKeyRecord, secretKey?: string): KeyView {
  return { ...keyPairView(key), ...(secretKey ? { secretKey } : {}) };
}

/** The platform's working keys (current ones and those still in a grace period), newest first. */
export async function activeKeys(db: D1Database, platformId: string, now: Date): Promise<ApiKeyRecord[]> {
  return (await listApiKeys(db, platformId)).filter((key) => isKeyActive(key, now));
}

export function currentKey(keys: ApiKeyRecord[], mode: KeyMode): ApiKeyRecord | undefined {
  return keys.find((key) => key.mode === mode && key.expiresAt === null && key.revokedAt === null);
}
