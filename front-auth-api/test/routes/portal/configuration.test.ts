/**
 * The developers' portal opens with dream-api's "platform" configuration on
 * the platform's own account — made by the deploy's provider setup in
 * production, and on first use on a stand-in that has none — so it offers
 * what that configuration does: cancel at period end, not at once.
 */
import { PORTAL_PURPOSE_METADATA_KEY } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, createDeveloper, deliverAll, inboxCursor, payCheckout, standInStripe } from "../../harness";

describe("POST /portal", () => {
  it("opens with dream-api's platform configuration: invoices, cancel at period end only", async () => {
    const dev = await createDeveloper();
    await call("GET", "/me", { token: dev.token });
    const cursor = await inboxCursor();
    const checkout = await call("POST", "/checkout", { token: dev.token });
    await payCheckout(checkout.body.url);
    await deliverAll(await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"]));

    const portal = await call("POST", "/portal", { token: dev.token });
    expect(portal.status).toBe(201);
    const configurations = (await standInStripe().billingPortal.configurations.list({ active: true, limit: 100 })).data.filter(
      (configuration) => configuration.metadata?.[PORTAL_PURPOSE_METADATA_KEY] === "platform",
    );
    expect(configurations.length).toBeGreaterThan(0);
    for (const configuration of configurations) expect(configuration.features.subscription_cancel).toMatchObject({ enabled: true, mode: "at_period_end" });
    const page = await (await fetch(portal.body.url)).text();
    expect(page).toContain("Cancel at period end");
    expect(page).not.toContain("Cancel now");
    expect(page).toContain('aria-label="Invoice history"');
  });
});
