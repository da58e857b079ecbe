/**
 * Instance configuration through the Backend API, as a deploy reads and sets
 * it (packages/deploy/src/clerk-setup.ts): organization settings per
 * instance, kept in the state file, and what they switch; JWT templates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClerkClient, createClerkClient, verifyToken } from "@clerk/backend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClerkInstanceConfig } from "../../src/clerk/index.js";
import { apiError, type RunningClerk, startClerk } from "./helpers.js";

/** The properties of the spec's `OrganizationSettings` schema, and its `required` list. */
const SETTINGS_PROPERTIES = [
  "object",
  "enabled",
  "max_allowed_memberships",
  "max_allowed_roles",
  "max_role_sets_allowed",
  "max_allowed_domains",
  "max_allowed_permissions",
  "creator_role",
  "admin_delete_enabled",
  "domains_enabled",
  "slug_disabled",
  "domains_enrollment_modes",
  "domains_default_role",
  "initial_role_set_key",
];
const SETTINGS_REQUIRED = [
  "object",
  "enabled",
  "max_allowed_memberships",
  "max_allowed_roles",
  "max_allowed_domains",
  "creator_role",
  "admin_delete_enabled",
  "domains_enabled",
  "domains_enrollment_modes",
  "domains_default_role",
];
/** The `required` list of the spec's `JWTTemplate` schema (which allows no other property). */
const TEMPLATE_REQUIRED = ["object", "id", "name", "claims", "lifetime", "allowed_clock_skew", "custom_signing_key", "signing_algorithm", "created_at", "updated_at"];

/** Instances configured as a deploy's stand-ins are (packages/deploy/src/deploy.ts): no settings given, so a new Clerk application's. */
const FRESH: ClerkInstanceConfig[] = [
  { name: "dream-api", secretKey: "sk_test_fresh_dream_00000000000000000" },
  { name: "end-user-api", secretKey: "sk_test_fresh_enduser_000000000000000" },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "clerk-settings-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function clients(clerk: RunningClerk) {
  const client = (name: "dream-api" | "end-user-api") => createClerkClient({ secretKey: clerk.emulator.instance(name).secretKey, apiUrl: clerk.url });
  return { dream: client("dream-api"), endUser: client("end-user-api") };
}

function raw(clerk: RunningClerk, instance: "dream-api" | "end-user-api", path: string, init: RequestInit = {}) {
  return fetch(`${clerk.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${clerk.emulator.instance(instance).secretKey}`, "content-type": "application/json" },
  });
}

