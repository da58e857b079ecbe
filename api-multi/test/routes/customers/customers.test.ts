import { env } from "cloudflare:test";
import { createClerkClient } from "@clerk/backend";
import { describe, expect, inject, it } from "vitest";
import { client, expectErrorShape, joinedEndUser, MID_MONTH, membershipPlanOf, midMonthClock, mintToken, organizationsOf, seedPlatform, tableCounts, tenantOrganizationOf } from "../../harness";

/** Counting tests run at a fixed mid-month instant (harness MID_MONTH): no period boundary falls between their calls, whatever the date. */
const call = client(midMonthClock);

function clerk() {
  return createClerkClient({ secretKey: inject("endUserClerkSecret"), apiUrl: inject("clerkApiUrl") });
}

function uniqueEmail(label: string): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
}

describe("POST /api/customers", () => {
  it("creates the person in Clerk (no metadata of ours), a member of the tenant's organization with their plan, and the end-user in D1", async () => {
    const platform = await seedPlatform();
    const email = uniqueEmail("Ada");
    const res = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "ada", email } });
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ userId: "ada", email: email.toLowerCase(), plan: "free", usage: { count: 0, limit: 5 } });
    const clerkUserId = res.body.customer.clerkUserId;
    const clerkUser = await clerk().users.getUser(clerkUserId);
    expect(clerkUser.publicMetadata).toEqual({});
    expect(clerkUser.emailAddresses[0]?.emailAddress).toBe(email.toLowerCase());
    const organizationId = await tenantOrganizationOf(platform);
    expect(organizationId).toMatch(/^org_/);
    expect(await organizationsOf(clerkUserId)).toEqual([organizationId]);
    expect(await membershipPlanOf(clerkUserId, organizationId ?? "")).toBe("free");
    const organization = await clerk().organizations.getOrganization({ organizationId: organizationId ?? "" });
    expect(organization.publicMetadata).toEqual({ platformId: platform.platformId, mode: "test" });
  });

  it("uses the Clerk user id as userId when none is given, and honours plan", async () => {
    const platform = await seedPlatform();
    const res = await call("POST", "/api/customers", { key: platform.secretKey, body: { email: uniqueEmail("grace"), plan: "pro" } });
    expect(res.status).toBe(201);
    expect(res.body.customer.userId).toBe(res.body.customer.clerkUserId);
    expect(res.body.customer.plan).toBe("pro");
    expect(res.body.customer.usage.limit).toBe(1000);
  });

  it("refuses a duplicate userId with 409 and creates no second Clerk user", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "dup", email: uniqueEmail("a") } });
    const email = uniqueEmail("b");
    const res = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "dup", email } });
    expectErrorShape(res, 409, "customer_exists");
    expect((await clerk().users.getUserList({ emailAddress: [email] })).data).toHaveLength(0);
  });

  it("refuses an email one of this tenant's customers has (any case) with 409 email_in_use, and changes nothing", async () => {
    const platform = await seedPlatform();
    const email = uniqueEmail("twice");
    expect((await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "first", email } })).status).toBe(201);
    const before = await tableCounts(platform.platformId);
    expectErrorShape(await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "second", email: email.toUpperCase() } }), 409, "email_in_use");
    expectErrorShape(await call("POST", "/api/customers", { key: platform.secretKey, body: { email } }), 409, "email_in_use");
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });

  it("refuses, as email_in_use, a person who already joined this tenant on its pricing page", async () => {
    const platform = await seedPlatform();
    const email = uniqueEmail("joined");
    const person = await clerk().users.createUser({ emailAddress: [email], skipPasswordRequirement: true });
    await joinedEndUser(platform, { clerkUserId: person.id });
    const before = await tableCounts(platform.platformId);
    expectErrorShape(await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "again", email } }), 409, "email_in_use");
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });

  it("makes a person already in Clerk (signed up anywhere) a customer without touching their metadata", async () => {
    const platform = await seedPlatform();
    const email = uniqueEmail("known");
    const person = await clerk().users.createUser({ emailAddress: [email], publicMetadata: { theirs: true }, skipPasswordRequirement: true });
    const res = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "known", email, plan: "pro" } });
    expect(res.status).toBe(201);
    expect(res.body.customer.clerkUserId).toBe(person.id);
    expect((await clerk().users.getUser(person.id)).publicMetadata).toEqual({ theirs: true });
    expect(await membershipPlanOf(person.id, (await tenantOrganizationOf(platform)) ?? "")).toBe("pro");
  });

  it("rejects an unknown plan with 400 unknown_plan and writes nothing", async () => {
    const platform = await seedPlatform();
    const before = await tableCounts(platform.platformId);
    const res = await call("POST", "/api/customers", { key: platform.secretKey, body: { email: uniqueEmail("p"), plan: "enterprise" } });
    expectErrorShape(res, 400, "unknown_plan");
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });

  it("answers 502 clerk_error and writes nothing when Clerk is unreachable", async () => {
    const platform = await seedPlatform();
    const before = await tableCounts(platform.platformId);
    const res = await call("POST", "/api/customers", {
      key: platform.secretKey,
      body: { userId: "offline", email: uniqueEmail("offline") },
      envOverrides: { CLERK_API_URL: "http://127.0.0.1:9" },
    });
    expectErrorShape(res, 502, "clerk_error");
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });
});

