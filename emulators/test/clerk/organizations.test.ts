import { type ClerkClient, createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiError, type RunningClerk, startClerk } from "./helpers.js";

/** The `required` list of the spec's `Organization` schema (clerk-bapi-2025-11-10.yml). */
const ORGANIZATION_REQUIRED_FIELDS = ["object", "id", "name", "slug", "has_image", "max_allowed_memberships", "admin_delete_enabled", "public_metadata", "created_at", "updated_at"];
/** The `required` list of the spec's `OrganizationMembership` schema. */
const MEMBERSHIP_REQUIRED_FIELDS = ["object", "id", "role", "permissions", "public_metadata", "created_at", "updated_at", "organization"];
/** The `required` list of the spec's `OrganizationMembershipPublicUserData` schema. */
const PUBLIC_USER_DATA_REQUIRED_FIELDS = ["user_id", "first_name", "last_name", "profile_image_url", "image_url", "has_image"];

let clerk: RunningClerk;
let endUser: ClerkClient;
let dream: ClerkClient;
let secretKey: string;

beforeAll(async () => {
  clerk = await startClerk();
  secretKey = clerk.emulator.instance("end-user-api").secretKey;
  endUser = createClerkClient({ secretKey, apiUrl: clerk.url });
  dream = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
});
afterAll(() => clerk.close());

