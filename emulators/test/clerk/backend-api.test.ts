import { type ClerkClient, createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiError, type RunningClerk, startClerk } from "./helpers.js";

/** The `required` list of the spec's `User` schema (clerk-bapi-2025-11-10.yml). */
const USER_REQUIRED_FIELDS = [
  "id",
  "object",
  "username",
  "first_name",
  "last_name",
  "has_image",
  "primary_email_address_id",
  "primary_phone_number_id",
  "primary_web3_wallet_id",
  "password_enabled",
  "two_factor_enabled",
  "totp_enabled",
  "backup_code_enabled",
  "email_addresses",
  "phone_numbers",
  "web3_wallets",
  "passkeys",
  "external_accounts",
  "saml_accounts",
  "enterprise_accounts",
  "public_metadata",
  "external_id",
  "last_sign_in_at",
  "banned",
  "locked",
  "lockout_expires_in_seconds",
  "verification_attempts_remaining",
  "created_at",
  "updated_at",
  "delete_self_enabled",
  "create_organization_enabled",
  "last_active_at",
  "mfa_enabled_at",
  "mfa_disabled_at",
  "legal_accepted_at",
];

let clerk: RunningClerk;
let dream: ClerkClient;
let endUser: ClerkClient;

beforeAll(async () => {
  clerk = await startClerk();
  dream = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
  endUser = createClerkClient({ secretKey: clerk.emulator.instance("end-user-api").secretKey, apiUrl: clerk.url });
});
afterAll(() => clerk.close());

