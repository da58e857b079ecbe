import { ApiError } from "@dream-api/shared";
import { getTenantOrganization, listTiers, updateEndUserPlan } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { emitEvent } from "../../events/emit";
import type { CustomerView } from "./customer-view";
import { customerNotFound, getCustomer } from "./get";
import { setMembershipPlan } from "./memberships";
import { resolvePlan } from "./resolve-plan";

/**
 * Admin override of an end-user's plan. The plan on the person's membership
 * (setMembershipPlan) follows D1: Clerk is updated first; if the D1 write
 * then fails, Clerk is set back, so the two never disagree after an error.
 */
export async function updateCustomerPlan({ ctx, input }: { ctx: ServiceContext; input: { userId: string; plan: string } }): Promise<CustomerView> {
  const db = ctx.env.DB;
  const tier = resolvePlan(await listTiers(db, ctx), input.plan);
  const current = await getCustomer({ ctx, input: { userId: input.userId } });
  if (current.plan === tier.name) return current;

  const clerkUserId = current.clerkUserId;
  const organizationId = clerkUserId ? await getTenantOrganization(db, ctx) : null;
  if (clerkUserId && organizationId) await setMembershipPlan(ctx.env, organizationId, clerkUserId, tier.name);
  let updated: boolean;
  try {
    updated = await updateEndUserPlan(db, { platformId: ctx.platformId, mode: ctx.mode, userId: input.userId, plan: tier.name, now: ctx.now.toISOString() });
  } catch (error) {
    if (clerkUserId && organizationId) await setMembershipPlan(ctx.env, organizationId, clerkUserId, current.plan).catch(() => undefined);
    throw new ApiError("database_error", "The plan could not be saved. Nothing was changed; retry the request.", { cause: error });
  }
  if (!updated) throw customerNotFound(input.userId);
  emitEvent(ctx, "customer.plan_changed", { userId: input.userId, from: current.plan, to: tier.name, cause: "api" }, { userId: input.userId });
  return getCustomer({ ctx, input: { userId: input.userId } });
}