function rawFetch(path: string, init: RequestInit = {}) {
  return fetch(`${clerk.url}${path}`, { ...init, headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json", ...init.headers } });
}

let seq = 0;
/** A unique slug per call, so tests never collide in the shared stand-in. */
function slug(label: string): string {
  seq += 1;
  return `${label}-${seq}-${Date.now().toString(36)}`;
}

async function person(name: string) {
  return endUser.users.createUser({ emailAddress: [`${name}.${Date.now().toString(36)}${++seq}@example.com`], firstName: name });
}

describe("organizations through @clerk/backend", () => {
  it("creates an organization shaped like the spec's Organization", async () => {
    const org = await endUser.organizations.createOrganization({
      name: "Acme Tools",
      slug: slug("acme"),
      publicMetadata: { platformId: "plt_1" },
      privateMetadata: { note: "secret" },
    });
    expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);
    expect(org).toMatchObject({ name: "Acme Tools", publicMetadata: { platformId: "plt_1" }, privateMetadata: { note: "secret" }, hasImage: false, adminDeleteEnabled: true });
    expect(org.createdAt).toBeGreaterThan(Date.now() - 60_000);

    const raw = (await (await rawFetch(`/v1/organizations/${org.id}`)).json()) as Record<string, unknown>;
    expect(ORGANIZATION_REQUIRED_FIELDS.filter((field) => !(field in raw))).toEqual([]);
    expect(raw.object).toBe("organization");
    // Counts only when asked for, as the spec's include_members_count says.
    expect(raw).not.toHaveProperty("members_count");
    const counted = (await (await rawFetch(`/v1/organizations/${org.id}?include_members_count=true`)).json()) as Record<string, unknown>;
    expect(counted).toMatchObject({ members_count: 0, pending_invitations_count: 0 });
  });

  it("makes a slug from the name when none is given, and a different one when that is taken", async () => {
    const name = `Café Müller ${Date.now()}`;
    const first = await endUser.organizations.createOrganization({ name });
    expect(first.slug).toBe(`cafe-muller-${name.split(" ")[2]}`);
    const second = await endUser.organizations.createOrganization({ name });
    expect(second.slug).toMatch(new RegExp(`^${first.slug}-[a-z0-9]+$`));
  });

  it("gets by id or by slug, with the member count on request", async () => {
    const creator = await person("creator");
    const org = await endUser.organizations.createOrganization({ name: "Counted", slug: slug("counted"), createdBy: creator.id });
    expect((await endUser.organizations.getOrganization({ organizationId: org.id })).id).toBe(org.id);
    expect((await endUser.organizations.getOrganization({ slug: org.slug })).id).toBe(org.id);
    const counted = await endUser.organizations.getOrganization({ organizationId: org.id, includeMembersCount: true });
    expect(counted.membersCount).toBe(1);
    expect(counted.createdBy).toBe(creator.id);

    // The creator is its first admin.
    const members = await endUser.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.data.map((m) => [m.publicUserData?.userId, m.role])).toEqual([[creator.id, "org:admin"]]);
  });

  it("updates name and slug, merges metadata like Clerk (deep, null removes) and replaces it on PUT", async () => {
    const org = await endUser.organizations.createOrganization({ name: "Before", slug: slug("before"), publicMetadata: { platformId: "plt_a", keep: 1, nested: { a: 1 } } });
    const newSlug = slug("after");
    const renamed = await endUser.organizations.updateOrganization(org.id, { name: "After", slug: newSlug });
    expect(renamed).toMatchObject({ name: "After", slug: newSlug, publicMetadata: { platformId: "plt_a", keep: 1, nested: { a: 1 } } });
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(org.updatedAt);

    const merged = await endUser.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { keep: null, nested: { b: 2 } },
      privateMetadata: { internal: true },
    });
    expect(merged.publicMetadata).toEqual({ platformId: "plt_a", nested: { a: 1, b: 2 } });
    expect(merged.privateMetadata).toEqual({ internal: true });

    const replaced = await endUser.organizations.replaceOrganizationMetadata(org.id, { publicMetadata: { platformId: "plt_b" } });
    expect(replaced.publicMetadata).toEqual({ platformId: "plt_b" });
    expect(replaced.privateMetadata).toEqual({ internal: true });

    // The old slug no longer finds it; the new one does.
    expect(await apiError(() => endUser.organizations.getOrganization({ slug: org.slug }))).toMatchObject({ status: 404, code: "resource_not_found" });
    expect((await endUser.organizations.getOrganization({ slug: newSlug })).id).toBe(org.id);
  });

  it("lists newest first, pages, searches by name, slug or exact id, and orders on request", async () => {
    const tag = slug("list");
    const made = [];
    for (const n of ["b", "c", "a"]) made.push(await endUser.organizations.createOrganization({ name: `${tag} ${n}`, slug: `${tag}-${n}` }));
    const [b, c, a] = made;

    const newest = await endUser.organizations.getOrganizationList({ query: tag });
    expect(newest.data.map((o) => o.id)).toEqual([a?.id, c?.id, b?.id]);
    expect(newest.totalCount).toBe(3);

    const paged = await endUser.organizations.getOrganizationList({ query: tag, limit: 1, offset: 1 });
    expect(paged.data.map((o) => o.id)).toEqual([c?.id]);
    expect(paged.totalCount).toBe(3);

    const byName = await endUser.organizations.getOrganizationList({ query: tag, orderBy: "+name" });
    expect(byName.data.map((o) => o.name)).toEqual([`${tag} a`, `${tag} b`, `${tag} c`]);

    expect((await endUser.organizations.getOrganizationList({ query: `${tag}-c` })).data.map((o) => o.id)).toEqual([c?.id]);
    expect((await endUser.organizations.getOrganizationList({ query: b?.id })).data.map((o) => o.id)).toEqual([b?.id]);
    // An id only matches exactly.
    expect((await endUser.organizations.getOrganizationList({ query: b?.id.slice(0, -1) })).totalCount).toBe(0);
    expect((await endUser.organizations.getOrganizationList({ query: b?.id.toUpperCase() })).totalCount).toBe(0);

    const byIds = await endUser.organizations.getOrganizationList({ organizationId: [a?.id ?? "", b?.id ?? ""], includeMembersCount: true });
    expect(byIds.data.map((o) => [o.id, o.membersCount])).toEqual([
      [a?.id, 0],
      [b?.id, 0],
    ]);
  });

  it("filters the list by member", async () => {
    const member = await person("filtered");
    const tag = slug("mine");
    const mine = await endUser.organizations.createOrganization({ name: `${tag} mine`, slug: `${tag}-mine` });
    await endUser.organizations.createOrganization({ name: `${tag} other`, slug: `${tag}-other` });
    await endUser.organizations.createOrganizationMembership({ organizationId: mine.id, userId: member.id, role: "org:member" });
    const res = await rawFetch(`/v1/organizations?query=${tag}&user_id=${member.id}`);
    expect(((await res.json()) as { data: Array<{ id: string }> }).data.map((o) => o.id)).toEqual([mine.id]);
    const excluded = await rawFetch(`/v1/organizations?query=${tag}&user_id=-${member.id}`);
    expect(((await excluded.json()) as { total_count: number }).total_count).toBe(1);
  });

  it("deletes an organization with its memberships", async () => {
    const member = await person("orphan");
    const org = await endUser.organizations.createOrganization({ name: "Doomed", slug: slug("doomed") });
    const kept = await endUser.organizations.createOrganization({ name: "Kept", slug: slug("kept") });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: "org:member" });
    await endUser.organizations.createOrganizationMembership({ organizationId: kept.id, userId: member.id, role: "org:member" });

    const deleted = await endUser.organizations.deleteOrganization(org.id);
    expect(deleted).toMatchObject({ object: "organization", id: org.id, deleted: true });
    expect(await apiError(() => endUser.organizations.getOrganization({ organizationId: org.id }))).toMatchObject({ status: 404, code: "resource_not_found" });
    const left = await endUser.users.getOrganizationMembershipList({ userId: member.id });
    expect(left.data.map((m) => m.organization.id)).toEqual([kept.id]);
  });

  it("keeps each instance's organizations apart", async () => {
    const org = await endUser.organizations.createOrganization({ name: "End-user only", slug: slug("apart") });
    // dream-api comes with Organizations off, as a new Clerk application does.
    expect(await apiError(() => dream.organizations.getOrganization({ organizationId: org.id }))).toMatchObject({ status: 403, code: "organization_not_enabled_in_instance" });
    await dream.instance.updateOrganizationSettings({ enabled: true });
    expect(await apiError(() => dream.organizations.getOrganization({ organizationId: org.id }))).toMatchObject({ status: 404 });
    // The same slug is free in the other application.
    expect((await dream.organizations.createOrganization({ name: "Twin", slug: org.slug })).slug).toBe(org.slug);
  });
});

