/**
 * A person joins a developer's app on its pricing page: signed in to the
 * shared end-user application (any or no active organization), they become
 * a member of the tenant's organization and a customer there — the one
 * they already are, or a new one on the starting tier. The page then makes
 * that organization active, and the session names this tenant from then on.
 * Joining again changes nothing. What the person is at other developers is
 * neither read nor changed.
 */
import { ApiError, type KeyMode } from "@dream-api/shared";
import { endUserExists, findEndUserOfClerkUser, getEndUserClerkPlan } from "@dream-api/shared/db";
import type { PublicContext, ServiceContext } from "../../context";
import { assertPreviewCapacity, endUserCap, previewLimitReached } from "../preview";
import { publicTenantContext } from "../public-tenant";
import { clerkFailure, endUserClerk, verifyEndUserToken } from "../end-user-clerk";
import { addMembership, removeMembership, tenantOrganization, writeMembershipPlan } from "./memberships";
import { registerEndUser, startingTier } from "./register";

export interface JoinInput {
  platformId: string;
  mode: KeyMode;
  /** The person's session token (end-user-api). */
  token: string;
}

export interface Joined {
  organizationId: string;
  userId: string;
  plan: string;
}

export async function joinPlatform({ ctx: publicCtx, input }: { ctx: PublicContext; input: JoinInput }): Promise<Joined> {
  const claims = await verifyEndUserToken(publicCtx.env, input.token);
  if (!claims) throw new ApiError("invalid_token", "The end-user session token is invalid or expired. Sign in again.");
  const ctx = await publicTenantContext(publicCtx, input.platformId, input.mode);
  const clerkUserId = claims.sub;
  const known = await findEndUserOfClerkUser(ctx.env.DB, ctx, clerkUserId);
  if (!known) {
    if (!(await startingTier(ctx))) throw nothingToJoin();
    await assertPreviewCapacity(ctx);
  }

  const organizationId = await tenantOrganization(ctx.env, ctx, ctx.now);
  const membership = await addMembership(ctx.env, organizationId, clerkUserId);
  if (membership === "no_user") throw new ApiError("invalid_token", "This account no longer exists. Sign up again.");
  const userId = known ?? (await registerSessionUser(ctx, clerkUserId, membership === "added" ? organizationId : null));
  const user = await getEndUserClerkPlan(ctx.env.DB, ctx, userId);
  if (!user) throw new ApiError("internal_error", "The customer was registered but could not be read back.");
  // The plan follows D1 onto the membership (memberships.ts); the next webhook or change repeats it if this fails.
  if (!known) ctx.waitUntil(writeMembershipPlan(ctx.env, organizationId, clerkUserId, user.plan).catch(() => undefined));
  return { organizationId, userId, plan: user.plan };
}

/**
 * Registers the person (userId = their Clerk user id, with their primary
 * email so the developer sees who joined — unless one of the tenant's
 * customers already has it); undoes a membership this call made when that
 * is refused.
 */
async function registerSessionUser(ctx: ServiceContext, clerkUserId: string, addedTo: string | null): Promise<string> {
  const email = await primaryEmailOf(ctx, clerkUserId);
  let registration = await registerEndUser({ ctx, input: { userId: clerkUserId, clerkUserId, email } });
  if (!registration.registered && registration.reason === "conflict" && email !== null && !(await endUserExists(ctx.env.DB, ctx, clerkUserId))) {
    registration = await registerEndUser({ ctx, input: { userId: clerkUserId, clerkUserId, email: null } });
  }
  if (registration.registered) return clerkUserId;
  // A concurrent join registered them first: that row is theirs.
  const raced = await findEndUserOfClerkUser(ctx.env.DB, ctx, clerkUserId);
  if (raced) return raced;
  if (addedTo) ctx.waitUntil(removeMembership(ctx.env, addedTo, clerkUserId).catch(() => undefined));
  const cap = endUserCap(ctx);
  if (registration.reason === "preview_limit_reached" && cap !== null) throw previewLimitReached(cap);
  if (registration.reason === "no_tiers_configured") throw nothingToJoin();
  throw new ApiError("conflict", "This account cannot join: its id is already used by another customer of this app.");
}

async function primaryEmailOf(ctx: ServiceContext, clerkUserId: string): Promise<string | null> {
  const user = await endUserClerk(ctx.env)
    .users.getUser(clerkUserId)
    .catch((error: unknown) => {
      throw clerkFailure("read the end-user", error);
    });
  return user.primaryEmailAddress?.emailAddress.toLowerCase() ?? null;
}

function nothingToJoin(): ApiError {
  return new ApiError("no_tiers_configured", "This app has nothing for sale yet, so there is nothing to join. Try again later.");
}
