/**
 * Clerk Backend API clients. The apiUrl comes from config so the same code
 * talks to the local stand-in (dev, tests) or to https://api.clerk.com.
 * One client per (secretKey, apiUrl) per isolate.
 */
import { createClerkClient, type ClerkClient } from "@clerk/backend";

const clients = new Map<string, ClerkClient>();

export interface ClerkConfig {
  secretKey: string;
  apiUrl?: string | undefined;
}

export function clerkClient(config: ClerkConfig): ClerkClient {
  const cacheKey = `${config.apiUrl ?? ""}\u0000${config.secretKey}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = createClerkClient({
      secretKey: config.secretKey,
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** Clerk errors carry a status and Clerk error codes; this reads them safely. */
export function clerkErrorInfo(error: unknown): { status: number | undefined; codes: string[] } {
  if (typeof error !== "object" || error === null) return { status: undefined, codes: [] };
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : undefined;
  const errors = (error as { errors?: unknown }).errors;
  const codes = Array.isArray(errors)
    ? errors.map((entry) => (typeof entry === "object" && entry && "code" in entry ? String(entry.code) : "")).filter(Boolean)
    : [];
  return { status, codes };
}
