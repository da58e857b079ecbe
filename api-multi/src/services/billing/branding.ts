/**
 * The developer's brand on Stripe Checkout: Stripe's own `branding_settings`
 * (display name, button colour, logo), built from the brand of the key's
 * mode (front-auth-api's PATCH /settings). Unset fields are left out, so
 * Stripe shows the account's own branding there.
 */
import type { PlatformBrand } from "@dream-api/shared/db";
import type Stripe from "stripe";

export function brandingSettings(brand: PlatformBrand): Stripe.Checkout.SessionCreateParams.BrandingSettings | undefined {
  const branding: Stripe.Checkout.SessionCreateParams.BrandingSettings = {};
  if (brand.displayName) branding.display_name = brand.displayName;
  if (brand.accentColor) branding.button_color = brand.accentColor;
  // Stripe's page is https: an http logo (allowed in test mode settings) would be blocked there, so it stays off Checkout.
  if (brand.logoUrl && new URL(brand.logoUrl).protocol === "https:") branding.logo = { type: "url", url: brand.logoUrl };
  return Object.keys(branding).length > 0 ? branding : undefined;
}
