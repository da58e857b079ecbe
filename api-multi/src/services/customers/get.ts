import { ApiError } from "@dream-api/shared";
import { getEndUserWithUsage, getLatestSubscription } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { toCustomerView, type CustomerView } from "./customer-view";

export function customerNotFound(userId: string): ApiError {
  return new ApiError("customer_not_found", `No customer with userId "${userId}".`, { param: "userId" });
}

/** One customer of the authenticated platform, with usage and subscription. Another tenant's id is simply not found. */
export async function getCustomer({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }): Promise<CustomerView> {
  const [user, subscription] = await Promise.all([getEndUserWithUsage(ctx.env.DB, ctx, input.userId, ctx.now), getLatestSubscription(ctx.env.DB, ctx, input.userId)]);
  if (!user) throw customerNotFound(input.userId);
  return toCustomerView(user, subscription);
}