describe("GET /api/customers/:userId", () => {
  it("returns the customer with plan, usage and subscription", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "carol", email: uniqueEmail("carol") } });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "carol", amount: 2 } });
    const res = await call("GET", "/api/customers/carol", { key: platform.secretKey });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ userId: "carol", plan: "free", usage: { count: 2, limit: 5, remaining: 3 }, subscription: null });
  });

  it("is 404 customer_not_found for an unknown user", async () => {
    const platform = await seedPlatform();
    expectErrorShape(await call("GET", "/api/customers/nobody", { key: platform.secretKey }), 404, "customer_not_found");
  });
});

describe("PATCH /api/customers/:userId", () => {
  it("changes the plan in D1 and Clerk, and the new limit applies at once", async () => {
    const platform = await seedPlatform({
      tiers: [
        { name: "free", limit: 1 },
        { name: "pro", limit: 100, price: 900 },
      ],
    });
    const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "dave", email: uniqueEmail("dave") } });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "dave" } });
    expectErrorShape(await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "dave" } }), 403, "usage_limit_exceeded");

    const res = await call("PATCH", "/api/customers/dave", { key: platform.secretKey, body: { plan: "pro" } });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ plan: "pro", usage: { count: 1, limit: 100 } });
    expect(await membershipPlanOf(created.body.customer.clerkUserId, (await tenantOrganizationOf(platform)) ?? "")).toBe("pro");
    const tracked = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "dave" } });
    expect(tracked.body.usage).toMatchObject({ count: 2, limit: 100, plan: "pro" });
  });

  it("updates users registered by track (no Clerk user) in D1", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "implicit" } });
    const res = await call("PATCH", "/api/customers/implicit", { key: platform.secretKey, body: { plan: "pro" } });
    expect(res.body.customer.plan).toBe("pro");
  });

  it("rejects unknown plans and users, and leaves the plan unchanged when Clerk fails", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "erin", email: uniqueEmail("erin") } });
    expectErrorShape(await call("PATCH", "/api/customers/erin", { key: platform.secretKey, body: { plan: "gold" } }), 400, "unknown_plan");
    expectErrorShape(await call("PATCH", "/api/customers/nobody", { key: platform.secretKey, body: { plan: "pro" } }), 404, "customer_not_found");
    const failed = await call("PATCH", "/api/customers/erin", {
      key: platform.secretKey,
      body: { plan: "pro" },
      envOverrides: { CLERK_API_URL: "http://127.0.0.1:9" },
    });
    expectErrorShape(failed, 502, "clerk_error");
    expect((await call("GET", "/api/customers/erin", { key: platform.secretKey })).body.customer.plan).toBe("free");
  });
});

describe("GET /api/customers", () => {
  it("paginates newest first with an opaque cursor", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    const ids = ["u01", "u02", "u03", "u04", "u05"];
    for (const [index, userId] of ids.entries()) {
      await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, plan, created_at, updated_at) VALUES (?1, 'test', ?2, 'free', ?3, ?3)")
        .bind(platform.platformId, userId, new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString())
        .run();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = await call("GET", `/api/customers${query}`, { key: platform.secretKey });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((c: { userId: string }) => c.userId));
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("rejects a bad limit or cursor with 400", async () => {
    const platform = await seedPlatform();
    expectErrorShape(await call("GET", "/api/customers?limit=0", { key: platform.secretKey }), 400, "invalid_request");
    expectErrorShape(await call("GET", "/api/customers?limit=abc", { key: platform.secretKey }), 400, "invalid_request");
    expectErrorShape(await call("GET", "/api/customers?cursor=%%%", { key: platform.secretKey }), 400, "invalid_request");
    expectErrorShape(await call("GET", "/api/customers?sort=asc", { key: platform.secretKey }), 400, "invalid_request");
  });
});

