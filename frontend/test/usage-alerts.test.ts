/** Settings' usage alerts: percentages in the form, fractions in `usageAlertThresholds`. */
import { describe, expect, it } from "vitest";
import { changeOf, formOf, validateForm, type SettingsForm } from "../src/lib/settings-form";
import { describeThresholds, formatThresholds, parseThresholds } from "../src/lib/usage-alerts";

describe("usage-alert thresholds", () => {
  it("reads whole percentages as ascending fractions", () => {
    expect(parseThresholds("80, 100")).toEqual({ ok: true, fractions: [0.8, 1] });
    expect(parseThresholds(" 100,80 ")).toEqual({ ok: true, fractions: [0.8, 1] });
    expect(parseThresholds("50% 75%;90 ,100")).toEqual({ ok: true, fractions: [0.5, 0.75, 0.9, 1] });
    expect(parseThresholds("1")).toEqual({ ok: true, fractions: [0.01] });
    expect(parseThresholds("7, 29, 57")).toEqual({ ok: true, fractions: [0.07, 0.29, 0.57] });
  });

  it("reads an empty field as alerts off", () => {
    expect(parseThresholds("")).toEqual({ ok: true, fractions: [] });
    expect(parseThresholds(" , ")).toEqual({ ok: true, fractions: [] });
    expect(describeThresholds([])).toMatch(/Usage alerts are off/);
  });

  it("refuses values outside 1–100, fractions of a percent and words", () => {
    for (const text of ["0", "101", "80, 150", "-5"]) expect(parseThresholds(text)).toMatchObject({ ok: false, error: expect.stringMatching(/from 1 to 100/) });
    for (const text of ["0.8", "80.5", "eighty", "80,abc"]) expect(parseThresholds(text)).toMatchObject({ ok: false, error: expect.stringMatching(/not a whole percentage/) });
  });

  it("refuses repeats and more than 5 thresholds", () => {
    expect(parseThresholds("80, 80")).toEqual({ ok: false, error: "80 % is listed twice: each threshold once." });
    expect(parseThresholds("80, 080")).toMatchObject({ ok: false });
    expect(parseThresholds("10, 20, 30, 40, 50")).toMatchObject({ ok: true });
    expect(parseThresholds("10, 20, 30, 40, 50, 60")).toEqual({ ok: false, error: "At most 5 thresholds (you listed 6)." });
  });

  it("shows saved fractions as percentages, and describes them", () => {
    expect(formatThresholds([0.8, 1])).toBe("80, 100");
    expect(formatThresholds([0.07, 0.29])).toBe("7, 29");
    expect(formatThresholds([])).toBe("");
    expect(describeThresholds([0.5, 0.8, 1])).toContain("50 %, 80 % and 100 %");
    expect(describeThresholds([1])).toContain("reaches 100 % of");
  });
});

describe("the Settings form's usage alerts", () => {
  const form: SettingsForm = formOf({
    mode: "live",
    allowedOrigins: [],
    allowLocalhost: false,
    defaultSuccessUrl: null,
    defaultCancelUrl: null,
    defaultReturnUrl: null,
    displayName: null,
    logoUrl: null,
    accentColor: null,
    supportEmail: null,
    usageAlertThresholds: [0.8, 1],
    updatedAt: null,
  });

  it("round-trips the saved thresholds", () => {
    expect(form.usageAlertThresholds).toBe("80, 100");
    expect(changeOf("live", form).usageAlertThresholds).toEqual([0.8, 1]);
  });

  it("sends [] (alerts off) for an empty field", () => {
    expect(changeOf("live", { ...form, usageAlertThresholds: "" }).usageAlertThresholds).toEqual([]);
  });

  it("stops an invalid field before sending, and never sends it", () => {
    expect(validateForm(form)).toEqual({});
    expect(validateForm({ ...form, usageAlertThresholds: "80, 120" })).toEqual({ usageAlertThresholds: "120 % is out of range: each threshold is from 1 to 100 %." });
    expect(changeOf("live", { ...form, usageAlertThresholds: "80, 120" })).not.toHaveProperty("usageAlertThresholds");
  });
});