describe("memberships through @clerk/backend", () => {
  it("creates a membership shaped like the spec's OrganizationMembership", async () => {
    const user = await endUser.users.createUser({ emailAddress: [`member.${slug("m")}@example.com`], firstName: "Mia", lastName: "Member" });
    const org = await endUser.organizations.createOrganization({ name: "Joined", slug: slug("joined"), publicMetadata: { platformId: "plt_j" } });
    const membership = await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    expect(membership.id).toMatch(/^orgmem_[0-9A-Za-z]{27}$/);
    expect(membership).toMatchObject({ role: "org:member", permissions: ["org:sys_memberships:read"], publicMetadata: {}, privateMetadata: {} });
    expect(membership.organization).toMatchObject({ id: org.id, slug: org.slug, publicMetadata: { platformId: "plt_j" } });
    expect(membership.publicUserData).toMatchObject({ userId: user.id, firstName: "Mia", lastName: "Member", identifier: user.primaryEmailAddress?.emailAddress });

    const raw = (await (await rawFetch(`/v1/organizations/${org.id}/memberships`)).json()) as { data: Array<Record<string, unknown>>; total_count: number };
    expect(raw.total_count).toBe(1);
    const first = raw.data[0] ?? {};
    expect(MEMBERSHIP_REQUIRED_FIELDS.filter((field) => !(field in first))).toEqual([]);
    expect(PUBLIC_USER_DATA_REQUIRED_FIELDS.filter((field) => !(field in (first.public_user_data as object)))).toEqual([]);
    expect(first).toMatchObject({ object: "organization_membership", role_name: "Member" });
  });

  it("lists an organization's members (filtered) and a user's memberships across organizations", async () => {
    const [ann, ben] = [await person("ann"), await person("ben")];
    const [one, two] = [await endUser.organizations.createOrganization({ name: "One", slug: slug("one") }), await endUser.organizations.createOrganization({ name: "Two", slug: slug("two") })];
    await endUser.organizations.createOrganizationMembership({ organizationId: one.id, userId: ann.id, role: "org:admin" });
    await endUser.organizations.createOrganizationMembership({ organizationId: one.id, userId: ben.id, role: "org:member" });
    await endUser.organizations.createOrganizationMembership({ organizationId: two.id, userId: ann.id, role: "org:member" });

    const members = await endUser.organizations.getOrganizationMembershipList({ organizationId: one.id });
    expect(members.totalCount).toBe(2);
    expect(members.data.map((m) => m.publicUserData?.userId)).toEqual([ben.id, ann.id]);
    const admins = await endUser.organizations.getOrganizationMembershipList({ organizationId: one.id, role: ["org:admin"] });
    expect(admins.data.map((m) => m.publicUserData?.userId)).toEqual([ann.id]);
    const onlyBen = await endUser.organizations.getOrganizationMembershipList({ organizationId: one.id, userId: [ben.id] });
    expect(onlyBen.data.map((m) => m.publicUserData?.userId)).toEqual([ben.id]);

    const anns = await endUser.users.getOrganizationMembershipList({ userId: ann.id });
    expect(anns.totalCount).toBe(2);
    expect(anns.data.map((m) => [m.organization.id, m.role])).toEqual([
      [two.id, "org:member"],
      [one.id, "org:admin"],
    ]);
    const paged = await endUser.users.getOrganizationMembershipList({ userId: ann.id, limit: 1, offset: 1 });
    expect(paged.data.map((m) => m.organization.id)).toEqual([one.id]);

    const everyone = await endUser.organizations.getInstanceOrganizationMembershipList({ limit: 500 });
    expect(everyone.data.filter((m) => m.organization.id === one.id || m.organization.id === two.id)).toHaveLength(3);
  });

  it("changes a role and merges membership metadata", async () => {
    const user = await person("promoted");
    const org = await endUser.organizations.createOrganization({ name: "Roles", slug: slug("roles") });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    await endUser.organizations.updateOrganizationMembershipMetadata({ organizationId: org.id, userId: user.id, publicMetadata: { a: 1, gone: true } });
    const promoted = await endUser.organizations.updateOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:admin" });
    expect(promoted).toMatchObject({ role: "org:admin" });
    expect(promoted.permissions).toContain("org:sys_memberships:manage");
    const merged = await endUser.organizations.updateOrganizationMembershipMetadata({ organizationId: org.id, userId: user.id, publicMetadata: { b: 2, gone: null } });
    expect(merged.publicMetadata).toEqual({ a: 1, b: 2 });
  });

  it("deletes one membership and leaves the person's others alone", async () => {
    const user = await person("leaver");
    const [left, stays] = [
      await endUser.organizations.createOrganization({ name: "Left", slug: slug("left") }),
      await endUser.organizations.createOrganization({ name: "Stays", slug: slug("stays") }),
    ];
    await endUser.organizations.createOrganizationMembership({ organizationId: left.id, userId: user.id, role: "org:member" });
    await endUser.organizations.createOrganizationMembership({ organizationId: stays.id, userId: user.id, role: "org:member" });

    const removed = await endUser.organizations.deleteOrganizationMembership({ organizationId: left.id, userId: user.id });
    expect(removed).toMatchObject({ role: "org:member", organization: { id: left.id }, publicUserData: { userId: user.id } });
    expect((await endUser.users.getOrganizationMembershipList({ userId: user.id })).data.map((m) => m.organization.id)).toEqual([stays.id]);
    expect((await endUser.organizations.getOrganization({ organizationId: left.id, includeMembersCount: true })).membersCount).toBe(0);
    expect((await endUser.organizations.getOrganization({ organizationId: stays.id, includeMembersCount: true })).membersCount).toBe(1);
    // The person themself is untouched.
    expect((await endUser.users.getUser(user.id)).id).toBe(user.id);
  });

  it("deleting a user removes their memberships", async () => {
    const user = await person("gone");
    const org = await endUser.organizations.createOrganization({ name: "Loses one", slug: slug("loses") });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    await endUser.users.deleteUser(user.id);
    expect((await endUser.organizations.getOrganizationMembershipList({ organizationId: org.id })).totalCount).toBe(0);
  });
});

