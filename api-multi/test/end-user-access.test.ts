/**
 * End-users' own session JWTs (shared end-user-api Clerk app), preview-mode
 * checkout on the platform account, public pricing, and cross-tenant attempts.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import {
  awaitDeliveries,
  call,
  client,
  deliverAll,
  expectErrorShape,
  inboxCursor,
  joinedEndUser,
  clerkJson,
  midMonthClock,
  mintToken,
  payCheckout,
  seedConnectedPlatform,
  seedPlatform,
  stripe,
  type SeededPlatform,
  stripeSignatureHeader,
} from "./harness";

async function customerWithSession(platform: SeededPlatform, userId: string): Promise<string> {
  const created = await call("POST", "/api/customers", {
    key: platform.secretKey,
    body: { userId, email: `${userId}.${crypto.randomUUID().slice(0, 8)}@example.com` },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return mintToken(created.body.customer.clerkUserId, { instance: "end-user-api", azp: "https://app.developer.example" });
}

describe("end-user session JWTs", () => {
  it("read their own usage and open their own checkout and portal", async () => {
    const platform = await seedConnectedPlatform();
    const jwt = await customerWithSession(platform, "frank");
    const midMonth = client(midMonthClock); // the count is read back in the same period, whatever the date
    await midMonth("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "frank", amount: 3 } });
    const usage = await midMonth("GET", "/api/usage", { key: jwt });
    expect(usage.status).toBe(200);
    expect(usage.body.usage).toMatchObject({ count: 3, limit: 5, plan: "free" });
    const checkout = await call("POST", "/api/checkout", { key: jwt, body: { tier: "pro" } });
    expect(checkout.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id, {}, { stripeAccount: platform.account });
    expect(session.metadata).toMatchObject({ userId: "frank", platformId: platform.platformId });
    expectErrorShape(await call("POST", "/api/portal", { key: jwt, body: {} }), 404, "no_billing_account");
  });

  it("cannot act for another user, nor use developer-only routes", async () => {
    const platform = await seedConnectedPlatform();
    const jwt = await customerWithSession(platform, "gina");
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "henry" } });
    expectErrorShape(await call("GET", "/api/usage", { key: jwt, headers: { "X-User-Id": "henry" } }), 403, "forbidden");
    expectErrorShape(await call("POST", "/api/checkout", { key: jwt, body: { userId: "henry", tier: "pro" } }), 403, "forbidden");
    expectErrorShape(await call("POST", "/api/usage/track", { key: jwt, body: { userId: "gina" } }), 401, "invalid_api_key");
    expectErrorShape(await call("GET", "/api/customers", { key: jwt }), 401, "invalid_token");
  });

  it("rejects a developer (dream-api) session, a tampered token, and sessions whose active organization names no customer here", async () => {
    const platform = await seedConnectedPlatform();
    const jwt = await customerWithSession(platform, "ivy");
    const [header, payload, signature] = jwt.split(".");
    const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
    const tampered = `${header}.${btoa(JSON.stringify({ ...claims, sub: "user_other" }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_")}.${signature}`;
    expectErrorShape(await call("GET", "/api/usage", { key: tampered }), 401, "invalid_token");
    const developer = await clerkJson<{ id: string }>("/v1/users", { method: "POST", body: JSON.stringify({ email_address: [`dev.${crypto.randomUUID().slice(0, 8)}@example.com`] }) });
    expectErrorShape(await call("GET", "/api/usage", { key: await mintToken(developer.id, { instance: "dream-api" }) }), 401, "invalid_token");

    // A person of the end-user app with no active organization, whatever metadata they carry.
    const stranger = await clerkJson<{ id: string }>("/v1/users", {
      method: "POST",
      app: "end-user-api",
      body: JSON.stringify({ email_address: [`s.${crypto.randomUUID().slice(0, 8)}@example.com`], public_metadata: { publishableKey: platform.publishableKey } }),
    });
    const noOrganization = await call("GET", "/api/usage", { key: await mintToken(stranger.id, { instance: "end-user-api", organizationId: null }) });
    expectErrorShape(noOrganization, 401, "invalid_token");
    expect(noOrganization.body.error.message).toMatch(/active organization/);

    // An organization of the end-user app that is no dream-api tenant, even one claiming to be in its metadata.
    const impostor = await clerkJson<{ id: string }>("/v1/organizations", {
      method: "POST",
      app: "end-user-api",
      body: JSON.stringify({ name: "Impostor", public_metadata: { platformId: platform.platformId, mode: "test" } }),
    });
    await clerkJson(`/v1/organizations/${impostor.id}/memberships`, { method: "POST", app: "end-user-api", body: JSON.stringify({ user_id: stranger.id, role: "org:member" }) });
    expectErrorShape(await call("GET", "/api/usage", { key: await mintToken(stranger.id, { instance: "end-user-api", organizationId: impostor.id }) }), 401, "invalid_token");
  });

  it("a member whose customer was deleted is not a customer any more: 404 customer_not_found, and nothing is registered again", async () => {
    const platform = await seedConnectedPlatform();
    const person = await joinedEndUser(platform);
    expect((await call("GET", "/api/usage", { key: person.token })).status).toBe(200);
    await env.DB.prepare("DELETE FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platform.platformId, person.userId).run();
    expectErrorShape(await call("GET", "/api/usage", { key: person.token }), 404, "customer_not_found");
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM end_users WHERE platform_id = ?1").bind(platform.platformId).first("n")).toBe(0);
  });

  it("a person who signed up on the pricing page and joined is a customer on the starting tier, under their Clerk id", async () => {
    const platform = await seedConnectedPlatform();
    const person = await joinedEndUser(platform);
    expect(person.userId).toBe(person.clerkUserId);
    const usage = await call("GET", "/api/usage", { key: person.token });
    expect(usage.status).toBe(200);
    expect(usage.body.usage).toMatchObject({ count: 0, plan: "free" });
    const row = await env.DB.prepare("SELECT user_id FROM end_users WHERE platform_id = ?1 AND clerk_user_id = ?2").bind(platform.platformId, person.clerkUserId).first();
    expect(row).toEqual({ user_id: person.clerkUserId });
  });
});

describe("cross-tenant attempts", () => {
  it("another platform's key or end-user JWT never reaches this platform's users", async () => {
    const a = await seedConnectedPlatform();
    const b = await seedConnectedPlatform();
    const bJwt = await customerWithSession(b, "bob-user");
    await call("POST", "/api/usage/track", { key: a.secretKey, body: { userId: "alice-user" } });
    expectErrorShape(await call("POST", "/api/checkout", { key: b.secretKey, body: { userId: "alice-user", tier: "pro" } }), 404, "customer_not_found");
    expectErrorShape(await call("POST", "/api/portal", { key: b.secretKey, body: { userId: "alice-user" } }), 404, "customer_not_found");
    expectErrorShape(await call("GET", "/api/usage", { key: bJwt, headers: { "X-User-Id": "alice-user" } }), 403, "forbidden");
    const own = await call("GET", "/api/usage", { key: bJwt });
    expect(own.body.usage.count).toBe(0);
  });

  it("ignores a subscription whose metadata names another platform", async () => {
    const a = await seedConnectedPlatform();
    const b = await seedConnectedPlatform();
    await call("POST", "/api/usage/track", { key: a.secretKey, body: { userId: "target" } });
    // A checkout on B's account that claims to be for platform A's user.
    const forged = await stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{ price: b.proPriceId, quantity: 1 }],
        metadata: { platformId: a.platformId, userId: "target", tier: "pro" },
        subscription_data: { metadata: { platformId: a.platformId, userId: "target", tier: "pro" } },
        success_url: "https://example.com/ok",
        cancel_url: "https://example.com/no",
      },
      { stripeAccount: b.account },
    );
    const cursor = await inboxCursor("connect");
    await payCheckout(forged.url!);
    const deliveries = (await awaitDeliveries(cursor, ["checkout.session.completed"], "connect")).filter((d) => d.body.includes(b.account));
    await deliverAll(deliveries);
    expect((await call("GET", "/api/customers/target", { key: a.secretKey })).body.customer.plan).toBe("free");
  });
});

/** A free tier and a paid one, for the checkout tests below. */
const FREE_AND_PAID_PRO = [
  { name: "free", limit: 5 },
  { name: "pro", limit: 1000, price: 1900 },
];