describe("organization settings", () => {
  let clerk: RunningClerk;
  beforeAll(async () => {
    clerk = await startClerk();
  });
  afterAll(() => clerk.close());

  it("are shaped like the spec's OrganizationSettings", async () => {
    const res = await raw(clerk, "end-user-api", "/v1/instance/organization_settings");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(SETTINGS_REQUIRED.filter((field) => !(field in body))).toEqual([]);
    expect(Object.keys(body).filter((field) => !SETTINGS_PROPERTIES.includes(field))).toEqual([]);
    expect(body).toMatchObject({
      object: "organization_settings",
      creator_role: "org:admin",
      domains_default_role: "org:member",
      domains_enabled: false,
      slug_disabled: false,
      domains_enrollment_modes: [],
    });
  });

  it("of the default instances are what the product needs: end-user-api on with no membership limit, dream-api off", async () => {
    const { dream, endUser } = clients(clerk);
    expect(await endUser.instance.getOrganizationSettings()).toMatchObject({ enabled: true, maxAllowedMemberships: 0, slugDisabled: false, adminDeleteEnabled: true });
    expect(await dream.instance.getOrganizationSettings()).toMatchObject({ enabled: false, maxAllowedMemberships: 5 });
  });

  it("of a fresh instance are a new Clerk application's, and a deploy's PATCH turns them into end-user-api's", async () => {
    const fresh = await startClerk({ instances: FRESH });
    try {
      const { endUser } = clients(fresh);
      const before = await endUser.instance.getOrganizationSettings();
      expect(before).toMatchObject({ enabled: false, maxAllowedMemberships: 5, slugDisabled: false });
      // What packages/deploy/src/clerk-setup.ts sends: snake_case keys, only the ones that differ.
      const updated = await endUser.instance.updateOrganizationSettings({ enabled: true, max_allowed_memberships: 0 } as never);
      expect(updated).toMatchObject({ enabled: true, maxAllowedMemberships: 0, slugDisabled: false, creatorRole: "org:admin" });
      expect(await endUser.instance.getOrganizationSettings()).toMatchObject({ enabled: true, maxAllowedMemberships: 0 });
      // Per instance: the other application is untouched.
      expect(await clients(fresh).dream.instance.getOrganizationSettings()).toMatchObject({ enabled: false });
      const templates = await endUser.jwtTemplates.list();
      expect(templates).toEqual({ data: [], totalCount: 0 });
    } finally {
      await fresh.close();
    }
  });

  it("are kept across a restart with a state file, and win over the configured ones", async () => {
    const stateFile = join(dir, "clerk.json");
    const first = await startClerk({ stateFile });
    await clients(first).endUser.instance.updateOrganizationSettings({ maxAllowedMemberships: 25, adminDeleteEnabled: false, domainsEnrollmentModes: ["automatic_suggestion"] });
    await clients(first).dream.instance.updateOrganizationSettings({ enabled: true });
    await first.close();

    const second = await startClerk({ stateFile });
    try {
      expect(await clients(second).endUser.instance.getOrganizationSettings()).toMatchObject({
        enabled: true,
        maxAllowedMemberships: 25,
        adminDeleteEnabled: false,
        domainsEnrollmentModes: ["automatic_suggestion"],
      });
      expect(await clients(second).dream.instance.getOrganizationSettings()).toMatchObject({ enabled: true, maxAllowedMemberships: 5 });
    } finally {
      await second.close();
    }
  });

  it("leave a field as it is for null, and refuse what Clerk or the stand-in would not take", async () => {
    const fresh = await startClerk({ instances: FRESH });
    try {
      const patch = (body: unknown) => raw(fresh, "end-user-api", "/v1/instance/organization_settings", { method: "PATCH", body: JSON.stringify(body) });
      expect(await (await patch({ enabled: true, max_allowed_memberships: 3 })).json()).toMatchObject({ enabled: true, max_allowed_memberships: 3 });
      expect(await (await patch({ enabled: null, max_allowed_memberships: null })).json()).toMatchObject({ enabled: true, max_allowed_memberships: 3 });
      const refused: Array<[unknown, number, string, string]> = [
        [{ enabled: "yes" }, 422, "form_param_type_invalid", "enabled"],
        [{ max_allowed_memberships: -1 }, 422, "form_param_value_invalid", "max_allowed_memberships"],
        [{ colour: "red" }, 422, "form_param_unknown", "colour"],
        [{ creator_role_id: "role_123" }, 422, "form_param_unknown", "creator_role_id"],
        [{ domains_enabled: true }, 422, "form_param_value_invalid", "domains_enabled"],
        [{ slug_disabled: true }, 422, "form_param_value_invalid", "slug_disabled"],
        [{ domains_enrollment_modes: ["by_magic"] }, 422, "form_param_value_invalid", "domains_enrollment_modes"],
      ];
      for (const [body, status, code, param] of refused) {
        const res = await patch(body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(await res.json()).toMatchObject({ errors: [{ code, meta: { param_name: param } }] });
      }
      expect(await (await raw(fresh, "end-user-api", "/v1/instance/organization_settings")).json()).toMatchObject({ enabled: true, max_allowed_memberships: 3, domains_enabled: false });
    } finally {
      await fresh.close();
    }
  });
});

describe("with Organizations off", () => {
  let clerk: RunningClerk;
  let endUser: ClerkClient;
  beforeEach(async () => {
    clerk = await startClerk({ instances: FRESH });
    endUser = clients(clerk).endUser;
  });
  afterEach(() => clerk.close());

  it("every organization route answers 403 organization_not_enabled_in_instance, until they are turned on", async () => {
    const user = await endUser.users.createUser({ emailAddress: ["off@example.com"] });
    const calls: Array<() => Promise<unknown>> = [
      () => endUser.organizations.createOrganization({ name: "Nope" }),
      () => endUser.organizations.getOrganizationList(),
      () => endUser.organizations.getOrganization({ organizationId: "org_x" }),
      () => endUser.organizations.getInstanceOrganizationMembershipList({}),
      () => endUser.users.getOrganizationMembershipList({ userId: user.id }),
    ];
    for (const call of calls) expect(await apiError(call)).toMatchObject({ status: 403, code: "organization_not_enabled_in_instance" });
    // Users are unaffected.
    expect((await endUser.users.getUser(user.id)).id).toBe(user.id);

    await endUser.instance.updateOrganizationSettings({ enabled: true });
    const org = await endUser.organizations.createOrganization({ name: "Now on", createdBy: user.id });
    expect((await endUser.users.getOrganizationMembershipList({ userId: user.id })).data.map((m) => m.organization.id)).toEqual([org.id]);
  });

  it("sessions have no active organization: tokens carry no `o`, and none can be made active", async () => {
    await endUser.instance.updateOrganizationSettings({ enabled: true });
    const user = await endUser.users.createUser({ emailAddress: ["member@example.com"] });
    const org = await endUser.organizations.createOrganization({ name: "Was on", createdBy: user.id });
    await endUser.instance.updateOrganizationSettings({ enabled: false });

    const jwtKey = clerk.emulator.instance("end-user-api").jwtKeyPem;
    const minted = await fetch(`${clerk.url}/local/tokens`, { method: "POST", body: JSON.stringify({ instance: "end-user-api", userId: user.id }) });
    const { jwt, session_id } = (await minted.json()) as { jwt: string; session_id: string };
    expect(await verifyToken(jwt, { jwtKey })).not.toHaveProperty("o");
    const touch = await fetch(`${clerk.url}/local/sessions/${session_id}/touch`, { method: "POST", body: JSON.stringify({ active_organization_id: org.id }) });
    expect(touch.status).toBe(403);
    expect(await touch.json()).toMatchObject({ errors: [{ code: "organization_not_enabled_in_instance" }] });
    const named = await fetch(`${clerk.url}/local/tokens`, { method: "POST", body: JSON.stringify({ instance: "end-user-api", userId: user.id, organizationId: org.id }) });
    expect(named.status).toBe(403);

    // Back on, the same session's next token names the organization again.
    await endUser.instance.updateOrganizationSettings({ enabled: true });
    const touched = await fetch(`${clerk.url}/local/sessions/${session_id}/touch`, { method: "POST", body: JSON.stringify({ active_organization_id: org.id }) });
    expect(touched.status).toBe(200);
    const fresh = await fetch(`${clerk.url}/local/sessions/${session_id}/tokens`, { method: "POST" });
    expect(await verifyToken(((await fresh.json()) as { jwt: string }).jwt, { jwtKey })).toMatchObject({ o: { id: org.id, rol: "admin" } });
  });

  it("a new organization takes the instance's membership limit and admin_delete_enabled unless it sets its own", async () => {
    await endUser.instance.updateOrganizationSettings({ enabled: true, maxAllowedMemberships: 2, adminDeleteEnabled: false });
    const limited = await endUser.organizations.createOrganization({ name: "Small" });
    expect(limited).toMatchObject({ maxAllowedMemberships: 2, adminDeleteEnabled: false });
    const people = await Promise.all([1, 2, 3].map((n) => endUser.users.createUser({ emailAddress: [`p${n}@example.com`] })));
    for (const person of people.slice(0, 2)) await endUser.organizations.createOrganizationMembership({ organizationId: limited.id, userId: person.id, role: "org:member" });
    expect(await apiError(() => endUser.organizations.createOrganizationMembership({ organizationId: limited.id, userId: people[2]?.id ?? "", role: "org:member" }))).toMatchObject({
      status: 403,
      code: "organization_membership_quota_exceeded",
    });
    // api-multi creates each tenant with max_allowed_memberships 0: no limit, whatever the instance default.
    expect(await endUser.organizations.createOrganization({ name: "Tenant", maxAllowedMemberships: 0 })).toMatchObject({ maxAllowedMemberships: 0 });
  });
});

describe("JWT templates", () => {
  let clerk: RunningClerk;
  beforeAll(async () => {
    clerk = await startClerk();
  });
  afterAll(() => clerk.close());

  it("are none by default: an empty list, paginated for @clerk/backend, an array otherwise", async () => {
    const { dream, endUser } = clients(clerk);
    expect(await endUser.jwtTemplates.list()).toEqual({ data: [], totalCount: 0 });
    expect(await dream.jwtTemplates.list()).toEqual({ data: [], totalCount: 0 });
    const res = await raw(clerk, "end-user-api", "/v1/jwt_templates");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  it("are created, read, updated, listed and deleted per instance, shaped like the spec's JWTTemplate", async () => {
    const { dream, endUser } = clients(clerk);
    const created = await endUser.jwtTemplates.create({ name: "supabase", claims: { aud: "authenticated", role: "{{user.public_metadata.role}}" } });
    expect(created).toMatchObject({ name: "supabase", claims: { aud: "authenticated" }, lifetime: 60, allowedClockSkew: 5, customSigningKey: false, signingAlgorithm: "RS256" });
    expect(created.id).toMatch(/^jtmp_[0-9A-Za-z]{27}$/);
    const body = (await (await raw(clerk, "end-user-api", `/v1/jwt_templates/${created.id}`)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([...TEMPLATE_REQUIRED].sort());
    expect(body.object).toBe("jwt_template");

    expect(await endUser.jwtTemplates.list()).toMatchObject({ data: [{ id: created.id }], totalCount: 1 });
    expect(await dream.jwtTemplates.list()).toEqual({ data: [], totalCount: 0 });
    expect(await apiError(() => dream.jwtTemplates.get(created.id))).toMatchObject({ status: 404, code: "resource_not_found" });

    const updated = await endUser.jwtTemplates.update({ templateId: created.id, name: "supabase", claims: { aud: "x" }, lifetime: 120 });
    expect(updated).toMatchObject({ id: created.id, claims: { aud: "x" }, lifetime: 120 });

    expect(await apiError(() => endUser.jwtTemplates.create({ name: "supabase", claims: {} }))).toMatchObject({ status: 422, code: "form_identifier_exists", paramName: "name" });
    expect(await apiError(() => endUser.jwtTemplates.create({ name: "short", claims: {}, lifetime: 10 }))).toMatchObject({ status: 422, code: "form_param_value_invalid", paramName: "lifetime" });
    expect(await apiError(() => endUser.jwtTemplates.create({ name: "no-claims" } as never))).toMatchObject({ status: 422, code: "form_param_missing", paramName: "claims" });

    expect(await endUser.jwtTemplates.delete(created.id)).toMatchObject({ id: created.id, deleted: true });
    expect(await endUser.jwtTemplates.list()).toEqual({ data: [], totalCount: 0 });
  });

  it("are kept across a restart with a state file", async () => {
    const stateFile = join(dir, "clerk.json");
    const first = await startClerk({ stateFile });
    const made = await clients(first).endUser.jwtTemplates.create({ name: "kept", claims: { k: 1 } });
    await first.close();
    const second = await startClerk({ stateFile });
    try {
      expect(await clients(second).endUser.jwtTemplates.list()).toMatchObject({ data: [{ id: made.id, name: "kept" }], totalCount: 1 });
    } finally {
      await second.close();
    }
  });
});
