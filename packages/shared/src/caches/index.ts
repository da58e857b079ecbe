/**
 * The KV caches in front of D1, one module each: its KV key, its one TTL,
 * its read (used by api-multi) and its refresh (used by whichever worker
 * changes the data). D1 stays the truth; the KV key names are deployed data.
 */
export * from "./api-keys";
export * from "./tiers";
export * from "./accounts";
