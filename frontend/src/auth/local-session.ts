/**
 * A session with the local Clerk stand-in: its sign-in page sends the
 * browser back with `#__clerk_session=<id>&__session=<jwt>`; tokens are
 * refreshed through `POST /local/sessions/:id/tokens` before they expire, or
 * at once when the session changed (`touch`, the stand-in's
 * `setActive({ organization })`: the stored token still names the old
 * organization).
 */
import { config } from "../config";

export type ClerkInstance = "dream-api" | "end-user-api";

interface Stored {
  sessionId: string;
  jwt: string;
}

function expiresAt(jwt: string): number {
  try {
    const payload = JSON.parse(atob(jwt.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
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

  clear(): void {
    localStorage.removeItem(this.storageKey);
  }

  /** Takes the session the stand-in put in the URL fragment; true when there was one. */
  captureFromHash(hash: string): boolean {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const sessionId = params.get("__clerk_session");
    const jwt = params.get("__session");
    if (!sessionId || !jwt) return false;
    this.save({ sessionId, jwt });
    return true;
  }

  /** The session's token; a new one when it is about to expire, or always with `fresh`. Null once the session is gone. */
  async token(options: { fresh?: boolean } = {}): Promise<string | null> {
    const stored = this.read();
    if (!stored) return null;
    if (!options.fresh && expiresAt(stored.jwt) - Date.now() > 30_000) return stored.jwt;
    const response = await fetch(`${config.localClerkUrl}/local/sessions/${encodeURIComponent(stored.sessionId)}/tokens`, { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      if (response && response.status === 404) this.clear();
      return null;
    }
    const { jwt } = (await response.json()) as { jwt: string };
    this.save({ sessionId: stored.sessionId, jwt });
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
