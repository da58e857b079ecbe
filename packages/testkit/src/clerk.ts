/**
 * The Clerk stand-in as the workers' tests reach it: its Backend API as
 * either app's backend, its sign-in path (session JWTs as the dashboard or
 * an end-user would hold), and developers who are real users of the
 * "dream-api" app.
 */
import { inject } from "vitest";
import type {} from "./global-setup.js";

export const DASHBOARD_ORIGIN = "http://localhost:5173";

export interface Developer {
  id: string;
  email: string;
  token: string;
}

/** The two Clerk apps: developers sign in to "dream-api", developers' end-users to "end-user-api". */
export type ClerkApp = "dream-api" | "end-user-api";

/** A call to the Clerk stand-in's Backend API as `app`'s backend (default "dream-api"). */
export async function clerkJson<T>(path: string, { app, ...init }: RequestInit & { app?: ClerkApp } = {}): Promise<T> {
  const secret = app === "end-user-api" ? inject("endUserClerkSecret") : inject("dreamApiClerkSecret");
  const response = await fetch(`${inject("clerkApiUrl")}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
  });
  if (!response.ok) throw new Error(`Clerk stand-in ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A session JWT minted by the Clerk stand-in (its sign-in path), as the
 * dashboard or an end-user's browser would hold. `organizationId`: the
 * session's active organization (null: none); left out, a new session
 * starts in the organization the user last joined, as Clerk's do.
 */
export async function mintToken(userId: string, options: { instance?: ClerkApp; azp?: string; expiresInSeconds?: number; organizationId?: string | null } = {}): Promise<string> {
  const { jwt } = await clerkJson<{ jwt: string }>("/local/tokens", {
    method: "POST",
    body: JSON.stringify({
      instance: options.instance ?? "dream-api",
      userId,
      azp: options.azp ?? DASHBOARD_ORIGIN,
      ...(options.expiresInSeconds === undefined ? {} : { expiresInSeconds: options.expiresInSeconds }),
      ...(options.organizationId === undefined ? {} : { organizationId: options.organizationId }),
    }),
  });
  return jwt;
}

export async function createDeveloper(): Promise<Developer> {
  const email = `dev.${crypto.randomUUID().slice(0, 12)}@example.com`;
  const user = await clerkJson<{ id: string }>("/v1/users", { method: "POST", body: JSON.stringify({ email_address: [email] }) });
  return { id: user.id, email, token: await mintToken(user.id) };
}

/** A Clerk user's publicMetadata.plan (a developer's, or with "end-user-api" an end-user's). */
export async function clerkPlanOf(userId: string, app: ClerkApp = "dream-api"): Promise<unknown> {
  const user = await clerkJson<{ public_metadata: Record<string, unknown> }>(`/v1/users/${userId}`, { app });
  return user.public_metadata["plan"];
}

/** Writes a Clerk user's publicMetadata.plan directly (tests that must prove a later write came from the worker). */
export async function setClerkPlan(userId: string, plan: string, app: ClerkApp = "dream-api"): Promise<void> {
  await clerkJson(`/v1/users/${userId}/metadata`, { method: "PATCH", app, body: JSON.stringify({ public_metadata: { plan } }) });
}

/** The person's plan at a developer: `plan` in the public metadata of their membership in the tenant's organization (end-user app). */
export async function membershipPlanOf(clerkUserId: string, organizationId: string): Promise<unknown> {
  const { data } = await clerkJson<{ data: { organization: { id: string }; public_metadata: Record<string, unknown> }[] }>(`/v1/users/${clerkUserId}/organization_memberships?limit=100`, {
    app: "end-user-api",
  });
  return data.find((membership) => membership.organization.id === organizationId)?.public_metadata["plan"];
}

/** Writes that plan directly (tests that must prove a later write came from the worker). */
export async function setMembershipPlan(clerkUserId: string, organizationId: string, plan: string): Promise<void> {
  await clerkJson(`/v1/organizations/${organizationId}/memberships/${clerkUserId}/metadata`, { method: "PATCH", app: "end-user-api", body: JSON.stringify({ public_metadata: { plan } }) });
}

/** The organizations (ids) a person of the end-user app is a member of. */
export async function organizationsOf(clerkUserId: string): Promise<string[]> {
  const { data } = await clerkJson<{ data: { organization: { id: string } }[] }>(`/v1/users/${clerkUserId}/organization_memberships?limit=100`, { app: "end-user-api" });
  return data.map((membership) => membership.organization.id);
}
