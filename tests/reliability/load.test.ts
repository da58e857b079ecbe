/**
 * Mixed load against the stack `pnpm dev` starts (rate limits raised):
 * tracks, usage checks, customer lists, checkouts and real webhooks (some
 * checkouts are paid on the hosted page while the load runs, so the Stripe
 * stand-in delivers signed events concurrently) for LOAD_SECONDS (60) at a
 * steady rate. Nothing may answer 5xx, and no usage may be lost or counted
 * twice: per end-user, the amounts of admitted tracks equal the stored count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS, matchOutput, newStateDir, removeStateDir, startStack, stopStack, type RunningStack } from "../support/dev-stack";

const SECONDS = Number(process.env["LOAD_SECONDS"] ?? 60);
/**
 * Requests per second. This mix through `pnpm dev`'s stack (one workerd for
 * three workers, the Stripe and Clerk stand-ins, checkouts paid and webhooks
 * delivered during the load) is what the 2-core build machines sustain with
 * 16 concurrent callers: asked for 400/s over 60 s it delivered 299/s
 * (asked for 1,000/s over 20 s, 497/s), with no 5xx either way. `pnpm bench`
 * measures the lean track path alone (~1,450/s, bench/RESULTS.md).
 */
const RATE = Number(process.env["LOAD_RATE"] ?? 300);
const WORKERS = 16;
const USERS = Array.from({ length: 200 }, (_, index) => `load-user-${index}`);

let stack: RunningStack;
let secretKey = "";
const stateDir = newStateDir();

beforeAll(async () => {
  stack = await startStack(stateDir, { DREAM_RAISE_RATE_LIMITS: "1" });
  secretKey = matchOutput(stack.output(), /secret key\s+(sk_test_[0-9A-Za-z]+)/);
}, 240_000);

afterAll(async () => {
  if (stack) await stopStack(stack);
  removeStateDir(stateDir);
});

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

async function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${URLS.apiMulti}${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

describe("mixed load", () => {
  it(`runs ${SECONDS}s of tracks, checks, customers, checkouts and webhooks with no 5xx and exact counts`, async () => {
    const admitted = new Map<string, number>();
    const statuses = new Map<number, number>();
    const paidSessions: string[] = [];
    const note = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const deadline = Date.now() + SECONDS * 1000;
    let issued = 0;
    const started = Date.now();

    const one = async () => {
      const roll = Math.random();
      if (roll < 0.7) {
        const userId = pick(USERS);
        const amount = 1 + Math.floor(Math.random() * 3);
        const res = await api("/api/usage/track", { method: "POST", body: { userId, amount } });
        note(res.status);
        if (res.status === 200) admitted.set(userId, (admitted.get(userId) ?? 0) + amount);
      } else if (roll < 0.85) {
        note((await api("/api/usage", { headers: { "X-User-Id": pick(USERS) } })).status);
      } else if (roll < 0.93) {
        note((await api(`/api/customers?limit=20&q=load-user-${Math.floor(Math.random() * 20)}`)).status);
      } else {
        const userId = pick(USERS);
        const res = await api("/api/checkout", { method: "POST", body: { userId, tier: "pro" } });
        note(res.status);
        // Pay one checkout in four, so the stand-in delivers real signed webhooks during the load.
        if (res.status === 201 && Math.random() < 0.25) {
          const paid = await fetch(res.body.url, {
            method: "POST",
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ email: `${userId}@example.com`, card_number: "4242 4242 4242 4242" }),
          });
          if (paid.status === 303) paidSessions.push(res.body.id);
        }
      }
    };

    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (Date.now() < deadline) {
          // Steady rate: each request waits for its slot.
          const slot = started + (issued++ / RATE) * 1000;
          const wait = slot - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (Date.now() >= deadline) break;
          await one();
        }
      }),
    );

    const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    const serverErrors = [...statuses.entries()].filter(([status]) => status >= 500);
    console.log(`load: ${total} requests in ${SECONDS}s (${Math.round(total / SECONDS)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${paidSessions.length} checkouts paid`);
    expect(serverErrors).toEqual([]);
    expect(total).toBeGreaterThan(SECONDS * RATE * 0.5);
    expect(paidSessions.length).toBeGreaterThan(0);

    // Let the last webhooks land, then compare every user's stored count with what was admitted.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const userId of USERS) {
      const stored = await api("/api/usage", { headers: { "X-User-Id": userId } });
      const expected = admitted.get(userId) ?? 0;
      if (stored.status === 404) expect(expected, userId).toBe(0);
      else expect(stored.body.usage.count, userId).toBe(expected);
    }
    const dashboard = await api("/api/dashboard");
    expect(dashboard.body.totals.activeSubscriptions).toBeGreaterThan(0);
  }, 600_000);
});
