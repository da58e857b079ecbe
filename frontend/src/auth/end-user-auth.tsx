/**
 * The end-user's session on hosted pricing pages (shared Clerk app
 * "end-user-api"): Clerk when VITE_CLERK_END_USER_PUBLISHABLE_KEY is set,
 * else the local stand-in. A person has one session per browser, as with
 * Clerk's cookie, shared by every developer's page; which developer it acts
 * for is its active organization, so the seam exposes that and a way to
 * change it. The developer's seam (developer-auth.tsx) is a separate Clerk
 * app and a separate session.
 */
import { ClerkProvider, useAuth as useClerkAuth, useClerk } from "@clerk/clerk-react";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { config } from "../config";
import { activeOrganizationOf } from "../lib/active-organization";
import { safeRedirectPath } from "../lib/safe-redirect";
import type { AuthSession } from "./auth-context";
import { claimsOf, LocalSession, subjectOf } from "./local-session";

export interface EndUserAuthSession extends AuthSession {
  /** The organization (a developer's platform and mode) the session acts for; null for none or signed out. */
  activeOrganizationId: string | null;
  /** A session JWT, or null when signed out; `fresh` skips a cached one. */
  getToken(options?: { fresh?: boolean }): Promise<string | null>;
  /** Clerk's `setActive({ organization })`: only an organization the person is a member of (join first). */
  setActiveOrganization(organizationId: string): Promise<void>;
}

/** One stored session for every developer's page, as Clerk keeps one per browser. */
export const endUserSession = new LocalSession("end-user-api", "dream.endUser.session");

const EndUserAuthContext = createContext<EndUserAuthSession | null>(null);

export function useEndUserAuth(): EndUserAuthSession {
  const session = useContext(EndUserAuthContext);
  if (!session) throw new Error("useEndUserAuth() outside EndUserAuthProvider");
  return session;
}

/** Only a page of ours goes into a return address. */
const ownPath = (returnTo: string) => safeRedirectPath(returnTo, window.location.origin, "/");

export function EndUserAuthProvider({ children }: { children: ReactNode }) {
  if (config.clerkEndUserPublishableKey) {
    return (
      <ClerkProvider publishableKey={config.clerkEndUserPublishableKey}>
        <ClerkEndUserBridge>{children}</ClerkEndUserBridge>
      </ClerkProvider>
    );
  }
  return <LocalEndUserAuth>{children}</LocalEndUserAuth>;
}

function ClerkEndUserBridge({ children }: { children: ReactNode }) {
  const auth = useClerkAuth();
  const clerk = useClerk();
  const value = useMemo<EndUserAuthSession>(
    () => ({
      status: !auth.isLoaded ? "loading" : auth.isSignedIn ? "signed-in" : "signed-out",
      userId: auth.userId ?? null,
      // Clerk's view of the session's active organization; the page still checks each token's own claim before using it.
      activeOrganizationId: auth.orgId ?? null,
      getToken: (options) => auth.getToken(options?.fresh ? { skipCache: true } : undefined),
      setActiveOrganization: (organizationId) => clerk.setActive({ organization: organizationId }),
      signIn: (returnTo) => void clerk.redirectToSignIn({ signInForceRedirectUrl: ownPath(returnTo), signUpForceRedirectUrl: ownPath(returnTo) }),
      signUp: (returnTo) => void clerk.redirectToSignUp({ signUpForceRedirectUrl: ownPath(returnTo), signInForceRedirectUrl: ownPath(returnTo) }),
      signOut: () => clerk.signOut(),
    }),
    [auth, clerk],
  );
  return <EndUserAuthContext.Provider value={value}>{children}</EndUserAuthContext.Provider>;
}

type Stored = ReturnType<LocalSession["read"]>;

/** The same session, or the new one: a re-render only when the token really changed. */
const sameOr = (current: Stored, next: Stored): Stored => (current?.sessionId === next?.sessionId && current?.jwt === next?.jwt ? current : next);

function LocalEndUserAuth({ children }: { children: ReactNode }) {
  // Back from the stand-in's sign-in or sign-up page, the session is in the URL fragment: keep it before the first render.
  const [stored, setStored] = useState<Stored>(() => {
    endUserSession.captureFromHash(window.location.hash);
    return endUserSession.read();
  });

  useEffect(() => {
    // The fragment holds a token: take it out of the address bar and history.
    if (window.location.hash.includes("__clerk_session")) window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    // Another tab (another developer's page) may sign out or change the active organization of this same session.
    const onStorage = () => setStored((current) => sameOr(current, endUserSession.read()));
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const value = useMemo<EndUserAuthSession>(() => {
    const sync = () => setStored((current) => sameOr(current, endUserSession.read()));
    const back = (returnTo: string) => `${window.location.origin}${ownPath(returnTo)}`;
    return {
      status: stored ? "signed-in" : "signed-out",
      userId: stored ? subjectOf(stored.jwt) : null,
      activeOrganizationId: stored ? activeOrganizationOf(claimsOf(stored.jwt)) : null,
      getToken: async (options) => {
        const token = await endUserSession.token(options);
        sync();
        return token;
      },
      setActiveOrganization: async (organizationId) => {
        try {
          await endUserSession.setActiveOrganization(organizationId);
        } finally {
          sync();
        }
      },
      signIn: (returnTo) => window.location.assign(endUserSession.pageUrl("sign-in", back(returnTo))),
      signUp: (returnTo) => window.location.assign(endUserSession.pageUrl("sign-up", back(returnTo))),
      signOut: async () => {
        await endUserSession.signOut();
        setStored(null);
      },
    };
  }, [stored]);
  return <EndUserAuthContext.Provider value={value}>{children}</EndUserAuthContext.Provider>;
}
