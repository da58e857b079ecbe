/**
 * An end-user is a person; a customer belongs to one developer. The same
 * email is a customer of any number of developers, each with its own plan
 * and usage; nothing a developer gets back — status, body, error, or the
 * Clerk calls made for it — depends on whether the email exists at another
 * developer; a person's session acts only in the tenant whose organization
 * it has active; deleting the customer at one developer leaves the others;
 * and rotating keys changes neither the pricing page's address nor what an
 * existing end-user's session can do.
 */
import { env } from "cloudflare:test";
import { retireApiKeyStatement } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import {
  call,
  client,
  clerkJson,
  type ConnectedPlatform,
  expectErrorShape,
  FaultProxy,
  joinedEndUser,
  midMonthClock,
  mintToken,
  organizationsOf,
  seedConnectedPlatform,
  stripe,
  tenantOrganizationOf,
} from "../harness";

const midMonth = client(midMonthClock); // counts are read back in the period they were made in, whatever the date

function email(label: string): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** A body with what differs between any two customers (ids, emails, times) replaced by its kind, so shapes compare. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  if (typeof value === "string") {
    if (/^user_/.test(value)) return "<clerk id>";
    if (/@/.test(value)) return "<email>";
    if (/^req_/.test(value)) return "<request id>";
    if (/^\d{4}-\d\d-\d\dT/.test(value)) return "<time>";
  }
  return value;
}

describe("one email, two developers", () => {
  it("is a customer of both: 201 at each, one person in Clerk, and each developer sees only its own customer, plan and usage", async () => {
    const a = await seedConnectedPlatform();
    const b = await seedConnectedPlatform();
    const carol = email("carol");
    const atB = await call("POST", "/api/customers", { key: b.secretKey, body: { userId: "carol-at-b", email: carol } });
    expect(atB.status).toBe(201);
    const atA = await call("POST", "/api/customers", { key: a.secretKey, body: { userId: "carol-at-a", email: carol.toUpperCase(), plan: "pro" } });
    expect(atA.status).toBe(201);
    expect(atA.body.customer.clerkUserId).toBe(atB.body.customer.clerkUserId);
    expect((await clerkJson<unknown[]>(`/v1/users?email_address=${encodeURIComponent(carol)}`, { app: "end-user-api" })).length).toBe(1);
    expect(new Set(await organizationsOf(atA.body.customer.clerkUserId))).toEqual(new Set([await tenantOrganizationOf(a), await tenantOrganizationOf(b)]));

    await midMonth("POST", "/api/usage/track", { key: a.secretKey, body: { userId: "carol-at-a", amount: 3 } });
    await midMonth("POST", "/api/usage/track", { key: b.secretKey, body: { userId: "carol-at-b", amount: 1 } });
    expect((await midMonth("GET", "/api/customers/carol-at-a", { key: a.secretKey })).body.customer).toMatchObject({ email: carol, plan: "pro", usage: { count: 3, limit: 1000 } });
    expect((await midMonth("GET", "/api/customers/carol-at-b", { key: b.secretKey })).body.customer).toMatchObject({ email: carol, plan: "free", usage: { count: 1, limit: 5 } });
    expectErrorShape(await call("GET", "/api/customers/carol-at-b", { key: a.secretKey }), 404, "customer_not_found");
    expect((await call("GET", "/api/customers", { key: a.secretKey })).body.data.map((customer: { userId: string }) => customer.userId)).toEqual(["carol-at-a"]);
  });

  it("tells a developer nothing of other developers: the same answer, and the same kinds and number of Clerk calls, whether or not the email exists elsewhere", async () => {
    const a = await seedConnectedPlatform();
    const b = await seedConnectedPlatform();
    const elsewhere = email("elsewhere");
    expect((await call("POST", "/api/customers", { key: b.secretKey, body: { email: elsewhere } })).status).toBe(201);
    // A's organization exists before either measured call, so both make the same calls from here on.
    expect((await call("POST", "/api/customers", { key: a.secretKey, body: { email: email("warm-up") } })).status).toBe(201);

    const proxy = await FaultProxy.open("clerk");
    const viaProxy = { CLERK_API_URL: proxy.url } as Partial<Env>;
    const callsOf = async (body: Record<string, string>) => {
      await proxy.clear();
      const result = await call("POST", "/api/customers", { key: a.secretKey, body, envOverrides: viaProxy });
      const calls = (await proxy.requests()).map((request) => `${request.method} ${request.path.replace(/(user|org)_\w+/g, "$1_*").replace(/\?.*$/, "")}`);
      return { result, calls };
    };
    const known = await callsOf({ email: elsewhere });
    const fresh = await callsOf({ email: email("fresh") });
    expect(known.result.status).toBe(201);
    expect(fresh.result.status).toBe(201);
    expect(shape(known.result.body)).toEqual(shape(fresh.result.body));
    // The one difference: reading the person who exists (GET /v1/users/user_*) where the other is created (POST /v1/users).
    const samePerson = (calls: string[]) => calls.map((entry) => (entry === "GET /v1/users/user_*" || entry === "POST /v1/users" ? "<the person>" : entry));
    expect(samePerson(known.calls)).toEqual(samePerson(fresh.calls));

    // Refusals too: a duplicate at A is refused the same way for both, and names nothing of B.
    const knownAgain = await call("POST", "/api/customers", { key: a.secretKey, body: { userId: "known-2", email: elsewhere } });
    const freshAgain = await call("POST", "/api/customers", { key: a.secretKey, body: { userId: "fresh-2", email: fresh.result.body.customer.email } });
    expectErrorShape(knownAgain, 409, "email_in_use");
    expectErrorShape(freshAgain, 409, "email_in_use");
    expect(shape(knownAgain.body)).toEqual(shape(freshAgain.body));
    expect(JSON.stringify(knownAgain.body)).not.toContain(b.platformId);
  });

  it("a person's session acts only where its organization is active, and deleting the customer at one developer leaves the other", async () => {
    const a = await seedConnectedPlatform();
    const b = await seedConnectedPlatform();
    const atA = await joinedEndUser(a);
    const atB = await joinedEndUser(b, { clerkUserId: atA.clerkUserId });
    await midMonth("POST", "/api/usage/track", { key: b.secretKey, body: { userId: atB.userId, amount: 2 } });

    expect((await midMonth("GET", "/api/usage", { key: atA.token })).body.usage).toMatchObject({ count: 0 });
    expect((await midMonth("GET", "/api/usage", { key: atB.token })).body.usage).toMatchObject({ count: 2 });
    // A checkout from the A-session is A's: A's account, A's platform.
    const checkout = await call("POST", "/api/checkout", { key: atA.token, body: { tier: "pro" } });
    expect(checkout.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id, {}, { stripeAccount: a.account });
    expect(session.metadata).toMatchObject({ platformId: a.platformId });

    // A deletes its customer: the A-session is no customer any more; B's customer, membership and session are untouched.
    const deleted = await call("DELETE", `/api/customers/${atA.userId}`, { key: a.secretKey });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ userId: atA.userId, deleted: true });
    expect(await organizationsOf(atA.clerkUserId)).toEqual([atB.organizationId]);
    // A session minted before the deletion still names A's organization for its last seconds: it finds no customer.
    expectErrorShape(await call("GET", "/api/usage", { key: atA.token }), 404, "customer_not_found");
    await expect(mintToken(atA.clerkUserId, { instance: "end-user-api", organizationId: atA.organizationId })).rejects.toThrow(/404/);
    expect((await midMonth("GET", "/api/usage", { key: atB.token })).body.usage).toMatchObject({ count: 2 });
    expect((await call("GET", `/api/customers/${atB.userId}`, { key: b.secretKey })).status).toBe(200);
  });
});