describe("preview mode checkout", () => {
  it("runs on the platform's own account for a test key without a connected account, and moves the plan", async () => {
    const platform = await seedPlatform({
      mode: "test",
      plan: "free",
      tiers: FREE_AND_PAID_PRO,
    });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "demo" } });
    const cursor = await inboxCursor("preview");
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "demo", tier: "pro" } });
    expect(checkout.status).toBe(201);
    expect(checkout.body.mode).toBe("preview");
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id);
    // The hosted pricing page by platform id: the address survives key rotation.
    expect(session.success_url).toContain(`/p/${platform.platformId}/test?checkout=success`);
    await payCheckout(checkout.body.url);
    const deliveries = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"], "preview")).filter((d) => d.body.includes(platform.platformId));
    // front-auth-api receives the same platform-account events (same ids) on its own endpoint first.
    for (const delivery of deliveries) {
      await env.DB.prepare("INSERT INTO events (source, event_id, type, payload, received_at) VALUES ('platform', ?1, ?2, '{}', ?3)")
        .bind(delivery.eventId, delivery.type, new Date().toISOString())
        .run();
    }
    await deliverAll(deliveries);
    expect((await call("GET", "/api/customers/demo", { key: platform.secretKey })).body.customer).toMatchObject({ plan: "pro", usage: { limit: 1000 } });
  });

  it("leaves developers' own $15 subscription events to front-auth-api", async () => {
    const platform = await seedPlatform({ mode: "test", plan: "free" });
    const body = JSON.stringify({
      id: `evt_${crypto.randomUUID().replace(/-/g, "")}`,
      object: "event",
      type: "customer.subscription.created",
      livemode: false,
      created: 1,
      data: { object: { id: "sub_dev", object: "subscription", metadata: { developerId: "user_dev", platformId: platform.platformId } } },
      api_version: "2026-10-28.endive",
      pending_webhooks: 1,
      request: null,
    });
    const res = await call("POST", "/webhook/stripe", { rawBody: body, headers: { "Stripe-Signature": await stripeSignatureHeader(body, inject("previewWebhookSecret")) } });
    expect(res.body.outcome).toBe("ignored: not a dream-api end-user event");
    expect((await call("GET", "/api/dashboard", { key: platform.secretKey })).body.recentEvents).toEqual([]);
  });

  it("refuses a live key without a connected account with 409", async () => {
    const platform = await seedPlatform({
      mode: "live",
      plan: "paid",
      tiers: FREE_AND_PAID_PRO,
    });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "x" } });
    expectErrorShape(await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "x", tier: "pro" } }), 409, "stripe_not_connected");
  });
});

describe("GET /api/public/tiers", () => {
  it("lists public tiers without secrets, cacheable, for any origin", async () => {
    const platform = await seedConnectedPlatform();
    const res = await call("GET", `/api/public/tiers?pk=${platform.publishableKey}`, { headers: { Origin: "https://pricing.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.body.tiers.map((t: { name: string }) => t.name)).toEqual(["free", "pro", "ebook"]);
    expect(JSON.stringify(res.body)).not.toMatch(/price_|prod_|pk_|sk_/);
    expect(res.body).toMatchObject({ platformId: platform.platformId, organizationId: null, mode: "test" });
    expectErrorShape(await call("GET", "/api/public/tiers?pk=pk_test_000000000000000000000000000000"), 404, "not_found");
    expectErrorShape(await call("GET", "/api/public/tiers?pk=nope"), 400, "invalid_request");
  });
});
