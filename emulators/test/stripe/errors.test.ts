import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStripeEmulator } from "../../src/stripe/index.js";
import { startEmulator, stripeClient, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator({ secretKeys: ["sk_test_good"] });
  h.stripe = stripeClient(h.port, "sk_test_good");
});
afterEach(() => h.close());

describe("Stripe-shaped errors", () => {
  it("401 for a wrong or missing API key", async () => {
    const wrong = await stripeClient(h.port, "sk_test_wrong")
      .customers.list()
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(wrong).toMatchObject({ statusCode: 401, rawType: "invalid_request_error" });
    expect((wrong as Error).message).toMatch(/^Invalid API Key provided: sk_test_\*+rong$/);

    const none = await fetch(`${h.baseUrl}/v1/customers`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain("You did not provide an API key");
  });

  it("accepts only the configured keys: a well-formed key of either mode that is not one of them is a 401", async () => {
    const configured = await startEmulator({ secretKeys: ["sk_test_good", "sk_live_good"] });
    try {
      await expect(stripeClient(configured.port, "sk_live_good").customers.list()).resolves.toMatchObject({ object: "list" });
      for (const key of ["sk_live_anything", "sk_test_anything", "pk_test_public", "rk_test_restricted"]) {
        const refused = await stripeClient(configured.port, key)
          .customers.list()
          .catch((e: unknown) => e);
        expect(refused, key).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      }
    } finally {
      await configured.close();
    }
  });

  it("will not start without the platform's keys", () => {
    expect(() => createStripeEmulator({ publicUrl: "http://127.0.0.1", secretKeys: [] })).toThrow(/secretKeys/);
    expect(() => createStripeEmulator({ publicUrl: "http://127.0.0.1", secretKeys: ["pk_test_public"] })).toThrow(/secretKeys/);
  });

  it("404 for a URL it does not implement, saying so with the method, for Stripe's endpoints too", async () => {
    const cases: Array<[string, string]> = [
      ["GET", "/v1/nothing_here"],
      ["GET", "/v1/charges"], // a Stripe endpoint the stand-in lacks
      ["GET", "/v1/charges/search"],
      ["DELETE", "/v1/customers/cus_123"], // a Stripe method on a path the stand-in serves otherwise
      ["PUT", "/v1/customers"],
    ];
    for (const [method, path] of cases) {
      const response = await fetch(`${h.baseUrl}${path}`, { method, headers: { authorization: "Bearer sk_test_good" } });
      expect(response.status, `${method} ${path}`).toBe(404);
      const { error } = (await response.json()) as { error: Record<string, string> };
      expect(error).toMatchObject({ type: "invalid_request_error" });
      expect(error.message).toBe(
        `Unrecognized request URL (${method}: ${path}). The local Stripe stand-in does not implement this endpoint; it implements those listed in emulators/src/stripe/README.md (Stripe's are at https://stripe.com/docs/api).`,
      );
    }
    const viaClient = await h.stripe.charges.list().catch((e: unknown) => e);
    expect(viaClient).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(viaClient).toMatchObject({ statusCode: 404, message: expect.stringContaining("(GET: /v1/charges). The local Stripe stand-in does not implement this endpoint") });
  });

  it("checkout sessions have no search on Stripe: /search is a session id there, and here", async () => {
    const error = await h.stripe.checkout.sessions.retrieve("search").catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such checkout.session: 'search'" });
  });

  it("400 parameter_missing with the param, and bad types", async () => {
    const missing = await h.stripe.prices.create({ product_data: { name: "x" }, unit_amount: 100 } as Stripe.PriceCreateParams).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "currency", message: "Missing required param: currency." });

    const notInteger = await h.stripe.prices.create({ product_data: { name: "x" }, currency: "usd", unit_amount: "ten" as unknown as number }).catch((e: unknown) => e);
    expect(notInteger).toMatchObject({ statusCode: 400, code: "parameter_invalid_integer", param: "unit_amount" });

    const badLimit = await h.stripe.customers.list({ limit: 500 }).catch((e: unknown) => e);
    expect(badLimit).toMatchObject({ statusCode: 400, param: "limit" });
  });

  it("404 resource_missing for unknown ids on every resource", async () => {
    const calls: Array<Promise<unknown>> = [
      h.stripe.customers.retrieve("cus_missing"),
      h.stripe.products.retrieve("prod_missing"),
      h.stripe.checkout.sessions.retrieve("cs_test_missing"),
      h.stripe.subscriptions.retrieve("sub_missing"),
      h.stripe.subscriptions.cancel("sub_missing"),
      h.stripe.invoices.retrieve("in_missing"),
      h.stripe.paymentIntents.retrieve("pi_missing"),
    ];
    for (const call of calls) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
    }
  });

  it("answers malformed form bodies with 400, not a crash", async () => {
    const response = await fetch(`${h.baseUrl}/v1/customers`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_good", "content-type": "application/x-www-form-urlencoded" },
      body: "metadata=x&metadata[a]=b",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", param: "metadata[a]" } });
  });

  it("serves /health without a key", async () => {
    const response = await fetch(`${h.baseUrl}/health`);
    expect(await response.json()).toEqual({ ok: true, service: "stripe-stand-in" });
  });
});
