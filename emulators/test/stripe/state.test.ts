import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { PLATFORM_SECRET, connectedAccount, paidSubscription, postForm, startEmulator, startReceiver } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("stateFile", () => {
  it("keeps objects, accounts, tokens and idempotency keys across runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-emulator-"));
    dirs.push(dir);
    const stateFile = join(dir, "nested", "state.json");

    const first = await startEmulator({ stateFile });
    const shop = await connectedAccount(first.baseUrl, "Persisted Shop");
    const { subscription, customer } = await paidSubscription(first, { stripeAccount: shop });
    const created = await first.stripe.customers.create({ email: "keep@example.com" }, { idempotencyKey: "persist-1" });
    const approve = await postForm(`${first.baseUrl}/oauth/authorize`, {
      client_id: "ca_local_dreamapi",
      redirect_uri: "https://example.com/cb",
      decision: "approve",
      account: shop,
    });
    const code = new URL(String(approve.headers.get("location"))).searchParams.get("code");
    const token = await first.stripe.oauth.token({ grant_type: "authorization_code", code: String(code) });
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1 });

    const second = await startEmulator({ stateFile });
    try {
      const restored = await second.stripe.subscriptions.retrieve(subscription.id, {}, { stripeAccount: shop });
      expect(restored).toMatchObject({ id: subscription.id, customer, status: "active" });
      const replay = await second.stripe.customers.create({ email: "keep@example.com" }, { idempotencyKey: "persist-1" });
      expect(replay.id).toBe(created.id);
      expect((await second.stripe.customers.list()).data).toHaveLength(1);
      const reused = await second.stripe.oauth.token({ grant_type: "authorization_code", code: String(code) }).catch((e: unknown) => e);
      expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
      const withToken = new Stripe(String(token.access_token), {
        host: "127.0.0.1",
        port: second.port,
        protocol: "http",
        httpClient: Stripe.createFetchHttpClient(),
      });
      expect((await withToken.subscriptions.list()).data.map((s) => s.id)).toEqual([subscription.id]);

      // A change in the second run is saved too.
      await second.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }, { stripeAccount: shop });
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as {
        accounts: Record<string, { data: { subscriptions: Record<string, { cancel_at_period_end: boolean }> } }>;
      };
      expect(saved.accounts[shop]?.data.subscriptions[subscription.id]?.cancel_at_period_end).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("drops the subscription-level period a state file from before API 2025-03-31 carries; the items keep theirs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-emulator-"));
    dirs.push(dir);
    const stateFile = join(dir, "state.json");
    const first = await startEmulator({ stateFile });
    const { subscription } = await paidSubscription(first);
    await first.close();
    type Saved = { accounts: Record<string, { data: { subscriptions: Record<string, Record<string, unknown>> } }> };
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as Saved;
    const stored = saved.accounts.acct_platform_local?.data.subscriptions[subscription.id];
    if (!stored) throw new Error("subscription not saved");
    Object.assign(stored, { current_period_start: 1, current_period_end: 2 });
    writeFileSync(stateFile, JSON.stringify(saved));

    const second = await startEmulator({ stateFile });
    try {
      const restored = await second.stripe.subscriptions.retrieve(subscription.id);
      expect(restored).not.toHaveProperty("current_period_end");
      expect(restored.items.data[0]?.current_period_end).toBe(subscription.items.data[0]?.current_period_end);
    } finally {
      await second.close();
    }
  });

  it("reset clears the state and the delivery log", async () => {
    const hook = await startReceiver(PLATFORM_SECRET);
    const h = await startEmulator({ webhookEndpoints: [{ url: hook.url, secret: PLATFORM_SECRET, connect: false }] });
    try {
      await h.stripe.customers.create({});
      await h.emulator.idle();
      expect(h.emulator.deliveries()).toHaveLength(1);
      const response = await fetch(`${h.baseUrl}/_emulator/reset`, { method: "POST" });
      expect(await response.json()).toEqual({ reset: true });
      expect((await h.stripe.customers.list()).data).toEqual([]);
      expect(h.emulator.deliveries()).toEqual([]);
    } finally {
      await h.close();
      await hook.close();
    }
  });
});
