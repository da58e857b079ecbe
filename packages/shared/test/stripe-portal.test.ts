/**
 * ensurePortalConfiguration and createPortalSession against an in-memory
 * fake of Stripe's billing-portal resources (the workers' suites run them
 * against the Stripe stand-in): found or made once per account and purpose,
 * remembered per client, and looked up again once when Stripe refuses a
 * remembered id.
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createPortalSession, ensurePortalConfiguration, PORTAL_PLANS_METADATA_KEY, PORTAL_PURPOSE_METADATA_KEY } from "../src/stripe-portal";

interface FakeConfiguration {
  id: string;
  account: string;
  active: boolean;
  metadata: Record<string, string>;
  features: Record<string, unknown>;
}

class FakeStripe {
  configurations: FakeConfiguration[] = [];
  calls = { list: 0, create: 0, update: 0, sessions: 0 };
  private next = 1;

  readonly billingPortal = {
    configurations: {
      list: (params: { active?: boolean }, options: { stripeAccount?: string } = {}) => {
        this.calls.list++;
        const account = options.stripeAccount ?? "platform";
        const found = this.configurations.filter((c) => c.account === account && (params.active === undefined || c.active === params.active));
        return (async function* () {
          yield* found;
        })();
      },
      update: async (id: string, params: { features: Record<string, unknown>; metadata: Record<string, string> }, options: { stripeAccount?: string } = {}) => {
        this.calls.update++;
        const configuration = this.configurations.find((c) => c.id === id && c.account === (options.stripeAccount ?? "platform"));
        if (!configuration) throw Object.assign(new Error(`No such configuration: '${id}'`), { code: "resource_missing" });
        Object.assign(configuration.features, params.features);
        for (const [name, value] of Object.entries(params.metadata)) {
          if (value === "") delete configuration.metadata[name];
          else configuration.metadata[name] = value;
        }
        return configuration;
      },
      create: async (params: { features: Record<string, unknown>; metadata: Record<string, string> }, options: { stripeAccount?: string } = {}) => {
        this.calls.create++;
        const configuration = { id: `bpc_${this.next++}`, account: options.stripeAccount ?? "platform", active: true, metadata: params.metadata, features: params.features };
        this.configurations.push(configuration);
        return configuration;
      },
    },
    sessions: {
      create: async (params: { customer: string; return_url: string; configuration: string }, options: { stripeAccount?: string } = {}) => {
        this.calls.sessions++;
        const account = options.stripeAccount ?? "platform";
        const configuration = this.configurations.find((c) => c.id === params.configuration && c.account === account);
        if (!configuration) throw Object.assign(new Error(`No such configuration: '${params.configuration}'`), { code: "resource_missing", param: "configuration" });
        if (!configuration.active) throw Object.assign(new Error("inactive"), { param: "configuration" });
        return { id: "bps_1", configuration: configuration.id, customer: params.customer, return_url: params.return_url };
      },
    },
  };

  asStripe(): Stripe {
    return this as unknown as Stripe;
  }
}

describe("ensurePortalConfiguration", () => {
  it("makes one configuration per account and purpose, marked with its purpose, and finds it again", async () => {
    const fake = new FakeStripe();
    const stripe = fake.asStripe();
    const platform = await ensurePortalConfiguration(stripe, { purpose: "platform" });
    const endUser = await ensurePortalConfiguration(stripe, { purpose: "end-user", stripeAccount: "acct_1" });
    const platformEndUser = await ensurePortalConfiguration(stripe, { purpose: "end-user" });
    expect(new Set([platform, endUser, platformEndUser]).size).toBe(3);
    expect(fake.configurations.map((c) => [c.account, c.metadata[PORTAL_PURPOSE_METADATA_KEY]])).toEqual([
      ["platform", "platform"],
      ["acct_1", "end-user"],
      ["platform", "end-user"],
    ]);
    expect(fake.configurations[0]?.features).toMatchObject({ subscription_cancel: { enabled: true, mode: "at_period_end" }, invoice_history: { enabled: true } });

    // Remembered: no Stripe call; fresh: listed and found, nothing made.
    const calls = { ...fake.calls };
    expect(await ensurePortalConfiguration(stripe, { purpose: "end-user", stripeAccount: "acct_1" })).toBe(endUser);
    expect(fake.calls).toEqual(calls);
    expect(await ensurePortalConfiguration(stripe, { purpose: "end-user", stripeAccount: "acct_1" }, { fresh: true })).toBe(endUser);
    expect(fake.calls).toEqual({ ...calls, list: calls.list + 1 });
    expect(fake.calls.update).toBe(0);
    // Another isolate (another client) finds what the first made.
    const sibling = Object.assign(new FakeStripe(), { configurations: fake.configurations });
    expect(await ensurePortalConfiguration(sibling.asStripe(), { purpose: "platform" })).toBe(platform);
    expect(sibling.calls.create).toBe(0);
  });

  it("leaves alone configurations it did not make, and inactive ones", async () => {
    const fake = new FakeStripe();
    fake.configurations.push(
      { id: "bpc_owner", account: "acct_1", active: true, metadata: {}, features: {} },
      { id: "bpc_old", account: "acct_1", active: false, metadata: { [PORTAL_PURPOSE_METADATA_KEY]: "end-user" }, features: {} },
    );
    const id = await ensurePortalConfiguration(fake.asStripe(), { purpose: "end-user", stripeAccount: "acct_1" });
    expect(id).not.toBe("bpc_owner");
    expect(id).not.toBe("bpc_old");
    expect(fake.calls.create).toBe(1);
  });
});

describe("plan switching", () => {
  const target = (plans: Array<{ product: string; prices: string[] }>) => ({ purpose: "end-user" as const, stripeAccount: "acct_1", plans });

  it("lists the plans to switch among, and updates the same configuration when they change", async () => {
    const fake = new FakeStripe();
    const stripe = fake.asStripe();
    const id = await ensurePortalConfiguration(stripe, target([{ product: "prod_pro", prices: ["price_pro"] }]));
    expect(fake.configurations[0]?.features["subscription_update"]).toEqual({
      enabled: true,
      default_allowed_updates: ["price"],
      products: [{ product: "prod_pro", prices: ["price_pro"] }],
      proration_behavior: "create_prorations",
    });
    const fingerprint = fake.configurations[0]?.metadata[PORTAL_PLANS_METADATA_KEY];
    expect(fingerprint).toMatch(/^[0-9a-f]{24}$/);

    // The same plans, looked up afresh: found, nothing to change.
    await ensurePortalConfiguration(stripe, target([{ product: "prod_pro", prices: ["price_pro"] }]), { fresh: true });
    expect(fake.calls.update).toBe(0);

    const two = [
      { product: "prod_team", prices: ["price_team"] },
      { product: "prod_pro", prices: ["price_pro"] },
    ];
    expect(await ensurePortalConfiguration(stripe, target(two))).toBe(id);
    expect(fake.calls).toMatchObject({ create: 1, update: 1 });
    expect(fake.configurations[0]?.features["subscription_update"]).toMatchObject({ products: two });
    expect(fake.configurations[0]?.metadata[PORTAL_PLANS_METADATA_KEY]).not.toBe(fingerprint);
    // The same plans in another order: nothing to change.
    await ensurePortalConfiguration(stripe, target([...two].reverse()), { fresh: true });
    expect(fake.calls.update).toBe(1);

    // No plans left: switching off, fingerprint removed.
    expect(await ensurePortalConfiguration(stripe, target([]))).toBe(id);
    expect(fake.configurations[0]?.features["subscription_update"]).toEqual({ enabled: false });
    expect(fake.configurations[0]?.metadata).toEqual({ [PORTAL_PURPOSE_METADATA_KEY]: "end-user" });
  });
});

describe("createPortalSession", () => {
  it("opens the session with the ensured configuration on the target account", async () => {
    const fake = new FakeStripe();
    const session = await createPortalSession(fake.asStripe(), { purpose: "end-user", stripeAccount: "acct_1", customer: "cus_1", returnUrl: "https://app.example/" });
    expect(session).toMatchObject({ customer: "cus_1", return_url: "https://app.example/", configuration: fake.configurations[0]?.id });
    expect(fake.configurations[0]?.account).toBe("acct_1");
  });

  it("looks the configuration up again once when Stripe refuses the remembered one", async () => {
    const fake = new FakeStripe();
    const stripe = fake.asStripe();
    const input = { purpose: "platform" as const, customer: "cus_1", returnUrl: "https://app.example/" };
    const first = await createPortalSession(stripe, input);
    fake.configurations = []; // gone (a reset stand-in, another environment's data)
    const second = await createPortalSession(stripe, input);
    expect(second.configuration).not.toBe(first.configuration);
    expect(fake.calls.sessions).toBe(3);

    const current = fake.configurations[0];
    if (current) current.active = false;
    const third = await createPortalSession(stripe, input);
    expect(third.configuration).not.toBe(second.configuration);
    expect(fake.configurations).toHaveLength(2);
  });

  it("does not retry a refusal that has nothing to do with the configuration", async () => {
    const fake = new FakeStripe();
    const stripe = fake.asStripe();
    await createPortalSession(stripe, { purpose: "platform", customer: "cus_1", returnUrl: "https://app.example/" });
    fake.billingPortal.sessions.create = async () => {
      fake.calls.sessions++;
      throw Object.assign(new Error("No such customer"), { code: "resource_missing", param: "customer" });
    };
    await expect(createPortalSession(stripe, { purpose: "platform", customer: "cus_x", returnUrl: "https://app.example/" })).rejects.toThrow("No such customer");
    expect(fake.calls.sessions).toBe(2);
  });
});
