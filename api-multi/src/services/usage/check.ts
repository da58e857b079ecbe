import { ApiError } from "@dream-api/shared";
import { readUsage, type Usage } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";

/** Reads an end-user's usage this period without consuming any: one D1 statement. */
export async function checkEndUserUsage({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }): Promise<Usage> {
  const usage = await readUsage(ctx.env.DB, ctx, input.userId, ctx.now);
  if (!usage) throw new ApiError("customer_not_found", `No customer with userId "${input.userId}".`, { param: "userId" });
  const { planExists: _planExists, ...rest } = usage;
  return rest;
}
