import type { User } from "@clerk/backend";
import { ApiError, clerkErrorInfo, lowestTier } from "@dream-api/shared";
import { endUserEmailTaken, endUserExists, getEndUserWithUsage, isClerkUserLinked, listTiers } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { clerkFailure, endUserClerk } from "../end-user-clerk";
import { assertPreviewCapacity, endUserCap, previewLimitReached } from "../preview";
import { toCustomerView, type CustomerView } from "./customer-view";
import { addMembership, removeMembership, setMembershipPlan, tenantOrganization } from "./memberships";
import { registerEndUser } from "./register";
import { resolvePlan } from "./resolve-plan";

export interface CreateCustomerInput {
  userId?: string | undefined;
  email: string;
  plan?: string | undefined;
}

/**
 * Creates a customer: the person (a Clerk user of the shared end-user app,
 * found by email or created), their membership in this tenant's
 * organization, and the end-user in D1 — Clerk first, D1 second; if D1
 * refuses, what this call added in Clerk is taken back, so no half-created
 * customer is left.
 *
 * A person may be a customer of any number of developers, so an email is
 * unique per platform and mode only: 409 `email_in_use` means a customer of
 * *this* tenant has it. Whether the person exists in Clerk already (signed
 * up at another developer, say) changes neither the answer nor the calls
 * made — a lookup, then a create or a read, then the membership — so
 * neither the response nor its timing tells one developer about another's
 * customers. The person's Clerk metadata is not touched: it is theirs
 * across every developer.
 */
export async function createCustomer({ ctx, input }: { ctx: ServiceContext; input: CreateCustomerInput }): Promise<CustomerView> {
  const db = ctx.env.DB;
  const email = input.email.toLowerCase();
  const tiers = await listTiers(db, ctx);
  const plan = input.plan ? resolvePlan(tiers, input.plan).name : lowestTier(tiers)?.name;
  if (!plan) {
    throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet. Create a tier before adding customers.");
  }
  if (input.userId && (await endUserExists(db, ctx, input.userId))) throw customerExistsError(input.userId);
  if (await endUserEmailTaken(db, ctx, email)) throw emailInUseError(email);
  await assertPreviewCapacity(ctx);

  const { user, created } = await findOrCreatePerson(ctx, email);
  if (!created && (await isClerkUserLinked(db, ctx, user.id))) throw emailInUseError(email);
  const userId = input.userId ?? user.id;
  /** The organization this call made the known person a member of, if it did. */
  let addedTo: string | null = null;
  try {
    const organizationId = await tenantOrganization(ctx.env, ctx, ctx.now);
    const membership = await addMembership(ctx.env, organizationId, user.id);
    if (membership === "no_user") throw new ApiError("clerk_error", "The end-user was deleted in Clerk while being added. Nothing was changed; retry the request.");
    if (membership === "added") addedTo = organizationId;
    await setMembershipPlan(ctx.env, organizationId, user.id, plan);
    const registration = await registerEndUser({ ctx, input: { userId, clerkUserId: user.id, email, plan } });
    if (!registration.registered) {
      const cap = endUserCap(ctx);
      if (registration.reason === "preview_limit_reached" && cap !== null) throw previewLimitReached(cap);
      if (await endUserExists(db, ctx, userId)) throw customerExistsError(userId);
      throw emailInUseError(email);
    }
  } catch (error) {
    // Take back what this call added in Clerk: the new person, or the membership of a known one.
    if (created) ctx.waitUntil(deleteClerkUserQuietly(ctx, user.id));
    else if (addedTo) ctx.waitUntil(removeMembershipQuietly(ctx, addedTo, user.id));
    throw error;
  }
  const stored = await getEndUserWithUsage(db, ctx, userId, ctx.now);
  if (!stored) throw new ApiError("internal_error", "The customer was created but could not be read back.");
  return toCustomerView(stored, null);
}

function customerExistsError(userId: string): ApiError {
  return new ApiError("customer_exists", `A customer with userId "${userId}" already exists.`, { param: "userId" });
}

function emailInUseError(email: string): ApiError {
  return new ApiError("email_in_use", `${email} is already one of your customers.`, { param: "email" });
}

/** The Clerk user with this email, or a new one (no password: they sign in with an email code). Same three kinds of call either way. */
async function findOrCreatePerson(ctx: ServiceContext, email: string): Promise<{ user: User; created: boolean }> {
  const clerk = endUserClerk(ctx.env);
  const found = await clerk.users.getUserList({ emailAddress: [email], limit: 1 }).catch((error: unknown) => {
    throw clerkFailure("look up the end-user", error);
  });
  const existing = found.data[0];
  if (existing) {
    // Read back like a create would answer, so both paths cost the same round trips.
    const user = await clerk.users.getUser(existing.id).catch((error: unknown) => {
      throw clerkFailure("look up the end-user", error);
    });
    return { user, created: false };
  }
  try {
    return { user: await clerk.users.createUser({ emailAddress: [email], skipPasswordRequirement: true }), created: true };
  } catch (error) {
    const { status, codes } = clerkErrorInfo(error);
    if (status !== 422 || !codes.includes("form_identifier_exists")) throw clerkFailure("create the end-user", error);
  }
  // Created concurrently (another developer's create, or a sign-up) between the lookup and the create.
  const raced = await clerk.users.getUserList({ emailAddress: [email], limit: 1 }).catch((error: unknown) => {
    throw clerkFailure("look up the end-user", error);
  });
  const user = raced.data[0];
  if (!user) throw clerkFailure("create the end-user", new Error("email taken but not found"));
  return { user, created: false };
}

async function removeMembershipQuietly(ctx: ServiceContext, organizationId: string, clerkUserId: string): Promise<void> {
  try {
    await removeMembership(ctx.env, organizationId, clerkUserId);
  } catch (error) {
    // Clerk's status and codes, not the message (it may quote the end-user's email).
    console.error("compensation: could not remove the membership after a failed D1 insert", clerkErrorInfo(error));
  }
}

async function deleteClerkUserQuietly(ctx: ServiceContext, clerkUserId: string): Promise<void> {
  try {
    await endUserClerk(ctx.env).users.deleteUser(clerkUserId);
  } catch (error) {
    console.error("compensation: could not delete Clerk user after a failed D1 insert", clerkErrorInfo(error));
  }
}
