/**
 * The auth seam: the app sees only `useAuth()`. Behind it sits Clerk
 * (@clerk/clerk-react) when a publishable key is configured, or the local
 * Clerk stand-in's sign-in pages otherwise (DESIGN §5) — the rest of the
 * app does not know which.
 */
import { createContext, useContext, type ReactNode } from "react";

export interface AuthSession {
  status: "loading" | "signed-out" | "signed-in";
  userId: string | null;
  /** A fresh session JWT, or null when signed out. */
  getToken(): Promise<string | null>;
  signIn(returnTo: string): void;
  signUp(returnTo: string): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthSession | null>(null);

export function AuthContextProvider({ value, children }: { value: AuthSession; children: ReactNode }) {
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthSession {
  const session = useContext(AuthContext);
  if (!session) throw new Error("useAuth() outside an auth provider");
  return session;
}
