/** D1 access for tiers. D1 is the truth; workers cache the list per platform. */
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
    imageUrl: row.image_url,
    description: row.description,
    priceId: row.price_id,
    productId: row.product_id,
    sortOrder: row.sort_order,
    archived: row.archived_at !== null,
  };
}

/** Where api-multi's KV tier cache keeps a platform's tiers (oauth-api rewrites it on every change). */
export function tierCacheKvKey(platformId: string): string {
  return `tiers:${platformId}`;
}

/** All tiers of a platform, archived included (subscribers may still be on them). */
export async function listTiers(db: D1Database, platformId: string): Promise<Tier[]> {
  const { results } = await db
    .prepare(
      `SELECT name, display_name, kind, price, currency, monthly_limit, price_id, product_id, features,
              popular, inventory, image_url, description, sort_order, archived_at
       FROM tiers WHERE platform_id = ?1 ORDER BY sort_order, price, name`,
    )
    .bind(platformId)
    .all<TierRow>();
  return results.map(toTier);
}

export function insertTierStatement(
  db: D1Database,
  platformId: string,
  tier: Omit<Tier, "archived">,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tiers (platform_id, name, display_name, kind, price, currency, monthly_limit, price_id, product_id,
                          features, popular, inventory, image_url, description, sort_order, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)`,
    )
    .bind(
      platformId,
      tier.name,
      tier.displayName,
      tier.kind,
      tier.price,
      tier.currency,
      tier.limit,
      tier.priceId,
      tier.productId,
      JSON.stringify(tier.features),
      tier.popular ? 1 : 0,
      tier.inventory,
      tier.imageUrl,
      tier.description,
      tier.sortOrder,
      now,
    );
}
