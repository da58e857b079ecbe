/**
 * `branding_settings` on a Checkout session create, exactly as stripe-node
 * types it (`Stripe.Checkout.SessionCreateParams.BrandingSettings`): every
 * member checked (`BRANDING_SETTINGS` makes the endpoint refuse unknown
 * ones with "Received unknown parameter"), the colours `#RRGGBB`, the enums
 * Stripe's, and `logo`/`icon` by URL (the emulator has no Files API, so a
 * `file` names nothing). What is not given
 * takes the account's look: its name and the hosted page's colours.
 */
import { invalidRequest, parameterMissing, resourceMissing } from "../errors.js";
import type { BrandingImage, BrandingSettings } from "../objects/checkout.js";
import type { ParamSpec } from "../known-params.js";
import type { Params } from "../params.js";

const IMAGE = { type: true, url: true, file: true } as const satisfies ParamSpec;

/** Every member Stripe takes in `branding_settings`, nested ones included. */
export const BRANDING_SETTINGS = {
  background_color: true,
  border_style: true,
  button_color: true,
  display_name: true,
  font_family: true,
  icon: IMAGE,
  logo: IMAGE,
} as const satisfies ParamSpec;

const BORDER_STYLES = ["pill", "rectangular", "rounded"] as const;
const FONT_FAMILIES = [
  "be_vietnam_pro",
  "bitter",
  "chakra_petch",
  "default",
  "hahmlet",
  "inconsolata",
  "inter",
  "lato",
  "lora",
  "m_plus_1_code",
  "montserrat",
  "noto_sans",
  "noto_sans_jp",
  "noto_serif",
  "nunito",
  "open_sans",
  "pridi",
  "pt_sans",
  "pt_serif",
  "raleway",
  "roboto",
  "roboto_slab",
  "source_sans_pro",
  "titillium_web",
  "ubuntu_mono",
  "zen_maru_gothic",
] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_STRING = 5000;

/** The hosted pages' own look (pages/layout.ts), which an account without branding shows. */
const ACCOUNT_LOOK = { background_color: "#f6f8fa", border_style: "rounded", button_color: "#635bff", font_family: "default" } as const;

function color(params: Params, name: string): string | undefined {
  const value = params.string(name);
  if (value === undefined || value === "") return undefined; // Emptyable: "" means the account's own
  if (!HEX_COLOR.test(value)) throw invalidRequest(`Invalid hex color: ${value}. Use a hex color value starting with \`#\`, such as #0074d4.`, { param: params.path(name) });
  return value;
}

function emptyable<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  if (params.string(name) === "") return undefined;
  return params.oneOf(name, allowed);
}

function image(params: Params, name: "logo" | "icon"): BrandingImage | null {
  const child = params.child(name);
  if (!child) return null;
  const type = child.oneOf("type", ["file", "url"] as const);
  if (!type) throw parameterMissing(child.path("type"));
  if (type === "file") {
    if (child.has("url")) throw invalidRequest(`You cannot specify \`url\` when \`type\` is \`file\`.`, { param: child.path("url") });
    const file = child.requiredString("file");
    throw resourceMissing("file", file, child.path("file"));
  }
  if (child.has("file")) throw invalidRequest(`You cannot specify \`file\` when \`type\` is \`url\`.`, { param: child.path("file") });
  const url = child.requiredString("url");
  if (!URL.canParse(url) || !["http:", "https:"].includes(new URL(url).protocol)) throw invalidRequest("Not a valid URL", { code: "url_invalid", param: child.path("url") });
  return { type: "url", url };
}

/** The session's `branding_settings`, or undefined when the create named none. */
export function brandingSettingsParam(params: Params, accountName: string): BrandingSettings | undefined {
  params.refuseUnset("branding_settings");
  const branding = params.child("branding_settings");
  if (!branding) return undefined;
  branding.refuseUnset("display_name", "icon", "logo");
  const displayName = branding.string("display_name");
  if (displayName !== undefined && displayName.length > MAX_STRING) {
    throw invalidRequest(`Invalid string: must be at most ${MAX_STRING} characters.`, { param: branding.path("display_name") });
  }
  const logo = image(branding, "logo");
  const icon = image(branding, "icon");
  if (logo && icon) throw invalidRequest("You cannot set both `logo` and `icon`.", { param: branding.path("icon") });
  return {
    background_color: color(branding, "background_color") ?? ACCOUNT_LOOK.background_color,
    border_style: emptyable(branding, "border_style", BORDER_STYLES) ?? ACCOUNT_LOOK.border_style,
    button_color: color(branding, "button_color") ?? ACCOUNT_LOOK.button_color,
    display_name: displayName ?? accountName,
    font_family: emptyable(branding, "font_family", FONT_FAMILIES) ?? ACCOUNT_LOOK.font_family,
    icon,
    logo,
  };
}
