/** D1 access for developer settings, one row per platform and mode (migrations 0012, 0013); no row means none set. */
import type { KeyMode } from "../ids";

/** How the hosted pages (pricing page, Checkout) present the developer; null fields keep dream-api's own look. */
export interface PlatformBrand {
  displayName: string | null;
  logoUrl: string | null;
  /** `#RRGGBB`. */
  accentColor: string | null;
  supportEmail: string | null;
}

export interface PlatformSettings extends PlatformBrand {
  mode: KeyMode;
  /** Exact origins (`https://app.example`) that checkout and portal redirects may go to. */
  allowedOrigins: string[];
  /** Test mode only: redirects to http://localhost:<port> and http://127.0.0.1:<port> are allowed too. */
  allowLocalhost: boolean;
  defaultSuccessUrl: string | null;
  defaultCancelUrl: string | null;
  defaultReturnUrl: string | null;
  /** Fractions of the tier limit at which usage.threshold_reached fires (ascending, each in (0, 1]). */
  usageAlertThresholds: number[];
  /** null until the developer first saves them. */
  updatedAt: string | null;
}

/** Usage alerts when a platform has not chosen: at 80 % and at 100 % of the tier limit. */
export const DEFAULT_USAGE_ALERT_THRESHOLDS: readonly number[] = [0.8, 1];

/** The settings of a mode nobody has saved yet. */
export function emptyPlatformSettings(mode: KeyMode): PlatformSettings {
  return {
    mode,
    allowedOrigins: [],
    allowLocalhost: false,
    defaultSuccessUrl: null,
    defaultCancelUrl: null,
    defaultReturnUrl: null,
    displayName: null,
    logoUrl: null,
    accentColor: null,
    supportEmail: null,
    usageAlertThresholds: [...DEFAULT_USAGE_ALERT_THRESHOLDS],
    updatedAt: null,
  };
}

/** The brand part of the settings, for the hosted pages. */
export function brandOf(settings: PlatformBrand): PlatformBrand {
  return { displayName: settings.displayName, logoUrl: settings.logoUrl, accentColor: settings.accentColor, supportEmail: settings.supportEmail };
}

interface PlatformSettingsRow {
  mode: KeyMode;
  allowed_origins: string;
  allow_localhost: number;
  default_success_url: string | null;
  default_cancel_url: string | null;
  default_return_url: string | null;
  brand_display_name: string | null;
  brand_logo_url: string | null;
  brand_accent_color: string | null;
  brand_support_email: string | null;
  usage_alert_thresholds: string | null;
  updated_at: string;
}

function thresholdsOf(stored: string | null): number[] {
  return stored === null ? [...DEFAULT_USAGE_ALERT_THRESHOLDS] : (JSON.parse(stored) as number[]);
}

export async function getPlatformSettings(db: D1Database, platformId: string, mode: KeyMode): Promise<PlatformSettings> {
  const row = await db
    .prepare(
      `SELECT mode, allowed_origins, allow_localhost, default_success_url, default_cancel_url, default_return_url,
         brand_display_name, brand_logo_url, brand_accent_color, brand_support_email, usage_alert_thresholds, updated_at
       FROM platform_settings WHERE platform_id = ?1 AND mode = ?2`,
    )
    .bind(platformId, mode)
    .first<PlatformSettingsRow>();
  if (!row) return emptyPlatformSettings(mode);
  return {
    mode: row.mode,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    allowLocalhost: row.allow_localhost === 1,
    defaultSuccessUrl: row.default_success_url,
    defaultCancelUrl: row.default_cancel_url,
    defaultReturnUrl: row.default_return_url,
    displayName: row.brand_display_name,
    logoUrl: row.brand_logo_url,
    accentColor: row.brand_accent_color,
    supportEmail: row.brand_support_email,
    usageAlertThresholds: thresholdsOf(row.usage_alert_thresholds),
    updatedAt: row.updated_at,
  };
}

/** Writes the whole settings of one mode (the caller merged a change into what was stored). */
export function putPlatformSettingsStatement(db: D1Database, platformId: string, settings: Omit<PlatformSettings, "updatedAt">, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO platform_settings (platform_id, mode, allowed_origins, allow_localhost, default_success_url, default_cancel_url, default_return_url,
         brand_display_name, brand_logo_url, brand_accent_color, brand_support_email, updated_at, usage_alert_thresholds)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
       ON CONFLICT (platform_id, mode) DO UPDATE SET allowed_origins = excluded.allowed_origins, allow_localhost = excluded.allow_localhost,
         default_success_url = excluded.default_success_url, default_cancel_url = excluded.default_cancel_url, default_return_url = excluded.default_return_url,
         brand_display_name = excluded.brand_display_name, brand_logo_url = excluded.brand_logo_url, brand_accent_color = excluded.brand_accent_color,
         brand_support_email = excluded.brand_support_email, updated_at = excluded.updated_at, usage_alert_thresholds = excluded.usage_alert_thresholds`,
    )
    .bind(
      platformId,
      settings.mode,
      JSON.stringify(settings.allowedOrigins),
      settings.allowLocalhost ? 1 : 0,
      settings.defaultSuccessUrl,
      settings.defaultCancelUrl,
      settings.defaultReturnUrl,
      settings.displayName,
      settings.logoUrl,
      settings.accentColor,
      settings.supportEmail,
      now,
      JSON.stringify(settings.usageAlertThresholds),
    );
}

/**
 * The usage-alert thresholds of a tenant (the default when none are saved):
 * what the counting path compares each admitted count against.
 */
export async function getUsageAlertThresholds(db: D1Database, platformId: string, mode: KeyMode): Promise<number[]> {
  const row = await db.prepare("SELECT usage_alert_thresholds FROM platform_settings WHERE platform_id = ?1 AND mode = ?2").bind(platformId, mode).first<{ usage_alert_thresholds: string | null }>();
  return thresholdsOf(row?.usage_alert_thresholds ?? null);
}
