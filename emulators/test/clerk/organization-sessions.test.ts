import { type ClerkClient, createClerkClient, verifyToken } from "@clerk/backend";
import { signedInAuthObject } from "@clerk/backend/internal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkApiError } from "../../src/clerk/index.js";
import { type RunningClerk, startClerk } from "./helpers.js";

let clerk: RunningClerk;
let client: ClerkClient;
let jwtKey: string;

beforeAll(async () => {
  clerk = await startClerk();
  client = createClerkClient({ secretKey: clerk.emulator.instance("end-user-api").secretKey, apiUrl: clerk.url });
  jwtKey = clerk.emulator.instance("end-user-api").jwtKeyPem;
});
afterAll(() => clerk.close());

let seq = 0;
function unique(label: string): string {
  seq += 1;
  return `${label}-${seq}-${Date.now().toString(36)}`;
}

/** An end-user, and organizations (one per label) they are a member of. */
async function memberOf(...labels: string[]) {
  const user = await client.users.createUser({ emailAddress: [`${unique("person")}@example.com`] });
  const orgs = [];
  for (const label of labels) {
    const org = await client.organizations.createOrganization({ name: label, slug: unique(label), publicMetadata: { platformId: `plt_${label}` } });
    await client.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    orgs.push(org);
  }
  return { user, orgs };
}

/** What `authenticateRequest` would make of a verified token: the auth object's organization fields. */
async function authOf(token: string) {
  const claims = await verifyToken(token, { jwtKey });
  const auth = signedInAuthObject({}, token, claims);
  return { claims, orgId: auth.orgId, orgSlug: auth.orgSlug, orgRole: auth.orgRole, isMember: auth.has({ role: "org:member" }) };
}

