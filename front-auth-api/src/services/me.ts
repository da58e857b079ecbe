import { getConnectedAccount, type PeriodUsage } from "@dream-api/shared/db";
import type { ServiceContext } from "../context";
import { activeKeys, toKeyView, type KeyView } from "./credentials/view";
import { developerUsage } from "./metering";

export interface MeView {
  developerId: string;
  platformId: string;
  plan: "free" | "paid";
  usage: PeriodUsage;
  credentials: { platformId: string; keys: KeyView[] } | null;
  stripe: { connected: boolean; accountId: string | null; livemode: boolean | null };
  subscription: { status: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: string | null; canceledAt: string | null } | null;
}

/** Everything the dashboard needs about the signed-in developer; secrets only as prefixes. */
export async function describeDeveloper({ ctx }: { ctx: ServiceContext }): Promise<MeView> {
  const { platform } = ctx;
  const [usage, keys, account] = await Promise.all([developerUsage({ ctx }), activeKeys(ctx.env.DB, platform.platformId, ctx.now), getConnectedAccount(ctx.env.DB, platform.platformId)]);
  return {
    developerId: ctx.developerId,
    platformId: platform.platformId,
    plan: platform.plan,
    usage,
    credentials: keys.length > 0 ? { platformId: platform.platformId, keys: keys.map((key) => toKeyView(key)) } : null,
    stripe: { connected: account !== null, accountId: account?.stripeUserId ?? null, livemode: account ? account.livemode : null },
    subscription: platform.subscriptionStatus
      ? {
          status: platform.subscriptionStatus,
          cancelAtPeriodEnd: platform.cancelAtPeriodEnd,
          currentPeriodEnd: platform.planPeriodEnd,
          canceledAt: platform.canceledAt,
        }
      : null,
  };
}
