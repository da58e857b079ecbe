/**
 * `branding_settings` on Checkout session create, as stripe-node types it:
 * stored on the session with the account's look for what is not given,
 * refused like Stripe refuses (unknown members, bad colours and enums, a
 * logo without its URL), and shown on the hosted Checkout page.
 */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectedAccount, monthlyPrice, startEmulator, type Harness } from "./harness.js";

let h: Harness;
let account: string;
let price: Stripe.Price;

beforeAll(async () => {
  h = await startEmulator();
  account = await connectedAccount(h.baseUrl, "Dev Shop");
  price = await monthlyPrice(h.stripe, 1500, { stripeAccount: account });
});
afterAll(async () => {
  await h.close();
});

const create = (branding_settings?: Stripe.Checkout.SessionCreateParams.BrandingSettings) =>
  h.stripe.checkout.sessions.create(
    { mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], customer_email: "b@example.com", ...(branding_settings ? { branding_settings } : {}) },
    { stripeAccount: account },
  );

async function refusal(branding: unknown): Promise<Stripe.errors.StripeError> {
  const error = await create(branding as Stripe.Checkout.SessionCreateParams.BrandingSettings).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return error as Stripe.errors.StripeError;
}

describe("branding_settings on a Checkout session", () => {
  it("is stored on the session, the account's look filling what is not given, and retrieved as created", async () => {
    const session = await create({ display_name: "Acme AI", button_color: "#4f46e5", logo: { type: "url", url: "https://app.example/logo.png" } });
    expect(session.branding_settings).toEqual({
      background_color: "#f6f8fa",
      border_style: "rounded",
      button_color: "#4f46e5",
      display_name: "Acme AI",
      font_family: "default",
      icon: null,
      logo: { type: "url", url: "https://app.example/logo.png" },
    });
    expect((await h.stripe.checkout.sessions.retrieve(session.id, {}, { stripeAccount: account })).branding_settings).toEqual(session.branding_settings);

    const named = await create({ border_style: "pill", font_family: "inter", background_color: "" });
    expect(named.branding_settings).toMatchObject({ display_name: "Dev Shop", border_style: "pill", font_family: "inter", background_color: "#f6f8fa", logo: null });
  });

  it("is absent from a session created without it", async () => {
    const session = await create();
    expect(session.branding_settings).toBeUndefined();
    expect(Object.keys(session)).not.toContain("branding_settings");
  });

  it("refuses unknown members, bad colours and enums, and logos Stripe would refuse, naming the param, creating nothing", async () => {
    const before = (await h.stripe.checkout.sessions.list({ limit: 100 }, { stripeAccount: account })).data.length;
    expect(await refusal({ display_name: "Acme", accent: "#4f46e5" })).toMatchObject({
      statusCode: 400,
      code: "parameter_unknown",
      param: "branding_settings[accent]",
      message: "Received unknown parameter: branding_settings[accent]",
    });
    expect(await refusal({ logo: { type: "url", url: "https://app.example/l.png", size: "2" } })).toMatchObject({ code: "parameter_unknown", param: "branding_settings[logo][size]" });
    expect(await refusal({ button_color: "indigo" })).toMatchObject({ param: "branding_settings[button_color]" });
    expect(await refusal({ background_color: "#fff" })).toMatchObject({ param: "branding_settings[background_color]" });
    expect(await refusal({ border_style: "round" })).toMatchObject({ param: "branding_settings[border_style]" });
    expect(await refusal({ font_family: "comic_sans" })).toMatchObject({ param: "branding_settings[font_family]" });
    expect(await refusal({ logo: { url: "https://app.example/l.png" } })).toMatchObject({ code: "parameter_missing", param: "branding_settings[logo][type]" });
    expect(await refusal({ logo: { type: "url" } })).toMatchObject({ code: "parameter_missing", param: "branding_settings[logo][url]" });
    expect(await refusal({ logo: { type: "url", url: "javascript:alert(1)" } })).toMatchObject({ code: "url_invalid", param: "branding_settings[logo][url]" });
    expect(await refusal({ logo: { type: "url", url: "https://app.example/l.png", file: "file_1" } })).toMatchObject({ param: "branding_settings[logo][file]" });
    expect(await refusal({ logo: { type: "file", file: "file_missing" } })).toMatchObject({ code: "resource_missing", param: "branding_settings[logo][file]" });
    expect(await refusal({ logo: { type: "url", url: "https://a.example/l.png" }, icon: { type: "url", url: "https://a.example/i.png" } })).toMatchObject({ param: "branding_settings[icon]" });
    expect(await refusal({ display_name: "" })).toMatchObject({ code: "parameter_invalid_empty", param: "branding_settings[display_name]" });
    expect(await refusal("plain")).toMatchObject({ param: "branding_settings" });
    expect((await h.stripe.checkout.sessions.list({ limit: 100 }, { stripeAccount: account })).data.length).toBe(before);
  });

  it("shows on the hosted Checkout page: display name, logo and button colour; without it, the account's name and look", async () => {
    const branded = await create({ display_name: "Acme <AI>", button_color: "#12ab34", logo: { type: "url", url: "https://app.example/logo.png?a=1&b=2" } });
    const page = await (await fetch(String(branded.url))).text();
    expect(page).toContain("<title>Pay Acme &lt;AI&gt;</title>");
    expect(page).toContain('<img class="logo" src="https://app.example/logo.png?a=1&amp;b=2" alt="Acme &lt;AI&gt;">');
    expect(page).toContain('<button type="submit" style="background:#12ab34">');
    expect(page).not.toContain("Dev Shop");

    const plain = await create();
    const plainPage = await (await fetch(String(plain.url))).text();
    expect(plainPage).toContain("Dev Shop");
    expect(plainPage).not.toContain('class="logo"');
    expect(plainPage).toContain('<button type="submit">');
  });
});
