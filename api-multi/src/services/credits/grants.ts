/**
 * An end-user's credits: the balance with its grants and deductions, and
 * the admin movements (POST /api/customers/:userId/credits, the dashboard's
 * Grant credits). A deduction never takes the balance below zero: it is
 * refused whole (409 insufficient_credits). With an Idempotency-Key a
 * movement happens once; the same key with another request is refused.
 */
import { ApiError, sha256Hex } from "@dream-api/shared";
import { creditBalance, creditMovementByKey, creditMovementStatements, getCreditGrant, listCreditGrants } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { customerNotFound } from "../customers/get";
import { decodePageCursor, encodePageCursor } from "../page-cursor";
import { noteCreditsGranted } from "./events";
import { creditGrantView, type CreditGrantView } from "./view";

export async function listCredits({ ctx, input }: { ctx: ServiceContext; input: { userId: string; limit: number; cursor?: string | undefined } }) {
  const after = input.cursor === undefined ? undefined : decodePageCursor(input.cursor);
  const page = await listCreditGrants(ctx.env.DB, ctx, input.userId, {
    now: ctx.now.toISOString(),
    limit: input.limit,
    after: after && { createdAt: after[0], grantId: after[1] },
  });
  if (!page) throw customerNotFound(input.userId);
  return {
    userId: input.userId,
    balance: page.balance,
    grants: page.grants.map((grant) => creditGrantView(grant, ctx.now)),
    hasMore: page.next !== null,
    nextCursor: page.next && encodePageCursor([page.next.createdAt, page.next.grantId]),
  };
}

export interface CreditMovementRequest {
  userId: string;
  amount: number;
  reason: string;
  expiresAt: string | null;
  source: "api" | "dashboard";
  idempotencyKey: string | null;
}

export interface CreditMovementResult {
  userId: string;
  grant: CreditGrantView;
  balance: number;
  /** The stored result of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export async function moveCredits({ ctx, input }: { ctx: ServiceContext; input: CreditMovementRequest }): Promise<CreditMovementResult> {
  const db = ctx.env.DB;
  const now = ctx.now.toISOString();
  if (input.amount < 0 && input.expiresAt !== null) {
    throw new ApiError("invalid_request", "expiresAt applies to a grant; a deduction (negative amount) takes from the credits that expire first.", { param: "expiresAt" });
  }
  if (input.expiresAt !== null && input.expiresAt <= now) throw new ApiError("invalid_request", "expiresAt must be in the future.", { param: "expiresAt" });
  const requestHash = input.idempotencyKey === null ? null : await sha256Hex(JSON.stringify([input.userId, input.amount, input.reason, input.expiresAt]));
  if (input.idempotencyKey !== null) {
    const earlier = await replayOf(ctx, input.idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  const { statements, grantId } = creditMovementStatements(db, ctx, {
    userId: input.userId,
    source: input.source,
    amount: input.amount,
    expiresAt: input.expiresAt,
    reason: input.reason,
    idempotencyKey: input.idempotencyKey,
    requestHash,
    now,
  });
  const [inserted] = await db.batch(statements);
  if (inserted?.meta.changes !== 1) {
    // Not written: a concurrent request took the key, the end-user is unknown, or the balance does not cover a deduction.
    if (input.idempotencyKey !== null) {
      const earlier = await replayOf(ctx, input.idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    const balance = await creditBalance(db, ctx, input.userId, now);
    if (balance === null) throw customerNotFound(input.userId);
    throw new ApiError("insufficient_credits", `Customer "${input.userId}" has ${balance} credit${balance === 1 ? "" : "s"}; a deduction of ${-input.amount} would take the balance below zero.`, {
      param: "amount",
      extra: { balance },
    });
  }
  const [grant, balance] = await Promise.all([getCreditGrant(db, ctx, grantId), creditBalance(db, ctx, input.userId, now)]);
  if (!grant || balance === null) throw new ApiError("internal_error", "The credit movement was saved but could not be read back.");
  if (grant.amount > 0) noteCreditsGranted(ctx, input.userId, grant, balance);
  return { userId: input.userId, grant: creditGrantView(grant, ctx.now), balance, replayed: false };
}

async function replayOf(ctx: ServiceContext, key: string, requestHash: string | null): Promise<CreditMovementResult | null> {
  const earlier = await creditMovementByKey(ctx.env.DB, ctx, key);
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request.", { param: "Idempotency-Key" });
  }
  const balance = (await creditBalance(ctx.env.DB, ctx, earlier.userId, ctx.now.toISOString())) ?? 0;
  const { userId, requestHash: _hash, ...grant } = earlier;
  return { userId, grant: creditGrantView(grant, ctx.now), balance, replayed: true };
}
