/** The request log's test helpers: a platform with keys in both modes, a developer session, and a bounded wait for lines to land. */
import { env } from "cloudflare:test";
import { issueKeyPair, newId } from "@dream-api/shared";
import { insertApiKeyStatement, insertTierStatement } from "@dream-api/shared/db";
import { inject } from "vitest";
import { DEFAULT_TIERS, harnessClock, mintToken, seedPlatform, tier } from "../../harness";

export interface TwoModePlatform {
  platformId: string;
  testKey: string;
  liveKey: string;
}

/** A paid platform with a test key and a live key, and the default tiers in both modes. */
export async function twoModePlatform(): Promise<TwoModePlatform> {
  const platform = await seedPlatform({ mode: "test", plan: "paid" });
  const pair = await issueKeyPair("live");
  const now = harnessClock().toISOString();
  await env.DB.batch([
    insertApiKeyStatement(env.DB, { keyId: newId("apiKey"), platformId: platform.platformId, pair, createdAt: now }),
    ...DEFAULT_TIERS.map((seed, index) => insertTierStatement(env.DB, { platformId: platform.platformId, mode: "live" }, tier(seed, index), now)),
  ]);
  return { platformId: platform.platformId, testKey: platform.secretKey, liveKey: pair.secretKey };
}

/** A dashboard session of the platform's developer (known to the Clerk stand-in). */
export async function developerSession(platformId: string): Promise<string> {
  const created = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("dreamApiClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`dev.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
  });
  const developerId = ((await created.json()) as { id: string }).id;
  await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platformId, developerId).run();
  return mintToken(developerId, { instance: "dream-api" });
}

export interface StoredLine {
  request_id: string;
  platform_id: string;
  mode: string;
  time: string;
  method: string;
  route: string;
  status: number;
  error_code: string | null;
  user_id: string | null;
  latency_ms: number;
  caller: string;
}

/** The stored lines of these request ids, once all have landed (the queue consumer writes them): polls D1, at most `timeoutMs`. */
export async function landedLines(requestIds: string[], timeoutMs = 20_000): Promise<StoredLine[]> {
  const deadline = Date.now() + timeoutMs;
  const placeholders = requestIds.map((_, index) => `?${index + 1}`).join(", ");
  for (;;) {
    const { results } = await env.DB.prepare(`SELECT * FROM request_logs WHERE request_id IN (${placeholders})`)
      .bind(...requestIds)
      .all<StoredLine>();
    if (results.length === requestIds.length) return results;
    if (Date.now() > deadline) throw new Error(`request log: ${results.length} of ${requestIds.length} lines landed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every stored line of a platform. */
export async function platformLines(platformId: string): Promise<StoredLine[]> {
  const { results } = await env.DB.prepare("SELECT * FROM request_logs WHERE platform_id = ?1 ORDER BY time, request_id").bind(platformId).all<StoredLine>();
  return results;
}