describe("what Clerk refuses", () => {
  it("a second membership of the same user is 400 already_a_member_in_organization", async () => {
    const user = await person("twice");
    const org = await endUser.organizations.createOrganization({ name: "Once", slug: slug("once") });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    expect(await apiError(() => endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:admin" }))).toMatchObject({
      status: 400,
      code: "already_a_member_in_organization",
    });
    expect((await endUser.organizations.getOrganizationMembershipList({ organizationId: org.id })).data.map((m) => m.role)).toEqual(["org:member"]);
  });

  it("a taken slug is 422 form_identifier_exists on create and on update", async () => {
    const taken = slug("taken");
    await endUser.organizations.createOrganization({ name: "Owner", slug: taken });
    const other = await endUser.organizations.createOrganization({ name: "Other", slug: slug("other") });
    const expected = { status: 422, code: "form_identifier_exists", paramName: "slug" };
    expect(await apiError(() => endUser.organizations.createOrganization({ name: "Copy", slug: taken }))).toEqual(expected);
    expect(await apiError(() => endUser.organizations.updateOrganization(other.id, { slug: taken }))).toEqual(expected);
    // Setting an organization's own slug again is not a conflict.
    expect((await endUser.organizations.updateOrganization(other.id, { slug: other.slug })).slug).toBe(other.slug);
  });

  it("bad bodies are 422 with the parameter named", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ slug: "no-name" }, "form_param_missing", "name"],
      [{ name: "   " }, "form_param_missing", "name"],
      [{ name: 7 }, "form_param_type_invalid", "name"],
      [{ name: "Bad slug", slug: "Not A Slug" }, "form_param_format_invalid", "slug"],
      [{ name: "Bad slug", slug: "-edge-" }, "form_param_format_invalid", "slug"],
      [{ name: "<b>html</b>" }, "form_param_value_invalid", "name"],
      [{ name: "Visit https://example.com" }, "form_param_value_invalid", "name"],
      [{ name: "x".repeat(257) }, "form_param_value_invalid", "name"],
      [{ name: "Colour", colour: "red" }, "form_param_unknown", "colour"],
      [{ name: "Roles", role_set_key: "role_set:x" }, "form_param_unknown", "role_set_key"],
      [{ name: "Negative", max_allowed_memberships: -1 }, "form_param_value_invalid", "max_allowed_memberships"],
      [{ name: "Meta", public_metadata: [1] }, "form_param_type_invalid", "public_metadata"],
    ];
    for (const [body, code, param] of cases) {
      const res = await rawFetch("/v1/organizations", { method: "POST", body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.json(), JSON.stringify(body)).toMatchObject({ errors: [{ code, meta: { param_name: param } }] });
    }
    const org = await endUser.organizations.createOrganization({ name: "Members", slug: slug("members") });
    const user = await person("body");
    const memberCases: Array<[unknown, string, string]> = [
      [{ role: "org:member" }, "form_param_missing", "user_id"],
      [{ user_id: user.id }, "form_param_missing", "role"],
      [{ user_id: user.id, role: "org:member", colour: "red" }, "form_param_unknown", "colour"],
    ];
    for (const [body, code, param] of memberCases) {
      const res = await rawFetch(`/v1/organizations/${org.id}/memberships`, { method: "POST", body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.json(), JSON.stringify(body)).toMatchObject({ errors: [{ code, meta: { param_name: param } }] });
    }
    const patch = await rawFetch(`/v1/organizations/${org.id}/metadata`, { method: "PATCH", body: JSON.stringify({ unsafe_metadata: {} }) });
    expect(patch.status).toBe(422);
    expect(await patch.json()).toMatchObject({ errors: [{ code: "form_param_unknown", meta: { param_name: "unsafe_metadata" } }] });
  });

  it("an unknown role is 404 naming the role; an unknown creator is 400 organization_creator_not_found", async () => {
    const org = await endUser.organizations.createOrganization({ name: "Strict", slug: slug("strict") });
    const user = await person("role");
    expect(await apiError(() => endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:owner" }))).toEqual({
      status: 404,
      code: "resource_not_found",
      paramName: "role",
    });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    expect(await apiError(() => endUser.organizations.updateOrganizationMembership({ organizationId: org.id, userId: user.id, role: "admin" }))).toMatchObject({ status: 404, paramName: "role" });

    const before = (await endUser.organizations.getOrganizationList({ limit: 500 })).totalCount;
    expect(await apiError(() => endUser.organizations.createOrganization({ name: "Nobody's", createdBy: "user_missing" }))).toMatchObject({
      status: 400,
      code: "organization_creator_not_found",
    });
    expect((await endUser.organizations.getOrganizationList({ limit: 500 })).totalCount).toBe(before);
  });

  it("unknown organizations, users and memberships are 404", async () => {
    const org = await endUser.organizations.createOrganization({ name: "Known", slug: slug("known") });
    const outsider = await person("outsider");
    const missing = "org_doesnotexist";
    for (const call of [
      () => endUser.organizations.getOrganization({ organizationId: missing }),
      () => endUser.organizations.updateOrganization(missing, { name: "x" }),
      () => endUser.organizations.updateOrganizationMetadata(missing, { publicMetadata: { a: 1 } }),
      () => endUser.organizations.deleteOrganization(missing),
      () => endUser.organizations.getOrganizationMembershipList({ organizationId: missing }),
      () => endUser.organizations.createOrganizationMembership({ organizationId: missing, userId: outsider.id, role: "org:member" }),
      () => endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: "user_missing", role: "org:member" }),
      () => endUser.organizations.updateOrganizationMembership({ organizationId: org.id, userId: outsider.id, role: "org:admin" }),
      () => endUser.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: outsider.id }),
      () => endUser.users.getOrganizationMembershipList({ userId: "user_missing" }),
    ]) {
      expect(await apiError(call)).toMatchObject({ status: 404, code: "resource_not_found" });
    }
    // Only GET takes a slug; the other routes name the organization by id.
    const bySlug = await rawFetch(`/v1/organizations/${org.slug}`, { method: "PATCH", body: JSON.stringify({ name: "x" }) });
    expect(bySlug.status).toBe(404);
  });

  it("a full organization is 403 organization_membership_quota_exceeded", async () => {
    const org = await endUser.organizations.createOrganization({ name: "Tiny", slug: slug("tiny"), maxAllowedMemberships: 1 });
    await endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: (await person("first")).id, role: "org:member" });
    expect(await apiError(async () => endUser.organizations.createOrganizationMembership({ organizationId: org.id, userId: (await person("second")).id, role: "org:member" }))).toMatchObject({
      status: 403,
      code: "organization_membership_quota_exceeded",
    });
  });

  it("bad list parameters are 422", async () => {
    const org = await endUser.organizations.createOrganization({ name: "Listed", slug: slug("listed") });
    for (const path of ["/v1/organizations?limit=0", "/v1/organizations?order_by=colour", `/v1/organizations/${org.id}/memberships?offset=-1`, "/v1/organization_memberships?limit=501"]) {
      const res = await rawFetch(path);
      expect(res.status, path).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ code: "form_param_value_invalid" }] });
    }
  });
});
