/** D1 access for tiers, one set per platform and mode. D1 is the truth; workers cache the list per tenant (caches/tiers.ts). */
import type { Tenant } from "../ids";
import type { Tier, TierKind } from "../tiers";

interface TierRow {
  name: string;
  display_name: string;
  kind: TierKind;
  price: number;
  currency: string;
  monthly_limit: number | null;
  price_id: string | null;
  product_id: string | null;
  features: string;
  popular: number;
  inventory: number | null;
  credits: number | null;
  credit_validity_days: number | null;
  image_url: string | null;
  description: string | null;
  sort_order: number;
  archived_at: string | null;
}

function toTier(row: TierRow): Tier {
  return {
    name: row.name,
    displayName: row.display_name,
    kind: row.kind,
    price: row.price,
    currency: row.currency,
    limit: row.monthly_limit,
    features: JSON.parse(row.features) as string[],
    popular: row.popular === 1,
    inventory: row.inventory,
    credits: row.credits,
    creditValidityDays: row.credit_validity_days,
    imageUrl: row.image_url,
    description: row.description,
    priceId: row.price_id,
    productId: row.product_id,
    sortOrder: row.sort_order,
    archived: row.archived_at !== null,
  };
}

/** All tiers of a tenant, archived included (subscribers may still be on them). */
export async function listTiers(db: D1Database, tenant: Tenant): Promise<Tier[]> {
  const { results } = await db
    .prepare(
      `SELECT name, display_name, kind, price, currency, monthly_limit, price_id, product_id, features,
              popular, inventory, credits, credit_validity_days, image_url, description, sort_order, archived_at
       FROM tiers WHERE platform_id = ?1 AND mode = ?2 ORDER BY sort_order, price, name`,
    )
    .bind(tenant.platformId, tenant.mode)
    .all<TierRow>();
  return results.map(toTier);
}

/**
 * A tier's stored fields besides its key and kind, in this order: what an
 * insert writes and what a change compares and sets.
 */
const TIER_COLUMNS = [
  "display_name",
  "price",
  "currency",
  "monthly_limit",
  "price_id",
  "product_id",
  "features",
  "popular",
  "inventory",
  "credits",
  "credit_validity_days",
  "image_url",
  "description",
  "sort_order",
] as const;
const TIER_FIELDS = TIER_COLUMNS.join(", ");
/** `?first, ?first+1, …` for TIER_COLUMNS' values bound from parameter `first`. */
const params = (first: number) => TIER_COLUMNS.map((_, index) => `?${first + index}`);

function tierFieldValues(tier: Omit<Tier, "archived">): unknown[] {
  return [
    tier.displayName,
    tier.price,
    tier.currency,
    tier.limit,
    tier.priceId,
    tier.productId,
    JSON.stringify(tier.features),
    tier.popular ? 1 : 0,
    tier.inventory,
    tier.credits,
    tier.creditValidityDays,
    tier.imageUrl,
    tier.description,
    tier.sortOrder,
  ];
}

const N = TIER_COLUMNS.length;

