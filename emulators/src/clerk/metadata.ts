import { isPlainObject } from "./params.js";
import type { Metadata } from "./types.js";

/**
 * Clerk's metadata merge (`PATCH /v1/users/{id}/metadata`): nested objects
 * merge key by key, a `null` value removes the key at any depth, and every
 * other value (arrays included) replaces what was there.
 */
export function mergeMetadata(current: Metadata, patch: Metadata): Metadata {
  const result: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const existing = result[key];
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value)) {
      setOwn(result, key, mergeMetadata(isPlainObject(existing) ? existing : {}, value));
    } else {
      setOwn(result, key, value);
    }
  }
  return result;
}

/** Plain assignment would treat a `__proto__` key from JSON as the prototype setter. */
function setOwn(target: Metadata, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
