import { createClerkClient, verifyToken } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningClerk, startClerk } from "./helpers.js";

const DASHBOARD = "http://localhost:5173/auth/callback";

let clerk: RunningClerk;

beforeAll(async () => {
  clerk = await startClerk();
});
afterAll(() => clerk.close());

function get(path: string) {
  return clerk.emulator.app.fetch(new Request(`${clerk.url}${path}`));
}

function postForm(path: string, fields: Record<string, string>) {
  return clerk.emulator.app.fetch(new Request(`${clerk.url}${path}`, { method: "POST", body: new URLSearchParams(fields) }));
}

/** Reads `#__clerk_session=…&__session=…` off a sign-in redirect. */
function sessionFromRedirect(res: Response): { location: URL; sessionId: string; jwt: string } {
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location") ?? "");
  const hash = new URLSearchParams(location.hash.slice(1));
  return { location, sessionId: hash.get("__clerk_session") ?? "", jwt: hash.get("__session") ?? "" };
}

describe("sign-in and sign-up pages", () => {
  it("render a labelled, mobile-ready form that keeps instance and redirect", async () => {
    const res = await get(`/sign-up?redirect_url=${encodeURIComponent(DASHBOARD)}&instance=dream-api`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<input id="email" name="email" type="email"');
    expect(html).toContain('<label for="first_name">');
    expect(html).toContain('<form method="post" action="/sign-up">');
    expect(html).toContain(`name="redirect_url" value="${DASHBOARD}"`);
    expect(html).toContain('name="instance" value="dream-api"');
  });

  it("sign-up creates the user and redirects with a session and a valid token", async () => {
    const res = await postForm("/sign-up", { email: "New.Dev@example.com", first_name: "Nia", redirect_url: DASHBOARD, instance: "dream-api" });
    const { location, sessionId, jwt } = sessionFromRedirect(res);
    expect(`${location.origin}${location.pathname}`).toBe(DASHBOARD);
    expect(sessionId).toMatch(/^sess_/);

    const claims = await verifyToken(jwt, { jwtKey: clerk.emulator.instance("dream-api").jwtKeyPem, authorizedParties: ["http://localhost:5173"] });
    expect(claims).toMatchObject({ sid: sessionId, plan: "free" });

    const client = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
    const user = await client.users.getUser(claims.sub);
    expect(user.primaryEmailAddress?.emailAddress).toBe("new.dev@example.com");
    expect(user.firstName).toBe("Nia");
    expect(user.lastSignInAt).not.toBeNull();
  });

  it("end-user sign-up makes a person with no metadata and no organization, whatever else the form sends", async () => {
    const res = await postForm("/sign-up", {
      email: "buyer@example.com",
      redirect_url: "https://app.example.com/",
      instance: "end-user-api",
      publishable_key: "pk_test_dev1",
    });
    const { jwt } = sessionFromRedirect(res);
    const claims = await verifyToken(jwt, { jwtKey: clerk.emulator.instance("end-user-api").jwtKeyPem });
    expect(claims).toMatchObject({ azp: "https://app.example.com" });
    expect(claims).not.toHaveProperty("publishableKey");
    expect(claims).not.toHaveProperty("o");
    const client = createClerkClient({ secretKey: clerk.emulator.instance("end-user-api").secretKey, apiUrl: clerk.url });
    expect((await client.users.getUser(claims.sub)).publicMetadata).toEqual({});
  });

  it("sign-in finds an existing user by email, case-insensitively", async () => {
    const user = await clerk.emulator.createUser("dream-api", { email: "returning@example.com" });
    const { jwt } = sessionFromRedirect(await postForm("/sign-in", { email: "Returning@Example.com", redirect_url: DASHBOARD }));
    expect((await verifyToken(jwt, { jwtKey: clerk.emulator.instance("dream-api").jwtKeyPem })).sub).toBe(user.id);
  });

  it("shows readable errors on the form for unknown or taken emails", async () => {
    const unknown = await postForm("/sign-in", { email: "ghost@example.com", redirect_url: DASHBOARD });
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain("Couldn&#39;t find your account.");
    expect(unknownHtml).toContain('value="ghost@example.com"');

    await clerk.emulator.createUser("dream-api", { email: "taken@example.com" });
    const taken = await postForm("/sign-up", { email: "taken@example.com", redirect_url: DASHBOARD });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("That email address is taken. Please try another.");
  });

  it("refuses non-http(s) or missing redirects and unknown instances with an error page", async () => {
    for (const path of ["/sign-in?redirect_url=javascript%3Aalert(1)", "/sign-in", `/sign-in?redirect_url=${encodeURIComponent(DASHBOARD)}&instance=other-app`]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.text()).not.toContain("<form");
    }
    const posted = await postForm("/sign-up", { email: "x@example.com", redirect_url: "ftp://example.com" });
    expect(posted.status).toBe(400);
  });

  it("escapes what it echoes back", async () => {
    const res = await postForm("/sign-in", { email: '"><script>x</script>', redirect_url: DASHBOARD });
    const html = await res.text();
    expect(html).not.toContain("<script>x</script>");
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"');
  });
});

