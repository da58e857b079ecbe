/**
 * Credit events, emitted after the write that caused them: credits.granted
 * for each grant, credits.exhausted for the track that spent the last
 * credit (decided from that track's own counting result, like usage alerts,
 * so no read is added and it fires once).
 */
import type { CountedUsage, CreditGrant } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { emitEvent, type EventContext } from "../../events/emit";
import { creditGrantView } from "./view";

export function noteCreditsGranted(ctx: EventContext, userId: string, grant: CreditGrant, balance: number): void {
  emitEvent(ctx, "credits.granted", { userId, grant: creditGrantView(grant, ctx.now), balance }, { userId, onceKey: [userId, grant.id, "granted"] });
}

/** After a track that spent credits: credits.exhausted when it spent the last. */
export function noteCreditsSpent(ctx: ServiceContext, userId: string, usage: CountedUsage, requestId: string): void {
  if (usage.creditsSpent === 0 || usage.credits > 0) return;
  const { creditsSpent: _spent, ...rest } = usage;
  emitEvent(ctx, "credits.exhausted", { userId, usage: rest }, { userId, onceKey: [userId, requestId, "exhausted"] });
}
