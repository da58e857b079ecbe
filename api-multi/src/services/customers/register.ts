/**
 * Registering an end-user on a platform — the one rule for the three ways a
 * new one arrives: the developer's POST /api/customers (createCustomer), the
 * first track of an unknown userId (trackEndUserUsage, in the batch of its
 * count) and an end-user session's first call (endUserOfSession).
 *
 * A new end-user starts on the platform's lowest tier unless a plan is
 * given. Under a preview key the insert itself checks the cap
 * (PREVIEW_MAX_END_USERS, services/preview.ts), so the cap holds under any
 * concurrency; an existing userId is left as it is.
 */
import { ApiError, lowestTier, type Tier } from "@dream-api/shared";
import { getPlatformTiers } from "@dream-api/shared/caches";
import { endUserExists, findEndUserOfClerkUser, insertEndUserStatement } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { endUserCap, previewLimitReached } from "../preview";

/** Why an end-user was not registered. */
export type NotRegistered = "preview_limit_reached" | "no_tiers_configured" | "conflict";

export type Registration = { registered: true; plan: string } | { registered: false; reason: NotRegistered };

export interface NewEndUserInput {
  userId: string;
  /** The Clerk user (end-user app) it is linked to; null: none yet. */
  clerkUserId: string | null;
  email: string | null;
  /** A tier name. */
  plan: string;
}

/** The tier a new end-user starts on (lowestTier, from the tier cache); null when the platform has no tier to start on. */
export async function startingTier(ctx: ServiceContext): Promise<Tier | null> {
  return lowestTier(await getPlatformTiers(ctx.env, ctx, ctx));
}

/**
 * The insert of a new end-user under this key's preview cap, for a
 * DB.batch (track registers and counts in one). It changes nothing when
 * the userId exists or the cap is reached.
 */
export function registerEndUserStatement(ctx: ServiceContext, user: NewEndUserInput): D1PreparedStatement {
  return insertEndUserStatement(ctx.env.DB, { platformId: ctx.platformId, mode: ctx.mode, ...user, now: ctx.now.toISOString() }, { maxEndUsers: endUserCap(ctx) });
}

/**
 * Registers an end-user on `plan`, or on its starting tier when no plan is
 * given (one statement): registered, or why not — the platform has no tier
 * to start on, the preview cap was reached (no such userId and a cap
 * applies), or the userId is taken (`conflict`).
 */
export async function registerEndUser({ ctx, input }: { ctx: ServiceContext; input: Omit<NewEndUserInput, "plan"> & { plan?: string | undefined } }): Promise<Registration> {
  const plan = input.plan ?? (await startingTier(ctx))?.name;
  if (!plan) return { registered: false, reason: "no_tiers_configured" };
  const result = await registerEndUserStatement(ctx, { ...input, plan }).run();
  if (result.meta.changes === 1) return { registered: true, plan };
  const capped = endUserCap(ctx) !== null && !(await endUserExists(ctx.env.DB, ctx, input.userId));
  return { registered: false, reason: capped ? "preview_limit_reached" : "conflict" };
}

/**
 * The platform's userId of the Clerk user (end-user app) a session names:
 * the end-user linked to it, or the one the developer's backend registered
 * under that id (now linked: findEndUserOfClerkUser). An end-user who
 * signed up through the shared app but was never registered by the
 * developer's backend is registered now (D1 only, lowest tier, userId = the
 * Clerk user id). 409 `no_tiers_configured` without a tier, 403
 * `preview_limit_reached` at the preview cap, 409 `conflict` when that id
 * belongs to a customer linked to another Clerk user.
 */
export async function endUserOfSession({ ctx, input }: { ctx: ServiceContext; input: { clerkUserId: string } }): Promise<string> {
  const db = ctx.env.DB;
  const { clerkUserId } = input;
  const existing = await findEndUserOfClerkUser(db, ctx, clerkUserId);
  if (existing) return existing;
  const tier = await startingTier(ctx);
  if (!tier) throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet.");
  await registerEndUserStatement(ctx, { userId: clerkUserId, clerkUserId, email: null, plan: tier.name }).run();
  const registered = await findEndUserOfClerkUser(db, ctx, clerkUserId);
  if (registered) return registered;
  const cap = endUserCap(ctx);
  if (cap !== null) throw previewLimitReached(cap);
  // The userId is taken by a customer linked to another Clerk user.
  throw new ApiError("conflict", "This account cannot be linked to a customer of this platform: its id is already used by another customer.");
}
