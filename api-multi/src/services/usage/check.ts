import { ApiError } from "@dream-api/shared";
import { getEndUserWithUsage, type Usage } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";

/** Reads an end-user's usage this period without consuming any. */
export async function checkEndUserUsage({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }): Promise<Usage> {
  const user = await getEndUserWithUsage(ctx.env.DB, ctx.platformId, input.userId, ctx.now);
  if (!user) throw new ApiError("customer_not_found", `No customer with userId "${input.userId}".`, { param: "userId" });
  return user.usage;
}