describe("the organization a page names", () => {
  const PRICING = "https://pricing.example.com/p/acme";
  const endUserClient = () => createClerkClient({ secretKey: clerk.emulator.instance("end-user-api").secretKey, apiUrl: clerk.url });
  const claimsOf = (jwt: string) => verifyToken(jwt, { jwtKey: clerk.emulator.instance("end-user-api").jwtKeyPem });

  it("shows the organization and keeps its id through the form and the sign-in/sign-up switch", async () => {
    const org = await endUserClient().organizations.createOrganization({ name: "Acme Pricing", slug: "acme-pricing" });
    const res = await get(`/sign-in?redirect_url=${encodeURIComponent(PRICING)}&instance=end-user-api&organization_id=acme-pricing`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("to continue to <strong>Acme Pricing</strong>");
    expect(html).toContain(`name="organization_id" value="${org.id}"`);
    expect(html).toContain(`organization_id=${org.id}`);

    const unknown = await get(`/sign-in?redirect_url=${encodeURIComponent(PRICING)}&instance=end-user-api&organization_id=org_nope`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).not.toContain("<form");
  });

  it("becomes active when the user is a member", async () => {
    const client = endUserClient();
    const user = await client.users.createUser({ emailAddress: ["member.page@example.com"] });
    const [first, named] = [await client.organizations.createOrganization({ name: "First" }), await client.organizations.createOrganization({ name: "Named" })];
    await client.organizations.createOrganizationMembership({ organizationId: named.id, userId: user.id, role: "org:member" });
    // Joined last: where a session would start without the page naming one.
    await client.organizations.createOrganizationMembership({ organizationId: first.id, userId: user.id, role: "org:member" });

    const { jwt, sessionId } = sessionFromRedirect(await postForm("/sign-in", { email: "member.page@example.com", redirect_url: PRICING, instance: "end-user-api", organization_id: named.id }));
    expect((await claimsOf(jwt)).o).toEqual({ id: named.id, slg: named.slug, rol: "member" });
    expect(await (await fetch(`${clerk.url}/local/sessions/${sessionId}`)).json()).toMatchObject({ last_active_organization_id: named.id });
  });

  it("is never activated for a non-member: sign-up or sign-in starts where any new session would", async () => {
    const client = endUserClient();
    const named = await client.organizations.createOrganization({ name: "Not yours" });
    const signedUp = sessionFromRedirect(await postForm("/sign-up", { email: "newcomer@example.com", redirect_url: PRICING, instance: "end-user-api", organization_id: named.id }));
    expect(await claimsOf(signedUp.jwt)).not.toHaveProperty("o");

    const user = await client.users.createUser({ emailAddress: ["elsewhere@example.com"] });
    const own = await client.organizations.createOrganization({ name: "Own" });
    await client.organizations.createOrganizationMembership({ organizationId: own.id, userId: user.id, role: "org:member" });
    const signedIn = sessionFromRedirect(await postForm("/sign-in", { email: "elsewhere@example.com", redirect_url: PRICING, instance: "end-user-api", organization_id: named.id }));
    expect((await claimsOf(signedIn.jwt)).o).toMatchObject({ id: own.id });
    // Nothing was joined on the way.
    expect((await client.organizations.getOrganizationMembershipList({ organizationId: named.id })).totalCount).toBe(0);
  });
});

describe("local session endpoints", () => {
  it("refreshes tokens with current metadata, then stops after sign-out", async () => {
    const { sessionId, jwt } = sessionFromRedirect(await postForm("/sign-up", { email: "upgrader@example.com", redirect_url: DASHBOARD }));
    const jwtKey = clerk.emulator.instance("dream-api").jwtKeyPem;
    const userId = (await verifyToken(jwt, { jwtKey })).sub;

    const info = await fetch(`${clerk.url}/local/sessions/${sessionId}`, { headers: { origin: "http://localhost:5173" } });
    expect(info.headers.get("access-control-allow-origin")).toBe("*");
    expect(await info.json()).toMatchObject({ id: sessionId, user_id: userId, instance: "dream-api", status: "active" });

    const client = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
    await client.users.updateUserMetadata(userId, { publicMetadata: { plan: "paid" } });

    const refreshed = await fetch(`${clerk.url}/local/sessions/${sessionId}/tokens`, { method: "POST" });
    expect(refreshed.status).toBe(200);
    const { jwt: fresh } = (await refreshed.json()) as { jwt: string };
    expect(await verifyToken(fresh, { jwtKey })).toMatchObject({ sub: userId, sid: sessionId, plan: "paid" });

    const signOut = await fetch(`${clerk.url}/local/sessions/${sessionId}`, { method: "DELETE" });
    expect(await signOut.json()).toMatchObject({ id: sessionId, status: "ended" });

    const after = await fetch(`${clerk.url}/local/sessions/${sessionId}/tokens`, { method: "POST" });
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ errors: [{ code: "resource_not_found" }] });
  });

  it("answers CORS preflight and 404s unknown sessions", async () => {
    const preflight = await fetch(`${clerk.url}/local/sessions/sess_x/tokens`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");

    const res = await fetch(`${clerk.url}/local/sessions/sess_unknown`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: [{ code: "resource_not_found" }] });
  });

  it("ends a user's sessions when the user is deleted", async () => {
    const user = await clerk.emulator.createUser("dream-api", { email: "leaver@example.com" });
    const { sessionId } = sessionFromRedirect(await postForm("/sign-in", { email: "leaver@example.com", redirect_url: DASHBOARD }));
    const client = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
    await client.users.deleteUser(user.id);
    expect(await (await fetch(`${clerk.url}/local/sessions/${sessionId}`)).json()).toMatchObject({ status: "ended" });
    expect((await fetch(`${clerk.url}/local/sessions/${sessionId}/tokens`, { method: "POST" })).status).toBe(404);
  });

  it("GET /health", async () => {
    const res = await get("/health");
    expect(await res.json()).toEqual({ ok: true, service: "clerk-stand-in" });
  });
});