describe("GET /api/customers?q (search)", () => {
  it("finds customers by userId or email prefix, treating wildcards literally", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    for (const [userId, email] of [
      ["ann_1", "ann@example.com"],
      ["annie", "zed@example.com"],
      ["bob", "anna@example.org"],
      ["a%b", "x@example.com"],
    ]) {
      await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', ?2, ?3, 'free', ?4, ?4)")
        .bind(platform.platformId, userId, email, MID_MONTH)
        .run();
    }
    const ids = async (q: string) => ((await call("GET", `/api/customers?q=${encodeURIComponent(q)}`, { key: platform.secretKey })).body.data as { userId: string }[]).map((c) => c.userId).sort();
    expect(await ids("ann")).toEqual(["ann_1", "annie", "bob"]);
    expect(await ids("ann_")).toEqual(["ann_1"]);
    expect(await ids("a%")).toEqual(["a%b"]);
    expect(await ids("zzz")).toEqual([]);
  });

  it("matches prefixes of any accepted length (past D1's 50-byte LIKE pattern limit), ASCII letters in either case, other characters exactly", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    const long = `${"x".repeat(60)}_%\\end`;
    const accented = `${"é".repeat(40)}Zz`;
    for (const [userId, email] of [
      [long, null],
      ["plain", `${"Mail".repeat(30)}@example.com`],
      [accented, null],
    ]) {
      await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', ?2, ?3, 'free', ?4, ?4)")
        .bind(platform.platformId, userId, email, MID_MONTH)
        .run();
    }
    const search = (q: string) => call("GET", `/api/customers?q=${encodeURIComponent(q)}`, { key: platform.secretKey });
    const ids = async (q: string) => {
      const result = await search(q);
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return (result.body.data as { userId: string }[]).map((c) => c.userId).sort();
    };
    expect(await ids(long)).toEqual([long]);
    expect(await ids(long.toUpperCase())).toEqual([long]);
    expect(await ids(`${"x".repeat(60)}__`)).toEqual([]); // "_" is no wildcard
    expect(await ids("mail".repeat(30))).toEqual(["plain"]); // email prefix, 120 characters
    expect(await ids(accented)).toEqual([accented]); // 82 bytes of UTF-8
    expect(await ids("É".repeat(40))).toEqual([]); // like LIKE: no case folding beyond ASCII
    expect(await ids("q".repeat(128))).toEqual([]);
  });
});

describe("developer dashboard sessions", () => {
  it("may read the developer's own platform through GET routes only", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "seen" } });
    // The Clerk stand-in must know the developer to sign a session for it.
    const created = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${inject("dreamApiClerkSecret")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ email_address: [`dev.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
    });
    const clerkDeveloper = ((await created.json()) as { id: string }).id;
    await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platform.platformId, clerkDeveloper).run();
    const token = await mintToken(clerkDeveloper, { instance: "dream-api" });
    const dashboard = await call("GET", "/api/dashboard?mode=test", { key: token });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.platformId).toBe(platform.platformId);
    expect((await call("GET", "/api/customers?mode=test", { key: token })).body.data.map((c: { userId: string }) => c.userId)).toEqual(["seen"]);
    // The dashboard names the mode it shows: without it, or with another word, nothing is read.
    const unnamed = await call("GET", "/api/dashboard", { key: token });
    expectErrorShape(unnamed, 400, "invalid_request");
    expect(unnamed.body.error.param).toBe("mode");
    expectErrorShape(await call("GET", "/api/customers?mode=sandbox", { key: token }), 400, "invalid_request");
    expect((await call("GET", "/api/customers?mode=live", { key: token })).body.data).toEqual([]);
    expectErrorShape(await call("POST", "/api/usage/track", { key: token, body: { userId: "x" } }), 401, "invalid_api_key");
    expectErrorShape(await call("PATCH", "/api/customers/seen", { key: token, body: { plan: "pro" } }), 401, "invalid_api_key");
  });
});
