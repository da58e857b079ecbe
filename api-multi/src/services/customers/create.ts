import type { User } from "@clerk/backend";
import { ApiError, clerkErrorInfo, lowestTier } from "@dream-api/shared";
import { endUserExists, findApiKeyByPublishableKey, getEndUserWithUsage, isClerkUserLinked, listTiers } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { clerkFailure, endUserClerk } from "../end-user-clerk";
import { assertPreviewCapacity, endUserCap, previewLimitReached } from "../preview";
import { toCustomerView, type CustomerView } from "./customer-view";
import { registerEndUser } from "./register";
import { resolvePlan } from "./resolve-plan";

export interface CreateCustomerInput {
  userId?: string | undefined;
  email: string;
  plan?: string | undefined;
}

/**
 * Creates an end-user in the shared Clerk app (publicMetadata
 * {publishableKey, plan}) and in D1. Clerk first, D1 second; if D1 fails the
 * Clerk user we just made is deleted again, so no half-created customer is
 * left. An email already in Clerk is reused when it belongs to this platform
 * (e.g. the end-user signed up through the developer's app, or an earlier
 * attempt failed after Clerk), and refused when it belongs to another.
 */
export async function createCustomer({ ctx, input }: { ctx: ServiceContext; input: CreateCustomerInput }): Promise<CustomerView> {
  const db = ctx.env.DB;
  const email = input.email.toLowerCase();
  const tiers = await listTiers(db, ctx);
  const plan = input.plan ? resolvePlan(tiers, input.plan).name : lowestTier(tiers)?.name;
  if (!plan) {
    throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet. Create a tier before adding customers.");
  }
  if (input.userId && (await endUserExists(db, ctx, input.userId))) {
    throw customerExistsError(input.userId);
  }
  await assertPreviewCapacity(ctx);

  const { user, created } = await findOrCreateClerkUser(ctx, email, plan);
  const userId = input.userId ?? user.id;
  try {
    const registration = await registerEndUser({ ctx, input: { userId, clerkUserId: user.id, email, plan } });
    if (!registration.registered) {
      const cap = endUserCap(ctx);
      if (registration.reason === "preview_limit_reached" && cap !== null) throw previewLimitReached(cap);
      throw customerExistsError(userId);
    }
  } catch (error) {
    if (created) ctx.waitUntil(deleteClerkUserQuietly(ctx, user.id));
    throw error;
  }
  const stored = await getEndUserWithUsage(db, ctx, userId, ctx.now);
  if (!stored) throw new ApiError("internal_error", "The customer was created but could not be read back.");
  return toCustomerView(stored, null);
}

function customerExistsError(userId: string): ApiError {
  return new ApiError("customer_exists", `A customer with userId "${userId}" already exists.`, { param: "userId" });
}

async function findOrCreateClerkUser(ctx: ServiceContext, email: string, plan: string): Promise<{ user: User; created: boolean }> {
  const clerk = endUserClerk(ctx.env);
  try {
    const user = await clerk.users.createUser({
      emailAddress: [email],
      publicMetadata: { publishableKey: ctx.publishableKey, plan },
      skipPasswordRequirement: true,
    });
    return { user, created: true };
  } catch (error) {
    const { status, codes } = clerkErrorInfo(error);
    if (status !== 422 || !codes.includes("form_identifier_exists")) throw clerkFailure("create the end-user", error);
  }
  const existing = await clerk.users.getUserList({ emailAddress: [email], limit: 1 }).catch((error: unknown) => {
    throw clerkFailure("look up the end-user", error);
  });
  const user = existing.data[0];
  if (!user || !(await belongsToPlatform(ctx, user)) || (await isClerkUserLinked(ctx.env.DB, ctx, user.id))) {
    throw new ApiError("email_in_use", `${email} is already registered as an end-user.`, { param: "email" });
  }
  const updated = await clerk.users.updateUserMetadata(user.id, { publicMetadata: { publishableKey: ctx.publishableKey, plan } }).catch((error: unknown) => {
    throw clerkFailure("update the end-user", error);
  });
  return { user: updated, created: false };
}

/** An existing Clerk user is ours when its publishableKey (current or rotated) is one of this platform's. */
async function belongsToPlatform(ctx: ServiceContext, user: User): Promise<boolean> {
  const key = user.publicMetadata["publishableKey"];
  if (typeof key !== "string") return false;
  if (key === ctx.publishableKey) return true;
  const record = await findApiKeyByPublishableKey(ctx.env.DB, key);
  return record?.platformId === ctx.platformId;
}

async function deleteClerkUserQuietly(ctx: ServiceContext, clerkUserId: string): Promise<void> {
  try {
    await endUserClerk(ctx.env).users.deleteUser(clerkUserId);
  } catch (error) {
    console.error("compensation: could not delete Clerk user after a failed D1 insert", clerkErrorInfo(error));
  }
}
