import { ApiError } from "@dream-api/shared";
import { listTiers, updateEndUserPlan } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { clerkFailure, endUserClerk } from "../end-user-clerk";
import type { CustomerView } from "./customer-view";
import { customerNotFound, getCustomer } from "./get";
import { resolvePlan } from "./resolve-plan";

/**
 * Admin override of an end-user's plan. Clerk's publicMetadata.plan follows
 * D1: Clerk is updated first; if the D1 write then fails, Clerk is set back,
 * so the two never disagree after an error.
 */
export async function updateCustomerPlan({ ctx, input }: { ctx: ServiceContext; input: { userId: string; plan: string } }): Promise<CustomerView> {
  const db = ctx.env.DB;
  const tier = resolvePlan(await listTiers(db, ctx), input.plan);
  const current = await getCustomer({ ctx, input: { userId: input.userId } });
  if (current.plan === tier.name) return current;

  const clerk = endUserClerk(ctx.env);
  if (current.clerkUserId) {
    await clerk.users.updateUserMetadata(current.clerkUserId, { publicMetadata: { plan: tier.name } }).catch((error: unknown) => {
      throw clerkFailure("update the end-user's plan", error);
    });
  }
  let updated: boolean;
  try {
    updated = await updateEndUserPlan(db, { platformId: ctx.platformId, mode: ctx.mode, userId: input.userId, plan: tier.name, now: ctx.now.toISOString() });
  } catch (error) {
    if (current.clerkUserId) {
      await clerk.users.updateUserMetadata(current.clerkUserId, { publicMetadata: { plan: current.plan } }).catch(() => undefined);
    }
    throw new ApiError("database_error", "The plan could not be saved. Nothing was changed; retry the request.", { cause: error });
  }
  if (!updated) throw customerNotFound(input.userId);
  return getCustomer({ ctx, input: { userId: input.userId } });
}