function rawFetch(path: string, init: RequestInit & { secretKey?: string } = {}) {
  const secretKey = init.secretKey ?? clerk.emulator.instance("dream-api").secretKey;
  return fetch(`${clerk.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json", ...init.headers },
  });
}

describe("users through @clerk/backend", () => {
  it("creates a user shaped like the spec's User", async () => {
    const user = await dream.users.createUser({
      emailAddress: ["Ada@Example.com"],
      firstName: "Ada",
      lastName: "Lovelace",
      externalId: "ext-ada",
      publicMetadata: { plan: "paid" },
      privateMetadata: { stripeCustomerId: "cus_1" },
      skipPasswordRequirement: true,
    });
    expect(user.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(user.primaryEmailAddress?.emailAddress).toBe("ada@example.com");
    expect(user.emailAddresses[0]?.id).toMatch(/^idn_/);
    expect(user.emailAddresses[0]?.verification?.status).toBe("verified");
    expect(user.emailAddresses[0]?.verification?.strategy).toBe("admin");
    expect(user).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      externalId: "ext-ada",
      publicMetadata: { plan: "paid" },
      privateMetadata: { stripeCustomerId: "cus_1" },
      banned: false,
      locked: false,
    });
    expect(user.createdAt).toBeGreaterThan(Date.now() - 60_000);

    const raw = (await (await rawFetch(`/v1/users/${user.id}`)).json()) as Record<string, unknown>;
    expect(USER_REQUIRED_FIELDS.filter((field) => !(field in raw))).toEqual([]);
    expect(raw.object).toBe("user");
  });

  it("gets, updates, merges metadata and deletes", async () => {
    const created = await dream.users.createUser({ emailAddress: ["grace@example.com"], publicMetadata: { plan: "free", keep: 1 } });
    expect((await dream.users.getUser(created.id)).id).toBe(created.id);

    const renamed = await dream.users.updateUser(created.id, { firstName: "Grace", externalId: "ext-grace" });
    expect(renamed).toMatchObject({ firstName: "Grace", externalId: "ext-grace" });
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);

    const merged = await dream.users.updateUserMetadata(created.id, {
      publicMetadata: { plan: "paid", nested: { a: 1, b: 2 } },
      privateMetadata: { secret: "s" },
    });
    expect(merged.publicMetadata).toEqual({ plan: "paid", keep: 1, nested: { a: 1, b: 2 } });
    expect(merged.privateMetadata).toEqual({ secret: "s" });

    const pruned = await dream.users.updateUserMetadata(created.id, {
      publicMetadata: { keep: null, nested: { a: null, c: 3 } },
    });
    expect(pruned.publicMetadata).toEqual({ plan: "paid", nested: { b: 2, c: 3 } });

    // updateUser with metadata goes through PUT /metadata: a whole replacement.
    const replaced = await dream.users.updateUser(created.id, { publicMetadata: { plan: "free" } });
    expect(replaced.publicMetadata).toEqual({ plan: "free" });
    expect(replaced.privateMetadata).toEqual({ secret: "s" });

    const deleted = await dream.users.deleteUser(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true, object: "user" });
    expect(await apiError(() => dream.users.getUser(created.id))).toMatchObject({ status: 404, code: "resource_not_found" });
  });

  it("PATCH /users/{id} replaces public_metadata", async () => {
    const user = await dream.users.createUser({ emailAddress: ["patch@example.com"], publicMetadata: { a: 1, plan: "free" } });
    const res = await rawFetch(`/v1/users/${user.id}`, { method: "PATCH", body: JSON.stringify({ public_metadata: { plan: "paid" } }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { public_metadata: unknown }).public_metadata).toEqual({ plan: "paid" });
  });

  it("lists by email and external id, orders newest first, pages and counts", async () => {
    const prefix = `list-${Date.now()}`;
    const made = [];
    for (const n of [1, 2, 3]) {
      made.push(await endUser.users.createUser({ emailAddress: [`${prefix}-${n}@example.com`], externalId: `${prefix}-x${n}` }));
    }
    const [first, second, third] = made;

    const byEmail = await endUser.users.getUserList({ emailAddress: [`${prefix}-2@example.com`, `${prefix.toUpperCase()}-3@EXAMPLE.COM`] });
    expect(byEmail.data.map((u) => u.id)).toEqual([third?.id, second?.id]);
    expect(byEmail.totalCount).toBe(2);

    const byExternal = await endUser.users.getUserList({ externalId: [`${prefix}-x1`] });
    expect(byExternal.data.map((u) => u.id)).toEqual([first?.id]);

    const byQuery = await endUser.users.getUserList({ query: prefix, limit: 2, offset: 1 });
    expect(byQuery.data.map((u) => u.id)).toEqual([second?.id, first?.id]);
    expect(byQuery.totalCount).toBe(3);

    const oldestFirst = await endUser.users.getUserList({ query: prefix, orderBy: "+created_at" });
    expect(oldestFirst.data.map((u) => u.id)).toEqual([first?.id, second?.id, third?.id]);

    expect(await endUser.users.getCount({ query: prefix })).toBe(3);
    const count = await rawFetch(`/v1/users/count?email_address=${prefix}-1@example.com`, {
      secretKey: clerk.emulator.instance("end-user-api").secretKey,
    });
    expect(await count.json()).toEqual({ object: "total_count", total_count: 1 });
  });

  it("breaks created_at ties by creation order, in the requested direction", async () => {
    const createdAt = new Date("2024-01-02T03:04:05.000Z");
    const ids = [];
    for (const n of [1, 2, 3]) {
      ids.push((await dream.users.createUser({ emailAddress: [`tie-${n}@example.com`], createdAt })).id);
    }
    const newest = await dream.users.getUserList({ emailAddress: ["tie-1@example.com", "tie-2@example.com", "tie-3@example.com"] });
    expect(newest.data.map((u) => u.id)).toEqual([...ids].reverse());
    expect(newest.data[0]?.createdAt).toBe(createdAt.getTime());
    const oldest = await dream.users.getUserList({
      emailAddress: ["tie-1@example.com", "tie-2@example.com", "tie-3@example.com"],
      orderBy: "+created_at",
    });
    expect(oldest.data.map((u) => u.id)).toEqual(ids);
  });

  it("keeps each instance's users apart", async () => {
    const user = await dream.users.createUser({ emailAddress: ["only-dream@example.com"] });
    expect(await apiError(() => endUser.users.getUser(user.id))).toMatchObject({ status: 404 });
    expect((await endUser.users.getUserList({ emailAddress: ["only-dream@example.com"] })).data).toEqual([]);
    // The same email is free in the other application.
    const twin = await endUser.users.createUser({ emailAddress: ["only-dream@example.com"] });
    expect(twin.id).not.toBe(user.id);
  });

  it("serves the instance JWKS", async () => {
    const res = await rawFetch("/v1/jwks");
    const { keys } = (await res.json()) as { keys: Array<Record<string, string>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
    expect(Buffer.from(keys[0]?.n ?? "", "base64url")).toHaveLength(256);
  });
});

describe("Clerk-shaped errors", () => {
  it("duplicate email is 422 form_identifier_exists", async () => {
    await dream.users.createUser({ emailAddress: ["dup@example.com"] });
    expect(await apiError(() => dream.users.createUser({ emailAddress: ["DUP@example.com"] }))).toEqual({
      status: 422,
      code: "form_identifier_exists",
      paramName: "email_address",
    });
  });

  it("duplicate external_id is 422 form_identifier_exists on create and update", async () => {
    const owner = await dream.users.createUser({ emailAddress: ["ext-owner@example.com"], externalId: "ext-taken" });
    const other = await dream.users.createUser({ emailAddress: ["ext-other@example.com"] });
    const expected = { status: 422, code: "form_identifier_exists", paramName: "external_id" };
    expect(await apiError(() => dream.users.createUser({ emailAddress: ["ext-2@example.com"], externalId: "ext-taken" }))).toEqual(expected);
    expect(await apiError(() => dream.users.updateUser(other.id, { externalId: "ext-taken" }))).toEqual(expected);
    // Setting a user's own external id again is not a conflict.
    expect((await dream.users.updateUser(owner.id, { externalId: "ext-taken" })).externalId).toBe("ext-taken");
  });

  it("wrong or missing secret key is 401", async () => {
    const stranger = createClerkClient({ secretKey: "sk_test_wrong", apiUrl: clerk.url });
    expect(await apiError(() => stranger.users.getUserList())).toMatchObject({ status: 401, code: "clerk_key_invalid" });
    const res = await fetch(`${clerk.url}/v1/users`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ code: "authorization_header_format_invalid" }] });
  });

  it("unknown user is 404 on every user route", async () => {
    const missing = "user_doesnotexist";
    for (const call of [
      () => dream.users.getUser(missing),
      () => dream.users.updateUser(missing, { firstName: "x" }),
      () => dream.users.updateUserMetadata(missing, { publicMetadata: { a: 1 } }),
      () => dream.users.deleteUser(missing),
    ]) {
      expect(await apiError(call)).toMatchObject({ status: 404, code: "resource_not_found" });
    }
  });

  it("malformed JSON is 400 request_body_invalid and writes nothing", async () => {
    const before = await dream.users.getCount();
    for (const body of ["{not json", "[1,2]", '"a string"']) {
      const res = await rawFetch("/v1/users", { method: "POST", body });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/json");
      const json = (await res.json()) as { errors: Array<Record<string, unknown>>; clerk_trace_id: string };
      expect(json.errors[0]).toMatchObject({ code: "request_body_invalid", message: expect.any(String), long_message: expect.any(String) });
      expect(json.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(await dream.users.getCount()).toBe(before);
  });

  it("wrong types, unknown and unsupported params are 422 with the param named", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ email_address: "not-an-array@example.com" }, "form_param_type_invalid", "email_address"],
      [{ email_address: ["t@example.com"], public_metadata: [1] }, "form_param_type_invalid", "public_metadata"],
      [{ email_address: ["t@example.com"], first_name: 5 }, "form_param_type_invalid", "first_name"],
      [{ email_address: ["t@example.com"], colour: "red" }, "form_param_unknown", "colour"],
      [{ email_address: ["t@example.com"], phone_number: ["+15555550100"] }, "form_param_unknown", "phone_number"],
      [{ email_address: ["not-an-email"] }, "form_param_format_invalid", "email_address"],
      [{ first_name: "NoEmail" }, "form_param_missing", "email_address"],
    ];
    for (const [body, code, param] of cases) {
      const res = await rawFetch("/v1/users", { method: "POST", body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ code, meta: { param_name: param } }] });
    }
  });

  it("bad list parameters are 422", async () => {
    for (const query of ["limit=0", "limit=501", "limit=abc", "offset=-1", "order_by=shoe_size"]) {
      const res = await rawFetch(`/v1/users?${query}`);
      expect(res.status, query).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ code: "form_param_value_invalid" }] });
    }
  });

  it("unknown routes are 404 in Clerk's shape", async () => {
    // end-user-api's key: it has Organizations on, so the organization route reaches the router.
    const secretKey = clerk.emulator.instance("end-user-api").secretKey;
    for (const path of ["/v1/invitations", "/v1/organizations/org_x/invitations", "/nowhere"]) {
      const res = await rawFetch(path, { secretKey });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ errors: [{ code: "resource_not_found" }] });
    }
  });
});
