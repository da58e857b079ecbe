/** checkout.create and portal.create against api-multi and the Stripe stand-in. */
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../src/index.js";
import { client, rejectionOf, stack, uniqueId } from "./support/stack.js";

const dream = client();

describe("checkout", () => {
  it("creates a Checkout session for a paid tier on the connected account", async () => {
    const userId = uniqueId("buyer");
    await dream.customers.create({ userId, email: `${userId}@example.com` });
    const session = await dream.checkout.create({ userId, tier: "pro", successUrl: "https://app.example.com/thanks", cancelUrl: "https://app.example.com/pricing" });
    expect(session.mode).toBe("test");
    expect(session.id).toMatch(/^cs_/);
    expect(session.url).toContain(session.id);
    // The hosted page the URL points at exists on the stand-in.
    expect((await fetch(session.url)).status).toBe(200);
  });

  it("maps an unknown tier, a free tier and a sold-out tier to their errors", async () => {
    const userId = uniqueId("buyer");
    await dream.customers.create({ userId, email: `${userId}@example.com` });
    const unknown = await rejectionOf(dream.checkout.create({ userId, tier: "platinum" }));
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown).toMatchObject({ code: "unknown_tier", param: "tier" });
    expect(await rejectionOf(dream.checkout.create({ userId, tier: "free" }))).toMatchObject({ status: 400, param: "tier" });
    const soldOut = await rejectionOf(dream.checkout.create({ userId, tier: "lifetime" }));
    expect(soldOut).toBeInstanceOf(ConflictError);
    expect(soldOut).toMatchObject({ status: 409, code: "sold_out", param: "tier" });
    const badUrl = await rejectionOf(dream.checkout.create({ userId, tier: "pro", successUrl: "ftp://example.com" }));
    expect(badUrl).toMatchObject({ status: 400, param: "successUrl" });
  });

  it("maps checkout for an unknown customer to NotFoundError", async () => {
    const error = await rejectionOf(dream.checkout.create({ userId: uniqueId("ghost"), tier: "pro" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "customer_not_found" });
  });
});

describe("portal", () => {
  it("opens the billing portal of a paying customer", async () => {
    const portal = await dream.portal.create({ userId: stack.paidUserId, returnUrl: "https://app.example.com/account" });
    expect(portal.mode).toBe("test");
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\//);
    expect(Object.keys(portal).sort()).toEqual(["mode", "url"]);
  });

  it("maps a customer who never paid to NotFoundError no_billing_account", async () => {
    const userId = uniqueId("unpaid");
    await dream.usage.track({ userId });
    const error = await rejectionOf(dream.portal.create({ userId }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "no_billing_account" });
  });
});
