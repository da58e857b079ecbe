/**
 * The developer's session (Clerk app "dream-api"): Clerk when
 * VITE_CLERK_PUBLISHABLE_KEY is set, else the local stand-in.
 */
import { ClerkProvider, useAuth as useClerkAuth, useClerk } from "@clerk/clerk-react";
import { useMemo, useState, type ReactNode } from "react";
import { config } from "../config";
import { safeRedirectPath } from "../lib/safe-redirect";
import { AuthContextProvider, type AuthSession } from "./auth-context";
import { LocalSession, subjectOf } from "./local-session";

export const developerSession = new LocalSession("dream-api", "dream.developer.session");

export function DeveloperAuthProvider({ children }: { children: ReactNode }) {
  if (config.clerkPublishableKey) {
    return (
      <ClerkProvider publishableKey={config.clerkPublishableKey}>
        <ClerkBridge>{children}</ClerkBridge>
      </ClerkProvider>
    );
  }
  return <LocalDeveloperAuth>{children}</LocalDeveloperAuth>;
}

function ClerkBridge({ children }: { children: ReactNode }) {
  const auth = useClerkAuth();
  const clerk = useClerk();
  const value = useMemo<AuthSession>(
    () => ({
      status: !auth.isLoaded ? "loading" : auth.isSignedIn ? "signed-in" : "signed-out",
      userId: auth.userId ?? null,
      getToken: () => auth.getToken(),
      signIn: (returnTo) => void clerk.redirectToSignIn({ signInForceRedirectUrl: safeRedirectPath(returnTo, window.location.origin) }),
      signUp: (returnTo) => void clerk.redirectToSignUp({ signUpForceRedirectUrl: safeRedirectPath(returnTo, window.location.origin) }),
      signOut: () => clerk.signOut(),
    }),
    [auth, clerk],
  );
  return <AuthContextProvider value={value}>{children}</AuthContextProvider>;
}

function LocalDeveloperAuth({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState(() => developerSession.read());
  const value = useMemo<AuthSession>(() => {
    // Only a page of ours goes into the return address; /auth/callback checks it again on the way back.
    const callback = (returnTo: string) => `${window.location.origin}/auth/callback?to=${encodeURIComponent(safeRedirectPath(returnTo, window.location.origin))}`;
    return {
      status: stored ? "signed-in" : "signed-out",
      userId: stored ? subjectOf(stored.jwt) : null,
      getToken: async () => {
        const token = await developerSession.token();
        if (!token) setStored(null);
        return token;
      },
      signIn: (returnTo) => window.location.assign(developerSession.pageUrl("sign-in", callback(returnTo))),
      signUp: (returnTo) => window.location.assign(developerSession.pageUrl("sign-up", callback(returnTo))),
      signOut: async () => {
        await developerSession.signOut();
        setStored(null);
      },
    };
  }, [stored]);
  return <AuthContextProvider value={value}>{children}</AuthContextProvider>;
}
