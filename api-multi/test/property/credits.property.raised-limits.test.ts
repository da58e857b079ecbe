/**
 * Credits against a sequential model (rate limits raised for this project).
 * Random sequences of concurrent tracks (all of one amount, so how many fit
 * does not depend on their order), admin grants with and without expiry,
 * deductions, credit-pack purchases and clock moves across period ends and
 * expiries run against api-multi; after every step the answers and the
 * stored state equal what a simple sequential model of the same operations
 * says: the admitted total never exceeds allowance plus credits, a balance
 * never goes negative, expired credits are never spent.
 */
import { env } from "cloudflare:test";
import { calendarMonthPeriod } from "@dream-api/shared";
import { purchaseCreditGrantStatement } from "@dream-api/shared/db";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { client, seedPlatform } from "../harness";

type Op =
  | { kind: "tracks"; amount: number; concurrent: number }
  | { kind: "grant"; amount: number; expiresInHours: number | null }
  | { kind: "deduct"; amount: number }
  | { kind: "purchase" }
  | { kind: "advance"; hours: number };

const PACK = { credits: 25, validityDays: 10 };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("tracks" as const), amount: fc.integer({ min: 1, max: 12 }), concurrent: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("grant" as const), amount: fc.integer({ min: 1, max: 40 }), expiresInHours: fc.option(fc.integer({ min: 1, max: 24 * 40 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deduct" as const), amount: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "purchase" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }) },
);

interface ModelGrant {
  amount: number;
  remaining: number;
  expiresAt: string | null;
}

/** The sequential model: the period's allowance first, then unexpired grants, expiring first (never-expiring last, then oldest). */
class Model {
  count = 0;
  creditCount = 0;
  period = "";
  readonly grants: ModelGrant[] = [];
  constructor(readonly limit: number) {}

  private roll(now: Date) {
    const period = calendarMonthPeriod(now).start;
    if (period !== this.period) {
      this.period = period;
      this.count = 0;
      this.creditCount = 0;
    }
  }

  private live(now: Date): ModelGrant[] {
    const at = now.toISOString();
    return this.grants
      .filter((grant) => grant.amount > 0 && grant.remaining > 0 && (grant.expiresAt === null || grant.expiresAt > at))
      .sort((a, b) => Number(a.expiresAt === null) - Number(b.expiresAt === null) || (a.expiresAt ?? "").localeCompare(b.expiresAt ?? "") || this.grants.indexOf(a) - this.grants.indexOf(b));
  }

  balance(now: Date): number {
    return this.live(now).reduce((sum, grant) => sum + grant.remaining, 0);
  }

  private spend(now: Date, amount: number) {
    let left = amount;
    for (const grant of this.live(now)) {
      const take = Math.min(grant.remaining, left);
      grant.remaining -= take;
      left -= take;
    }
  }

  track(now: Date, amount: number): boolean {
    this.roll(now);
    const allowanceLeft = Math.max(0, this.limit - (this.count - this.creditCount));
    const fromCredits = Math.max(0, amount - allowanceLeft);
    if (fromCredits > this.balance(now)) return false;
    this.spend(now, fromCredits);
    this.count += amount;
    this.creditCount += fromCredits;
    return true;
  }

  grant(amount: number, expiresAt: string | null) {
    this.grants.push({ amount, remaining: amount, expiresAt });
  }

  deduct(now: Date, amount: number): boolean {
    if (amount > this.balance(now)) return false;
    this.spend(now, amount);
    this.grants.push({ amount: -amount, remaining: 0, expiresAt: null });
    return true;
  }

  usage(now: Date) {
    this.roll(now);
    const credits = this.balance(now);
    return { count: this.count, credits, remaining: Math.max(0, this.limit - (this.count - this.creditCount)) + credits };
  }
}

async function runSequence(limit: number, ops: Op[]) {
  let clock = new Date("2026-11-20T08:00:00.000Z");
  const api = client(() => clock);
  const platform = await seedPlatform({
    tiers: [
      { name: "free", limit },
      { name: "pack", kind: "one_off", price: 500, credits: PACK.credits, creditValidityDays: PACK.validityDays },
    ],
  });
  const key = platform.secretKey;
  const created = await api("POST", "/api/customers", { key, body: { userId: "u", email: `u.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
  const model = new Model(limit);
  let purchases = 0;

  for (const step of ops) {
    // Every step at its own instant, so grants made by different steps never tie on their creation time.
    clock = new Date(clock.getTime() + 1000);
    switch (step.kind) {
      case "tracks": {
        const results = await Promise.all(Array.from({ length: step.concurrent }, () => api("POST", "/api/usage/track", { key, body: { userId: "u", amount: step.amount } })));
        expect(results.filter((result) => result.status !== 200 && result.status !== 403).map((result) => result.body)).toEqual([]);
        let admitted = 0;
        for (let i = 0; i < step.concurrent; i++) if (model.track(clock, step.amount)) admitted++;
        expect(results.filter((result) => result.status === 200).length, JSON.stringify(step)).toBe(admitted);
        break;
      }
      case "grant": {
        const expiresAt = step.expiresInHours === null ? null : new Date(clock.getTime() + step.expiresInHours * 3_600_000).toISOString();
        const result = await api("POST", "/api/customers/u/credits", { key, body: { amount: step.amount, reason: "property", ...(expiresAt ? { expiresAt } : {}) } });
        expect(result.status).toBe(201);
        model.grant(step.amount, expiresAt);
        break;
      }
      case "deduct": {
        const result = await api("POST", "/api/customers/u/credits", { key, body: { amount: -step.amount, reason: "property" } });
        expect(result.status).toBe(model.deduct(clock, step.amount) ? 201 : 409);
        break;
      }
      case "purchase": {
        // The grant a paid checkout of the pack makes (the webhook's statement, with a checkout session of our own).
        purchases++;
        await env.DB.batch([purchaseCreditGrantStatement(env.DB, platform, { userId: "u", tier: "pack", checkoutSessionId: `cs_property_${purchases}`, now: clock.toISOString() })]);
        model.grant(PACK.credits, new Date(clock.getTime() + PACK.validityDays * 86_400_000).toISOString());
        break;
      }
      case "advance":
        clock = new Date(clock.getTime() + step.hours * 3_600_000);
        break;
    }
    const usage = await api("GET", "/api/usage?userId=u", { key });
    expect(usage.status).toBe(200);
    expect(usage.body.usage, JSON.stringify(step)).toMatchObject(model.usage(clock));
    const stored = await env.DB.prepare("SELECT amount, remaining, expires_at FROM credit_grants WHERE platform_id = ?1 AND user_id = 'u' ORDER BY created_at, grant_id")
      .bind(platform.platformId)
      .all<{ amount: number; remaining: number; expires_at: string | null }>();
    expect(stored.results.map((row) => ({ amount: row.amount, remaining: row.remaining, expiresAt: row.expires_at }))).toEqual(model.grants);
    expect(stored.results.every((row) => row.remaining >= 0)).toBe(true);
  }
}

describe("credits against a sequential model", () => {
  it("tracks, grants, deductions, purchases and clock moves leave the state the model predicts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.array(op, { minLength: 1, maxLength: 14 }), async (limit, ops) => {
        await runSequence(limit, ops);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
