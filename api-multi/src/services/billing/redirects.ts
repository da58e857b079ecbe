import { ApiError } from "@dream-api/shared";
import type { PlatformSettings } from "@dream-api/shared/db";
import { config } from "../../config";
import type { ServiceContext } from "../../context";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** http(s)://localhost:<any port> or http(s)://127.0.0.1:<any port>: a developer's own machine. */
export function isLoopbackUrl(url: URL): boolean {
  return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Destinations that are the platform's own, not the caller's choice: the
 * developer's saved default URLs of this mode, and the hosted pricing pages
 * on the dashboard. A checkout hands its (already checked or default) cancel
 * URL to the portal as its return URL, so these must pass a second check too.
 */
function isOwnDestination(ctx: Pick<ServiceContext, "env">, settings: PlatformSettings, url: URL): boolean {
  const defaults = [settings.defaultSuccessUrl, settings.defaultCancelUrl, settings.defaultReturnUrl].flatMap((saved) => (saved && URL.canParse(saved) ? [new URL(saved).href] : []));
  if (defaults.includes(url.href)) return true;
  const dashboard = new URL(config(ctx.env).DASHBOARD_URL);
  return url.origin === dashboard.origin && url.pathname.startsWith("/p/");
}

/**
 * Where Checkout and the portal may send an end-user back to, in both modes
 * and whoever calls (secret key or end-user session): an origin of the
 * developer's settings of the key's mode (front-auth-api's PATCH /settings),
 * localhost in test mode when the developer ticked it, or the platform's
 * own destinations. Anything else could send a paying end-user to a
 * stranger's page, so it is refused (400 naming `param`) before Stripe is
 * called.
 */
export function assertAllowedRedirect(ctx: Pick<ServiceContext, "mode" | "env">, settings: PlatformSettings, given: string, param: string): void {
  const url = new URL(given);
  if (settings.allowedOrigins.includes(url.origin)) return;
  if (ctx.mode === "test" && settings.allowLocalhost && isLoopbackUrl(url)) return;
  if (isOwnDestination(ctx, settings, url)) return;
  throw new ApiError("invalid_request", refusal(ctx.mode, url, param), { param });
}

/** Says what to do, which depends on the mode and on whether the URL is a local one. */
function refusal(mode: ServiceContext["mode"], url: URL, param: string): string {
  const base = `${param} (${url.origin}) is not one of this platform's allowed origins in ${mode} mode.`;
  const add = `Add ${url.origin} to the ${mode} mode allowed origins in the dashboard's Settings, or with PATCH /settings {"mode":"${mode}","allowedOrigins":[…]}.`;
  if (!isLoopbackUrl(url)) return `${base} ${add}`;
  if (mode === "live")
    return `${base} Live mode does not allow localhost: develop with a test key (and tick "Allow http://localhost in test mode" in the dashboard's Settings), and add your real https origin to the live settings.`;
  // Test mode with localhost not ticked (ticked, the URL would have passed).
  return `${base} To use localhost while developing, tick "Allow http://localhost in test mode" in the dashboard's Settings (test mode), or PATCH /settings {"mode":"test","allowLocalhost":true}; or add ${url.origin} to the test mode allowed origins.`;
}
