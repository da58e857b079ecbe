/** D1 access for developer settings, one row per platform and mode (migration 0012); no row means none set. */
import type { KeyMode } from "../ids";

export interface PlatformSettings {
  mode: KeyMode;
  /** Exact origins (`https://app.example`) that checkout and portal redirects may go to. */
  allowedOrigins: string[];
  defaultSuccessUrl: string | null;
  defaultCancelUrl: string | null;
  defaultReturnUrl: string | null;
  /** null until the developer first saves them. */
  updatedAt: string | null;
}

interface PlatformSettingsRow {
  mode: KeyMode;
  allowed_origins: string;
  default_success_url: string | null;
  default_cancel_url: string | null;
  default_return_url: string | null;
  updated_at: string;
}

export async function getPlatformSettings(db: D1Database, platformId: string, mode: KeyMode): Promise<PlatformSettings> {
  const row = await db
    .prepare("SELECT mode, allowed_origins, default_success_url, default_cancel_url, default_return_url, updated_at FROM platform_settings WHERE platform_id = ?1 AND mode = ?2")
    .bind(platformId, mode)
    .first<PlatformSettingsRow>();
  if (!row) return { mode, allowedOrigins: [], defaultSuccessUrl: null, defaultCancelUrl: null, defaultReturnUrl: null, updatedAt: null };
  return {
    mode: row.mode,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    defaultSuccessUrl: row.default_success_url,
    defaultCancelUrl: row.default_cancel_url,
    defaultReturnUrl: row.default_return_url,
    updatedAt: row.updated_at,
  };
}

/** Writes the whole settings of one mode (the caller merged a change into what was stored). */
export function putPlatformSettingsStatement(db: D1Database, platformId: string, settings: Omit<PlatformSettings, "updatedAt">, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO platform_settings (platform_id, mode, allowed_origins, default_success_url, default_cancel_url, default_return_url, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (platform_id, mode) DO UPDATE SET allowed_origins = excluded.allowed_origins, default_success_url = excluded.default_success_url,
         default_cancel_url = excluded.default_cancel_url, default_return_url = excluded.default_return_url, updated_at = excluded.updated_at`,
    )
    .bind(platformId, settings.mode, JSON.stringify(settings.allowedOrigins), settings.defaultSuccessUrl, settings.defaultCancelUrl, settings.defaultReturnUrl, now);
}
