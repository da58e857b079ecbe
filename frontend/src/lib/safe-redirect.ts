/**
 * The one rule for following a URL taken from the query string (`?to=`,
 * sign-in return addresses): only a path on our own origin. The candidate
 * is parsed the way the browser will parse it, so `//evil`, `/\evil`,
 * `\\evil`, `https://evil`, `javascript:` and tab/newline tricks are judged
 * by where they really lead, not by how they start.
 */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

/**
 * `pathname + search + hash` of `candidate` when it resolves to `origin`,
 * else `fallback`. The result always starts with exactly one "/", so it
 * stays on this origin whether it is given to `location`, a router or an
 * identity provider as a relative URL.
 */
export function safeRedirectPath(candidate: string | null | undefined, origin: string, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (!candidate || origin === "null") return fallback;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  // "/.//evil" parses to the path "//evil" on our origin; as a relative URL that would be a host.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
