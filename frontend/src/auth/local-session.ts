/**
 * A session with the local Clerk stand-in: its sign-in page sends the
 * browser back with `#__clerk_session=<id>&__session=<jwt>`; tokens are
 * refreshed through `POST /local/sessions/:id/tokens` before they expire, or
 * at once when the session changed (`touch`, the stand-in's
 * `setActive({ organization })`: the stored token still names the old
 * organization).
 *
 * Session tokens live 60 seconds, as Clerk's do, so a tab left open keeps
 * no token: every call asks `token()`, which hands out the stored one only
 * while it has more than {@link REFRESH_MARGIN_MS} to live, as clerk-js's
 * `getToken()` does against Clerk's Frontend API.
 */
import { config } from "../config";

export type ClerkInstance = "dream-api" | "end-user-api";

/** A token with less than this left is replaced before use: time for the request to reach a worker whose clock may run a little ahead. */
export const REFRESH_MARGIN_MS = 30_000;

interface Stored {
  sessionId: string;
  jwt: string;
  /** When this browser received the token (its own clock); absent in sessions stored before it was kept. */
  receivedAt?: number;
}

/**
 * When the token stops being usable, by the earlier of two readings: its
 * `exp` on this browser's clock, and its lifetime (`exp` − `iat`) counted
 * from when it arrived, which holds even when this clock and the stand-in's
 * disagree (a laptop clock minutes behind would otherwise keep a dead token).
 */
function usableUntil(stored: Stored): number {
  const { exp, iat } = claimsOf(stored.jwt);
  if (typeof exp !== "number") return 0;
  const byClock = exp * 1000;
  if (stored.receivedAt === undefined || typeof iat !== "number") return byClock;
  return Math.min(byClock, stored.receivedAt + (exp - iat) * 1000);
}

export function subjectOf(jwt: string): string | null {
  try {
    return (JSON.parse(atob(jwt.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { sub?: string }).sub ?? null;
  } catch {
    return null;
  }
}

export function claimsOf(jwt: string): Record<string, unknown> {
  try {
    return JSON.parse(atob(jwt.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export class LocalSession {
  constructor(
    readonly instance: ClerkInstance,
    private readonly storageKey: string,
  ) {}

  read(): Stored | null {
    try {
      const raw = localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as Stored) : null;
    } catch {
      return null;
    }
  }

  private save(stored: Stored): void {
    localStorage.setItem(this.storageKey, JSON.stringify(stored));
  }

  /** The refresh under way, shared by the calls a page makes at once. */
  private refreshing: Promise<string | null> | null = null;
  /** Counts refreshes started: only the latest one's token is stored, so a slower, older answer never replaces a newer one. */
  private refreshes = 0;

  clear(): void {
    localStorage.removeItem(this.storageKey);
  }

  /** Takes the session the stand-in put in the URL fragment; true when there was one. */
  captureFromHash(hash: string): boolean {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const sessionId = params.get("__clerk_session");
    const jwt = params.get("__session");
    if (!sessionId || !jwt) return false;
    this.save({ sessionId, jwt, receivedAt: Date.now() });
    return true;
  }

  /**
   * The session's token: the stored one while it has more than
   * {@link REFRESH_MARGIN_MS} to live, else a new one. Calls made together
   * share one refresh; `fresh` always starts its own (after `touch`, a
   * refresh begun before it would still name the old organization). Null
   * once the session is gone.
   */
  async token(options: { fresh?: boolean } = {}): Promise<string | null> {
    const stored = this.read();
    if (!stored) return null;
    if (!options.fresh && usableUntil(stored) - Date.now() > REFRESH_MARGIN_MS) return stored.jwt;
    if (options.fresh || !this.refreshing) {
      const refreshing = this.refresh(stored.sessionId, ++this.refreshes).finally(() => {
        if (this.refreshing === refreshing) this.refreshing = null;
      });
      this.refreshing = refreshing;
    }
    return this.refreshing;
  }

  private async refresh(sessionId: string, number: number): Promise<string | null> {
    const response = await fetch(`${config.localClerkUrl}/local/sessions/${encodeURIComponent(sessionId)}/tokens`, { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      // Only forget the session that ended, not one stored meanwhile (a new sign-in in another tab).
      if (response && response.status === 404 && this.read()?.sessionId === sessionId) this.clear();
      return null;
    }
    const { jwt } = (await response.json()) as { jwt: string };
    if (number === this.refreshes && this.read()?.sessionId === sessionId) this.save({ sessionId, jwt, receivedAt: Date.now() });
    return jwt;
  }

  /**
   * Makes `organizationId` the session's active organization (null: none),
   * then stores a token that carries it. The stand-in refuses an
   * organization the user is not a member of (404
   * `organization_not_found_or_unauthorized`), as Clerk does.
   */
  async setActiveOrganization(organizationId: string | null): Promise<string> {
    const stored = this.read();
    if (!stored) throw new Error("Your session ended. Sign in again.");
    const url = `${config.localClerkUrl}/local/sessions/${encodeURIComponent(stored.sessionId)}/touch`;
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ active_organization_id: organizationId }) }).catch(() => null);
    if (!response) throw new Error("The sign-in service could not be reached. Try again.");
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { code?: string }[] } | null;
      const code = body?.errors?.[0]?.code;
      if (code === "organization_not_found_or_unauthorized") throw new Error("This account could not be switched to this app. Reload the page and try again.");
      if (response.status === 404) {
        this.clear();
        throw new Error("Your session ended. Sign in again.");
      }
      throw new Error(`The sign-in service answered ${response.status}. Try again.`);
    }
    const jwt = await this.token({ fresh: true });
    if (!jwt) throw new Error("Your session ended. Sign in again.");
    return jwt;
  }

  pageUrl(mode: "sign-in" | "sign-up", redirectUrl: string, extra: Record<string, string> = {}): string {
    const url = new URL(`/${mode}`, config.localClerkUrl);
    url.search = new URLSearchParams({ instance: this.instance, redirect_url: redirectUrl, ...extra }).toString();
    return url.toString();
  }

  async signOut(): Promise<void> {
    const stored = this.read();
    this.clear();
    if (stored) await fetch(`${config.localClerkUrl}/local/sessions/${encodeURIComponent(stored.sessionId)}`, { method: "DELETE" }).catch(() => undefined);
  }
}
