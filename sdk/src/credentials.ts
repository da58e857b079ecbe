/** Which key or token authenticates which route, and the browser guard. */
import { DreamApiConfigurationError } from "./errors.js";

/** An end-user session JWT, or a function that returns a fresh one (e.g. Clerk's `getToken`). */
export type EndUserTokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/**
 * What a route accepts:
 * - `secret`: the developer's secret key only (server side);
 * - `secretOrEndUser`: the secret key, else an end-user token (its own user only);
 * - `endUser`: an end-user token only (a person acting for themselves: joining an app);
 * - `none`: no credentials (public routes).
 */
export type CredentialKind = "secret" | "secretOrEndUser" | "endUser" | "none";

export interface CredentialOptions {
  secretKey?: string | undefined;
  endUserToken?: EndUserTokenSource | undefined;
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** True in a browser page (a `window` with a `document`); false in Node, Deno, Workers and web workers. */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown } };
  return typeof scope.window === "object" && scope.window !== null && typeof scope.window.document !== "undefined";
}

export class Credentials {
  private readonly secretKey: string | undefined;
  private readonly endUserToken: EndUserTokenSource | undefined;

  constructor(options: CredentialOptions) {
    if (options.secretKey !== undefined && isBrowser() && !options.dangerouslyAllowBrowser) {
      throw new DreamApiConfigurationError(
        "A dream-api secret key must never be used in a browser: anyone could read it and act for your whole platform. " +
          "Call dream-api from your backend, or in the browser use only `publishableKey` (tiers.listPublic) and `endUserToken` " +
          "(usage.check, checkout.create, portal.create). Pass `dangerouslyAllowBrowser: true` only if this code never reaches end-users.",
      );
    }
    this.secretKey = options.secretKey;
    this.endUserToken = options.endUserToken;
  }

  /** The `Authorization` header getter for a route of `kind`; throws before any request when the client cannot call it. */
  authorization(kind: CredentialKind, call: string): () => Promise<string | undefined> {
    if (kind === "none") return async () => undefined;
    if (this.secretKey !== undefined && kind !== "endUser") {
      const header = `Bearer ${this.secretKey}`;
      return async () => header;
    }
    if ((kind === "secretOrEndUser" || kind === "endUser") && this.endUserToken !== undefined) {
      const source = this.endUserToken;
      return async () => {
        const token = typeof source === "function" ? await source() : source;
        if (!token) throw new DreamApiConfigurationError(`${call}: the endUserToken function returned no token (is the end-user signed in?).`);
        return `Bearer ${token}`;
      };
    }
    throw new DreamApiConfigurationError(
      kind === "secret"
        ? `${call} needs your secret key: new DreamApi({ secretKey: "sk_…" }) on your server.`
        : kind === "endUser"
          ? `${call} acts for a signed-in person: new DreamApi({ endUserToken }) with their end-user session token.`
          : `${call} needs your secret key (server) or an end-user session token: new DreamApi({ endUserToken }).`,
    );
  }

  /** Whether the call acts through an end-user token (which names its own user). */
  usesEndUserToken(): boolean {
    return this.secretKey === undefined && this.endUserToken !== undefined;
  }
}
