/** The example against the real api-multi: metered until the free limit (5), then 402 with a Checkout link. */
import { DreamApi } from "@dream-api/client";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import "../../../sdk/test/support/provided-context.js";
import { createApp } from "../src/app.js";

const dream = new DreamApi({ baseUrl: inject("sdkApiUrl"), secretKey: inject("sdkSecretKey") });
const app = createApp({ dream, upgradeTier: "pro", pricingUrl: "https://app.example.com/pricing", appUrl: "https://app.example.com" });

const generate = (userId?: string) => app.request("/api/generate", { method: "POST", headers: userId ? { "X-User-Id": userId } : {} });

describe("hono-backend example", () => {
  it("serves the metered route until the limit, then answers 402 with an upgrade link", async () => {
    const userId = `example-${Date.now().toString(36)}-${process.pid}`;
    for (let call = 1; call <= 5; call++) {
      const response = await generate(userId);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ usage: { used: call, limit: 5, remaining: 5 - call } });
    }
    const refused = await generate(userId);
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: string; upgradeUrl: string; usage: { count: number } };
    expect(body.error).toBe("usage_limit_exceeded");
    expect(body.usage.count).toBe(5);
    expect(body.upgradeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/cs_/);

    const usage = await app.request("/api/usage", { headers: { "X-User-Id": userId } });
    expect(await usage.json()).toMatchObject({ count: 5, remaining: 0, plan: "free" });
  });

  it("asks for a user", async () => {
    expect((await generate()).status).toBe(401);
  });
});
