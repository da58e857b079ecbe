import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, CONNECT_SECRET, postForm, startEmulator, startReceiver, stripeClient, type Harness, type Receiver } from "./harness.js";

const CLIENT_ID = "ca_local_dreamapi";
const REDIRECT = "https://oauth-api.example/connect/callback";

let h: Harness;
let hook: Receiver;

beforeEach(async () => {
  hook = await startReceiver(CONNECT_SECRET);
  h = await startEmulator({ webhookEndpoints: [{ url: hook.url, secret: CONNECT_SECRET, connect: true }] });
});
afterEach(async () => {
  await h.close();
  await hook.close();
});

function authorizeUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, scope: "read_write", redirect_uri: REDIRECT, state: "st_123", ...params });
  return `${h.baseUrl}/oauth/authorize?${query.toString()}`;
}

const FORM = { client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: "read_write", state: "st_123" };

async function approve(fields: Record<string, string> = {}): Promise<URL> {
  const response = await postForm(`${h.baseUrl}/oauth/authorize`, { ...FORM, decision: "approve", ...fields });
  expect(response.status).toBe(302);
  return new URL(String(response.headers.get("location")));
}

describe("Connect OAuth", () => {
  it("shows the authorize page with Approve and Deny", async () => {
    const response = await fetch(authorizeUrl());
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="approve"');
    expect(html).toContain('value="deny"');
    expect(html).toContain('name="state" value="st_123"');
    expect(html).toContain('<meta name="viewport"');
  });

  it("approves, exchanges the code once, and the token acts as the account", async () => {
    const redirect = await approve({ business_name: "Ada's Shop", email: "ada@shop.example" });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get("state")).toBe("st_123");
    const code = String(redirect.searchParams.get("code"));
    expect(code).toMatch(/^ac_/);

    const token = await h.stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token).toMatchObject({ token_type: "bearer", scope: "read_write", livemode: false });
    expect(token.stripe_user_id).toMatch(/^acct_/);
    expect(token.access_token).toMatch(/^sk_test_/);
    expect(token.refresh_token).toBeTruthy();
    expect(token.stripe_publishable_key).toMatch(/^pk_test_/);

    const account = await h.stripe.accounts.retrieve(String(token.stripe_user_id));
    expect(account.business_profile?.name).toBe("Ada's Shop");
    expect(account.email).toBe("ada@shop.example");

    const asAccount = stripeClient(h.port, String(token.access_token));
    const product = await asAccount.products.create({ name: "Via token" });
    const viaHeader = await h.stripe.products.retrieve(product.id, {}, { stripeAccount: String(token.stripe_user_id) });
    expect(viaHeader.name).toBe("Via token");

    const reused = await h.stripe.oauth.token({ grant_type: "authorization_code", code }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    expect(reused).toMatchObject({ statusCode: 400, message: `Authorization code already used: ${code}` });

    await h.emulator.idle();
    expect(hook.events.map((e) => [e.type, e.account])).toEqual([
      ["account.application.authorized", token.stripe_user_id],
      ["product.created", token.stripe_user_id],
    ]);
  });

  it("answers invalid_grant for an unknown code, in OAuth's error shape", async () => {
    const error = await h.stripe.oauth.token({ grant_type: "authorization_code", code: "ac_bogus" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    const raw = await fetch(`${h.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=authorization_code&code=ac_bogus",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: "invalid_grant", error_description: "Authorization code does not exist: ac_bogus" });
  });

  it("reuses an existing account on the account field", async () => {
    const first = await approve();
    const firstToken = await h.stripe.oauth.token({ grant_type: "authorization_code", code: String(first.searchParams.get("code")) });
    const second = await approve({ account: String(firstToken.stripe_user_id) });
    const secondToken = await h.stripe.oauth.token({ grant_type: "authorization_code", code: String(second.searchParams.get("code")) });
    expect(secondToken.stripe_user_id).toBe(firstToken.stripe_user_id);
    const page = await (await fetch(authorizeUrl())).text();
    expect(page).toContain(`value="${String(firstToken.stripe_user_id)}"`);
  });

  it("deny redirects with access_denied and the state", async () => {
    const response = await postForm(`${h.baseUrl}/oauth/authorize`, { ...FORM, decision: "deny" });
    expect(response.status).toBe(302);
    const location = new URL(String(response.headers.get("location")));
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("st_123");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("shows an error page for a wrong client_id, without redirecting", async () => {
    const response = await fetch(authorizeUrl({ client_id: "ca_wrong" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ca_wrong");
    const posted = await postForm(`${h.baseUrl}/oauth/authorize`, { ...FORM, client_id: "ca_wrong", decision: "approve" });
    expect(posted.status).toBe(400);
    expect(posted.headers.get("location")).toBeNull();
  });

  it("deauthorizes: event to connect endpoints, then the account refuses access", async () => {
    const redirect = await approve();
    const token = await h.stripe.oauth.token({ grant_type: "authorization_code", code: String(redirect.searchParams.get("code")) });
    const accountId = String(token.stripe_user_id);

    const result = await h.stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId });
    expect(result.stripe_user_id).toBe(accountId);

    await h.emulator.idle();
    const event = hook.events.find((e) => e.type === "account.application.deauthorized");
    expect(event?.account).toBe(accountId);
    expect(event?.data.object).toMatchObject({ object: "application", id: CLIENT_ID });

    const refused = await h.stripe.customers.list({}, { stripeAccount: accountId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripePermissionError);
    const tokenRefused = await stripeClient(h.port, String(token.access_token))
      .customers.list()
      .catch((e: unknown) => e);
    expect(tokenRefused).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);

    const twice = await h.stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId }).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
    const wrongClient = await h.stripe.oauth.deauthorize({ client_id: "ca_other", stripe_user_id: accountId }).catch((e: unknown) => e);
    expect(wrongClient).toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
  });
});
