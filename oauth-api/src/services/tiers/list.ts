import type { Tier } from "@dream-api/shared";
import { listTiers } from "@dream-api/shared/db";
import type { TierServiceContext as ServiceContext } from "../../context";

/** Every tier of the developer's platform, archived ones included (flagged): the dashboard's tier list. */
export async function listAllTiers({ ctx }: { ctx: ServiceContext }): Promise<Tier[]> {
  return listTiers(ctx.env.DB, ctx.tenant);
}
