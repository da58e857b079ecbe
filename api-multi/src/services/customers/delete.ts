import { ApiError } from "@dream-api/shared";
import { deleteCreditGrantsStatement, deleteEndUserStatement, deleteUsageCounterStatements, getEndUserClerkPlan, getLiveSubscription, getTenantOrganization } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { customerNotFound } from "./get";
import { removeMembership } from "./memberships";

/**
 * Deletes a customer of this tenant: their membership in the tenant's
 * organization (Clerk first: if Clerk fails nothing is deleted), then the
 * end-user and its usage counter in D1. The person stays in Clerk with
 * their other memberships — they may be a customer of other developers —
 * and their subscriptions, purchases and events stay on record. A customer
 * with a subscription still running is refused (409): cancel it first, so
 * nobody keeps paying for a customer that no longer exists.
 */
export async function deleteCustomer({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }): Promise<{ userId: string; deleted: true }> {
  const db = ctx.env.DB;
  const user = await getEndUserClerkPlan(db, ctx, input.userId);
  if (!user) throw customerNotFound(input.userId);
  if (await getLiveSubscription(db, ctx, input.userId)) {
    throw new ApiError("conflict", `Customer "${input.userId}" has a subscription that is still running. Cancel it (billing portal or Stripe) before deleting the customer.`, { param: "userId" });
  }
  if (user.clerkUserId) {
    const organizationId = await getTenantOrganization(db, ctx);
    if (organizationId) await removeMembership(ctx.env, organizationId, user.clerkUserId);
  }
  await db.batch([...deleteUsageCounterStatements(db, ctx, input.userId), deleteCreditGrantsStatement(db, ctx, input.userId), deleteEndUserStatement(db, ctx, input.userId)]);
  return { userId: input.userId, deleted: true };
}
