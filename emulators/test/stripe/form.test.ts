import { describe, expect, it } from "vitest";
import { StripeApiError } from "../../src/stripe/errors.js";
import { canonicalForm, decodeForm } from "../../src/stripe/form.js";
import { Params } from "../../src/stripe/params.js";
import { periodBoundary } from "../../src/stripe/periods.js";

describe("decodeForm", () => {
  it("decodes nested hashes, indexed arrays and [] appends like Stripe's encoding", () => {
    const form = decodeForm(
      "mode=subscription&line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price]=price_2" +
        "&metadata[user%20id]=u%261&expand[]=customer&expand[]=subscription&subscription_data[metadata][plan]=pro",
    );
    const params = new Params(form);
    expect(params.string("mode")).toBe("subscription");
    expect(params.list("line_items").map((item) => [item.string("price"), item.integer("quantity")])).toEqual([
      ["price_1", 2],
      ["price_2", undefined],
    ]);
    expect(params.metadata()).toEqual({ "user id": "u&1" });
    expect(params.stringList("expand")).toEqual(["customer", "subscription"]);
    expect(params.child("subscription_data")?.metadata()).toEqual({ plan: "pro" });
  });

  it("reads stripe-node's unencoded brackets and encoded ones alike", () => {
    expect(canonicalForm(decodeForm("a%5Bb%5D=1"))).toBe(canonicalForm(decodeForm("a[b]=1")));
  });

  it("orders array entries by index, not by arrival", () => {
    const params = new Params(decodeForm("items[1][price]=b&items[0][price]=a&items[10][price]=c"));
    expect(params.list("items").map((item) => item.string("price"))).toEqual(["a", "b", "c"]);
  });

  it("rejects a value that is both a string and a hash", () => {
    expect(() => decodeForm("metadata[a]=1&metadata=x")).toThrow(StripeApiError);
  });
});

describe("Params", () => {
  it("merges, deletes and clears metadata as Stripe does", () => {
    const current = { keep: "1", drop: "2" };
    expect(new Params(decodeForm("metadata[drop]=&metadata[add]=3")).metadata(current)).toEqual({ keep: "1", add: "3" });
    expect(new Params(decodeForm("metadata=")).metadata(current)).toEqual({});
    expect(new Params(decodeForm("")).metadata(current)).toBe(current);
  });

  it("reports the full bracketed param name in errors", () => {
    const params = new Params(decodeForm("line_items[0][quantity]=two"));
    const item = params.list("line_items")[0];
    try {
      item?.integer("quantity");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StripeApiError);
      expect((error as StripeApiError).body).toMatchObject({ code: "parameter_invalid_integer", param: "line_items[0][quantity]" });
    }
    expect(() => item?.requiredString("price")).toThrow("Missing required param: line_items[0][price].");
  });

  it("parses booleans strictly", () => {
    expect(new Params(decodeForm("a=true&b=false")).boolean("a")).toBe(true);
    expect(new Params(decodeForm("a=true&b=false")).boolean("b")).toBe(false);
    expect(() => new Params(decodeForm("a=yes")).boolean("a")).toThrow("Invalid boolean: yes");
  });
});

describe("periodBoundary", () => {
  it("clamps monthly periods to the month end and keeps the anchor day", () => {
    const anchor = Date.UTC(2024, 0, 31, 9, 30) / 1000;
    const boundaries = [1, 2, 3].map((n) => new Date(periodBoundary(anchor, "month", 1, n) * 1000).toISOString());
    expect(boundaries).toEqual(["2024-02-29T09:30:00.000Z", "2024-03-31T09:30:00.000Z", "2024-04-30T09:30:00.000Z"]);
    expect(periodBoundary(anchor, "year", 1, 1)).toBe(Date.UTC(2025, 0, 31, 9, 30) / 1000);
    expect(periodBoundary(anchor, "week", 2, 1)).toBe(anchor + 14 * 86_400);
  });
});