describe("key rotation", () => {
  async function rotate(platform: ConnectedPlatform): Promise<void> {
    // What front-auth-api does: the old pair is revoked at once (no grace period).
    await retireApiKeyStatement(env.DB, { platformId: platform.platformId, keyId: platform.keyId, now: new Date().toISOString(), expiresAt: null }).run();
  }

  it("leaves the pricing page's address, and an existing end-user's session, plan and usage, as they were", async () => {
    const platform = await seedConnectedPlatform();
    const person = await joinedEndUser(platform);
    await midMonth("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: person.userId, amount: 2 } });
    const page = await call("GET", `/api/public/platforms/${platform.platformId}?mode=test`);
    expect(page.status).toBe(200);

    await rotate(platform);
    expectErrorShape(await call("GET", `/api/public/tiers?pk=${platform.publishableKey}`), 401, "invalid_api_key");
    const after = await call("GET", `/api/public/platforms/${platform.platformId}?mode=test`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(page.body);
    const usage = await midMonth("GET", "/api/usage", { key: person.token });
    expect(usage.status).toBe(200);
    expect(usage.body.usage).toMatchObject({ count: 2, plan: "free" });
    // Joining again after the rotation finds the same customer.
    const rejoined = await joinedEndUser(platform, { clerkUserId: person.clerkUserId });
    expect(rejoined).toMatchObject({ organizationId: person.organizationId, userId: person.userId });
  });
});
