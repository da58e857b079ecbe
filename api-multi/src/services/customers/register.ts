/**
 * Registering an end-user on a platform — the one rule for the three ways a
 * new one arrives: the developer's POST /api/customers (createCustomer), the
 * first track of an unknown userId (trackEndUserUsage, in the batch of its
 * count) and a person joining on the developer's pricing page (join.ts).
 *
 * A new end-user starts on the platform's lowest tier unless a plan is
 * given. Under a preview key the insert itself checks the cap
 * (PREVIEW_MAX_END_USERS, services/preview.ts), so the cap holds under any
 * concurrency; an existing userId is left as it is.
 */
import { lowestTier, type Tier } from "@dream-api/shared";
import { getPlatformTiers } from "@dream-api/shared/caches";
import { endUserExists, insertEndUserStatement } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { emitEvent } from "../../events/emit";
import { endUserCap } from "../preview";

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
  if (result.meta.changes === 1) {
    noteCustomerCreated(ctx, { userId: input.userId, email: input.email, plan });
    return { registered: true, plan };
  }
  const capped = endUserCap(ctx) !== null && !(await endUserExists(ctx.env.DB, ctx, input.userId));
  return { registered: false, reason: capped ? "preview_limit_reached" : "conflict" };
}

/** After a registration is durable: customer.created to the developer's endpoints. */
export function noteCustomerCreated(ctx: ServiceContext, user: { userId: string; email: string | null; plan: string }): void {
  emitEvent(ctx, "customer.created", user, { userId: user.userId });
}
