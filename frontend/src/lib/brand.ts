/**
 * The developer's brand on the hosted pricing page (GET /api/public/tiers
 * answers it for the key's mode). The API checks every field when it is
 * saved; the page checks again before a value reaches a style or a link,
 * and falls back to the default look for anything unset or odd.
 */
import type { Brand } from "../api/models";

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The accent colour (`#RRGGBB`), or null for the default indigo. */
export function accentOf(brand: Brand | undefined): string | null {
  return brand?.accentColor && HEX_COLOR.test(brand.accentColor) ? brand.accentColor : null;
}

/** A `mailto:` link to the support email, or null when there is none. */
export function supportMailto(brand: Brand | undefined): string | null {
  const email = brand?.supportEmail?.trim();
  return email && /^[^\s@/?#]+@[^\s@/?#]+$/.test(email) ? `mailto:${email}` : null;
}

/** The logo's address, when it is an http(s) URL. */
export function logoOf(brand: Brand | undefined): string | null {
  const url = brand?.logoUrl;
  return url && URL.canParse(url) && ["http:", "https:"].includes(new URL(url).protocol) ? url : null;
}