async function local(path: string, body?: unknown) {
  const res = await fetch(`${clerk.url}/local${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { jwt?: string; errors?: Array<{ code: string }> } };
}

async function freshToken(sessionId: string): Promise<string> {
  const { status, json } = await local(`/sessions/${sessionId}/tokens`);
  expect(status).toBe(200);
  return json.jwt ?? "";
}

describe("session tokens with an active organization", () => {
  it("carry Clerk's v2 organization claim, which @clerk/backend reads as orgId, orgSlug and orgRole", async () => {
    const { user, orgs } = await memberOf("acme");
    const [acme] = orgs;
    const token = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id, organizationId: acme?.id });

    const { claims, orgId, orgSlug, orgRole, isMember } = await authOf(token);
    expect(claims.v).toBe(2);
    expect(claims.o).toEqual({ id: acme?.id, slg: acme?.slug, rol: "member" });
    expect({ orgId, orgSlug, orgRole, isMember }).toEqual({ orgId: acme?.id, orgSlug: acme?.slug, orgRole: "org:member", isMember: true });
    // No custom claims: the organization's metadata stays out of the token.
    expect(claims).not.toHaveProperty("platformId");
  });

  it("carry no organization claims when none is active", async () => {
    const { user } = await memberOf("ignored");
    const token = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id, organizationId: null });
    const { claims, orgId, orgRole, isMember } = await authOf(token);
    expect(claims).not.toHaveProperty("o");
    expect(claims).not.toHaveProperty("platformId");
    expect({ orgId, orgRole, isMember }).toEqual({ orgId: undefined, orgRole: undefined, isMember: false });

    const stranger = await client.users.createUser({ emailAddress: [`${unique("loner")}@example.com`] });
    const lonerToken = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: stranger.id });
    expect(await verifyToken(lonerToken, { jwtKey })).not.toHaveProperty("o");
  });

  it("start, like a new Clerk session, in the organization the user last joined", async () => {
    const { user, orgs } = await memberOf("first", "second");
    const token = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
    expect((await verifyToken(token, { jwtKey })).o).toMatchObject({ id: orgs[1]?.id });
  });

  it("are refused for an organization the user does not belong to", async () => {
    const { user } = await memberOf("own");
    const { orgs } = await memberOf("foreign");
    const foreign = orgs[0];
    const minting = clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id, organizationId: foreign?.id });
    await expect(minting).rejects.toBeInstanceOf(ClerkApiError);
    await expect(minting).rejects.toMatchObject({ status: 404, code: "organization_not_found_or_unauthorized" });

    for (const organizationId of [foreign?.id, foreign?.slug, "org_doesnotexist"]) {
      const { status, json } = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId });
      expect(status, organizationId).toBe(404);
      expect(json.errors?.[0]?.code).toBe("organization_not_found_or_unauthorized");
    }
  });

  it("POST /local/tokens takes the organization by id or slug, or null for none", async () => {
    const { user, orgs } = await memberOf("minted");
    const org = orgs[0];
    const bySlug = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId: org?.slug });
    expect(bySlug.status).toBe(200);
    expect((await verifyToken(bySlug.json.jwt ?? "", { jwtKey })).o).toMatchObject({ id: org?.id });
    const none = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId: null });
    expect(await verifyToken(none.json.jwt ?? "", { jwtKey })).not.toHaveProperty("o");
  });
});

describe("setting the active organization (setActive)", () => {
  it("switches by id or slug, refuses organizations the user is not in, and clears with null", async () => {
    const { user, orgs } = await memberOf("alpha", "beta");
    const [alpha, beta] = orgs;
    const { outsider } = { outsider: (await memberOf("gamma")).orgs[0] };
    const minted = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId: null });
    const sessionId = String(minted.json.session_id);

    const toAlpha = await local(`/sessions/${sessionId}/touch`, { active_organization_id: alpha?.id });
    expect(toAlpha.status).toBe(200);
    expect(toAlpha.json).toMatchObject({ id: sessionId, status: "active", last_active_organization_id: alpha?.id });
    expect((await authOf(await freshToken(sessionId))).orgId).toBe(alpha?.id);

    await local(`/sessions/${sessionId}/touch`, { active_organization_id: beta?.slug });
    expect((await verifyToken(await freshToken(sessionId), { jwtKey })).o).toMatchObject({ id: beta?.id, slg: beta?.slug });

    for (const target of [outsider?.id, outsider?.slug, "org_doesnotexist"]) {
      const refused = await local(`/sessions/${sessionId}/touch`, { active_organization_id: target });
      expect(refused.status, target).toBe(404);
      expect(refused.json.errors?.[0]?.code).toBe("organization_not_found_or_unauthorized");
    }
    // A refused switch leaves the session where it was.
    expect((await verifyToken(await freshToken(sessionId), { jwtKey })).o).toMatchObject({ id: beta?.id });

    const cleared = await local(`/sessions/${sessionId}/touch`, { active_organization_id: null });
    expect(cleared.json.last_active_organization_id).toBeNull();
    expect(await verifyToken(await freshToken(sessionId), { jwtKey })).not.toHaveProperty("o");
  });

  it("validates its body and only works on active sessions", async () => {
    const { user, orgs } = await memberOf("body");
    const minted = await local("/tokens", { instance: "end-user-api", userId: user.id });
    const sessionId = String(minted.json.session_id);
    const unknown = await local(`/sessions/${sessionId}/touch`, { organization: orgs[0]?.id });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors?.[0]?.code).toBe("form_param_unknown");
    // Without active_organization_id nothing changes.
    expect((await local(`/sessions/${sessionId}/touch`)).json.last_active_organization_id).toBe(orgs[0]?.id);

    await fetch(`${clerk.url}/local/sessions/${sessionId}`, { method: "DELETE" });
    expect((await local(`/sessions/${sessionId}/touch`, { active_organization_id: null })).status).toBe(404);
  });

  it("is where the user's next session starts", async () => {
    const { user, orgs } = await memberOf("older", "newer");
    const first = await local("/tokens", { instance: "end-user-api", userId: user.id });
    await local(`/sessions/${String(first.json.session_id)}/touch`, { active_organization_id: orgs[0]?.id });
    const next = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
    expect((await verifyToken(next, { jwtKey })).o).toMatchObject({ id: orgs[0]?.id });
  });
});

describe("claims follow the organization", () => {
  it("as its slug and the member's role change", async () => {
    const { user, orgs } = await memberOf("moving");
    const org = orgs[0];
    const minted = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId: org?.id });
    const sessionId = String(minted.json.session_id);

    const newSlug = unique("moved");
    await client.organizations.updateOrganization(org?.id ?? "", { slug: newSlug });
    await client.organizations.updateOrganizationMembership({ organizationId: org?.id ?? "", userId: user.id, role: "org:admin" });
    const { claims, orgRole } = await authOf(await freshToken(sessionId));
    expect(claims.o).toEqual({ id: org?.id, slg: newSlug, rol: "admin" });
    expect(orgRole).toBe("org:admin");
  });

  it("and disappear when the membership is removed or the organization deleted, other sessions untouched", async () => {
    const { user, orgs } = await memberOf("removed", "deleted", "kept");
    const [removed, deleted, kept] = orgs;
    const sessions: Record<string, string> = {};
    for (const org of [removed, deleted, kept]) {
      const minted = await local("/tokens", { instance: "end-user-api", userId: user.id, organizationId: org?.id });
      sessions[org?.id ?? ""] = String(minted.json.session_id);
    }

    await client.organizations.deleteOrganizationMembership({ organizationId: removed?.id ?? "", userId: user.id });
    await client.organizations.deleteOrganization(deleted?.id ?? "");

    for (const org of [removed, deleted]) {
      const sessionId = sessions[org?.id ?? ""] ?? "";
      expect(await verifyToken(await freshToken(sessionId), { jwtKey })).not.toHaveProperty("o");
      const info = await fetch(`${clerk.url}/local/sessions/${sessionId}`);
      expect(await info.json()).toMatchObject({ status: "active", last_active_organization_id: null });
    }
    expect((await verifyToken(await freshToken(sessions[kept?.id ?? ""] ?? ""), { jwtKey })).o).toMatchObject({ id: kept?.id });
  });
});