export function insertTierStatement(db: D1Database, tenant: Tenant, tier: Omit<Tier, "archived">, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tiers (platform_id, name, kind, ${TIER_FIELDS}, created_at, updated_at, mode)
       VALUES (?1, ?2, ?3, ${params(4).join(", ")}, ?${4 + N}, ?${4 + N}, ?${5 + N})`,
    )
    .bind(tenant.platformId, tier.name, tier.kind, ...tierFieldValues(tier), now, tenant.mode);
}

/**
 * Why D1 refused a tier write: the (platform_id, mode, name) primary key
 * already holds the name, or the tiers_active_cap_* triggers (migrations
 * 0011, 0014) found the tenant at MAX_TIERS active tiers. Null for any other error. Either
 * refusal rolls back the whole DB.batch it happened in.
 */
export type TierWriteRefusal = "name_taken" | "cap_reached";

export function tierWriteRefusal(error: unknown): TierWriteRefusal | null {
  const message = error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : "";
  if (/UNIQUE constraint failed: tiers\.platform_id, tiers\.mode, tiers\.name/.test(message)) return "name_taken";
  if (/\btier_cap_reached\b/.test(message)) return "cap_reached";
  return null;
}

/**
 * Writes a tier's new state (`next`, name unchanged) only if its row still
 * holds exactly `expected` — the state the caller read before it called
 * Stripe — and is not archived: a compare-and-set, as D1 has no interactive
 * transactions. 0 rows changed means another request changed or archived
 * the tier in between (a PATCH, a DELETE, a purchase counting down the
 * inventory), and nothing was written. `retiredPriceId` is the Stripe price
 * the new `priceId` replaces: it is recorded in the same statement
 * (retired_price_id) and archived afterwards, so D1 never names an archived
 * price and a failed archive is finished by the next change of the tier.
 * Null keeps whatever replaced price is still waiting.
 */
export function updateTierIfUnchangedStatement(db: D1Database, tenant: Tenant, expected: Tier, next: Tier, now: string, retiredPriceId: string | null): D1PreparedStatement {
  // ?1 platform, ?2 name, then the new values, the clock, the retired price, the expected values, the mode.
  const sets = params(3).map((param, index) => `${TIER_COLUMNS[index]} = ${param}`);
  const expectedParams = params(5 + N);
  const unchanged = TIER_COLUMNS.map((column, index) => (column === "features" ? `json(features) IS json(${expectedParams[index]})` : `${column} IS ${expectedParams[index]}`));
  return db
    .prepare(
      `UPDATE tiers SET ${sets.join(", ")}, updated_at = ?${3 + N}, retired_price_id = COALESCE(?${4 + N}, retired_price_id)
       WHERE platform_id = ?1 AND mode = ?${5 + 2 * N} AND name = ?2 AND archived_at IS NULL AND ${unchanged.join(" AND ")}`,
    )
    .bind(tenant.platformId, expected.name, ...tierFieldValues(next), now, retiredPriceId, ...tierFieldValues(expected), tenant.mode);
}

/**
 * Archives a tier only if it still points at the Stripe objects the caller
 * archived (`expected` refs) and is not archived yet. 0 rows changed: a
 * concurrent change gave it other objects (archive those and try again), or
 * a concurrent DELETE archived it first.
 */
export function archiveTierIfRefsUnchangedStatement(db: D1Database, tenant: Tenant, expected: Pick<Tier, "name" | "productId" | "priceId">, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE tiers SET archived_at = ?3, updated_at = ?3
       WHERE platform_id = ?1 AND mode = ?6 AND name = ?2 AND archived_at IS NULL AND price_id IS ?4 AND product_id IS ?5`,
    )
    .bind(tenant.platformId, expected.name, now, expected.priceId, expected.productId, tenant.mode);
}

/** The replaced Stripe price of a tier still waiting to be archived (a change whose archive failed), if any. */
export async function retiredPriceOf(db: D1Database, tenant: Tenant, name: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT retired_price_id FROM tiers WHERE platform_id = ?1 AND mode = ?2 AND name = ?3")
    .bind(tenant.platformId, tenant.mode, name)
    .first<{ retired_price_id: string | null }>();
  return row?.retired_price_id ?? null;
}

/** Forgets a replaced price once Stripe has archived it (only if it is still the one waiting). */
export async function clearRetiredPrice(db: D1Database, tenant: Tenant, name: string, priceId: string): Promise<void> {
  await db.prepare("UPDATE tiers SET retired_price_id = NULL WHERE platform_id = ?1 AND mode = ?4 AND name = ?2 AND retired_price_id = ?3").bind(tenant.platformId, name, priceId, tenant.mode).run();
}

/**
 * Counts one sale of a one-off tier down from its inventory (unlimited
 * inventory, or none left: nothing changes). In the purchase event's batch,
 * so a redelivered event counts nothing twice.
 */
export function decrementTierInventoryStatement(db: D1Database, input: Tenant & { name: string; now: string }): D1PreparedStatement {
  return db
    .prepare("UPDATE tiers SET inventory = inventory - 1, updated_at = ?3 WHERE platform_id = ?1 AND mode = ?4 AND name = ?2 AND inventory IS NOT NULL AND inventory > 0")
    .bind(input.platformId, input.name, input.now, input.mode);
}
