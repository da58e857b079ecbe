/**
 * The whole developer journey, on the real stand-ins: sign in → free → 5
 * metered calls → 6th refused → checkout → webhook → paid → 500 limit →
 * cancel at period end → still paid → period end → free.
 */
import { describe, expect, it } from "vitest";
import {
  advanceSubscription,
  awaitDeliveries,
  clerkPlanOf,
  client,
  createDeveloper,
  deliverAll,
  expectError,
  inboxCursor,
  midMonthClock,
  payCheckout,
  portalAction,
  subscriptionIdFrom,
} from "./harness";

/**
 * Metering counts per calendar month, whatever the Stripe subscription's
 * period: the journey runs at a fixed mid-month instant (harness MID_MONTH),
 * so no month boundary falls between its metered calls, whatever the date.
 */
const call = client(midMonthClock);

describe("developer journey", () => {
  it("goes free → paid → cancels at period end → free, with limits and Clerk following", async () => {
    const dev = await createDeveloper();
    const me = await call("GET", "/me", { token: dev.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ developerId: dev.id, plan: "free", usage: { count: 0, limit: 5, remaining: 5 }, credentials: null, stripe: { connected: false } });

    for (let i = 1; i <= 5; i++) {
      const metered = await call("POST", "/verify-auth", { token: dev.token });
      expect(metered.status).toBe(200);
      expect(metered.body.usage).toMatchObject({ count: i, limit: 5, plan: "free" });
    }
    const refused = await call("POST", "/verify-auth", { token: dev.token });
    expectError(refused, 403, "platform_limit_reached");
    expect(refused.body.usage).toMatchObject({ count: 5, limit: 5, remaining: 0 });
    expect(refused.body.upgrade).toMatchObject({ plan: "paid", limit: 500, checkout: "POST /checkout" });
    expect(refused.body.error.message).toMatch(/\$15\/month/);

    const cursor = await inboxCursor();
    const checkout = await call("POST", "/checkout", { token: dev.token });
    expect(checkout.status).toBe(201);
    expect(checkout.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/cs_/);
    expect(await (await fetch(checkout.body.url)).text()).toContain(dev.email);
    const paid = await payCheckout(checkout.body.url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get("Location")).toContain("/dashboard?checkout=success");
    const deliveries = await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"]);
    await deliverAll(deliveries);

    const afterPay = await call("GET", "/me", { token: dev.token });
    expect(afterPay.body).toMatchObject({ plan: "paid", usage: { count: 5, limit: 500 }, subscription: { status: "active", cancelAtPeriodEnd: false } });
    expect(await clerkPlanOf(dev.id)).toBe("paid");
    const sixth = await call("POST", "/verify-auth", { token: dev.token });
    expect(sixth.body.usage).toMatchObject({ count: 6, limit: 500, remaining: 494, plan: "paid" });

    const portal = await call("POST", "/portal", { token: dev.token });
    expect(portal.status).toBe(201);
    const cancelCursor = await inboxCursor();
    await portalAction(portal.body.url, "cancel_at_period_end");
    await deliverAll(await awaitDeliveries(cancelCursor, ["customer.subscription.updated"]));
    const canceling = await call("GET", "/me", { token: dev.token });
    expect(canceling.body).toMatchObject({ plan: "paid", subscription: { status: "active", cancelAtPeriodEnd: true } });
    expect(canceling.body.subscription.currentPeriodEnd).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await clerkPlanOf(dev.id)).toBe("paid");

    const endCursor = await inboxCursor();
    await advanceSubscription(subscriptionIdFrom(deliveries));
    await deliverAll(await awaitDeliveries(endCursor, ["customer.subscription.deleted"]));
    const ended = await call("GET", "/me", { token: dev.token });
    expect(ended.body).toMatchObject({ plan: "free", usage: { limit: 5 }, subscription: { status: "canceled" } });
    expect(await clerkPlanOf(dev.id)).toBe("free");
    expectError(await call("POST", "/verify-auth", { token: dev.token }), 403, "platform_limit_reached");
  });

  it("refuses a second checkout while paid and a portal before any subscription", async () => {
    const dev = await createDeveloper();
    expectError(await call("POST", "/portal", { token: dev.token }), 404, "no_billing_account");
    const cursor = await inboxCursor();
    const checkout = await call("POST", "/checkout", { token: dev.token });
    await payCheckout(checkout.body.url);
    await deliverAll(await awaitDeliveries(cursor, ["checkout.session.completed"]));
    const second = await call("POST", "/checkout", { token: dev.token });
    expectError(second, 409, "already_subscribed");
    expect(second.body.portalUrl).toMatch(/\/portal\//);
  });

  it("answers 502 stripe_error when Stripe is unreachable", async () => {
    const dev = await createDeveloper();
    const res = await call("POST", "/checkout", { token: dev.token, envOverrides: { STRIPE_API_BASE: "http://127.0.0.1:9" } });
    expectError(res, 502, "stripe_error");
  });
});
