import type { CreditGrant } from "@dream-api/shared/db";

/** A grant as the API shows it: with whether it has expired at the request's clock. */
export interface CreditGrantView extends CreditGrant {
  expired: boolean;
}

export function creditGrantView(grant: CreditGrant, now: Date): CreditGrantView {
  return { ...grant, expired: grant.expiresAt !== null && grant.expiresAt <= now.toISOString() };
}
