/** D1 access for platforms (one per developer). */
export interface PlatformRecord {
  platformId: string;
  developerId: string;
  plan: "free" | "paid";
  allowedOrigins: string[];
  createdAt: string;
}

interface PlatformRow {
  platform_id: string;
  developer_id: string;
  plan: "free" | "paid";
  allowed_origins: string;
  created_at: string;
}

function toPlatform(row: PlatformRow): PlatformRecord {
  return {
    platformId: row.platform_id,
    developerId: row.developer_id,
    plan: row.plan,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    createdAt: row.created_at,
  };
}

export async function getPlatform(db: D1Database, platformId: string): Promise<PlatformRecord | null> {
  const row = await db
    .prepare("SELECT platform_id, developer_id, plan, allowed_origins, created_at FROM platforms WHERE platform_id = ?1")
    .bind(platformId)
    .first<PlatformRow>();
  return row ? toPlatform(row) : null;
}

export function insertPlatformStatement(
  db: D1Database,
  input: { platformId: string; developerId: string; createdAt: string; plan?: "free" | "paid" },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?4)`,
    )
    .bind(input.platformId, input.developerId, input.plan ?? "free", input.createdAt);
}
