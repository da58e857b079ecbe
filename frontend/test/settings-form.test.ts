import { describe, expect, it } from "vitest";
import { changeOf, fieldOf, formOf, type SettingsForm } from "../src/lib/settings-form";

const EMPTY: SettingsForm = {
  allowedOrigins: "",
  allowLocalhost: false,
  defaultSuccessUrl: "",
  defaultCancelUrl: "",
  defaultReturnUrl: "",
  displayName: "",
  logoUrl: "",
  accentColor: "",
  supportEmail: "",
  usageAlertThresholds: "",
};

describe("the Settings form", () => {
  it("sends origins one per line, trimmed, and clears empty URLs and brand fields", () => {
    expect(
      changeOf("live", {
        ...EMPTY,
        allowedOrigins: " https://a.example \n\nhttps://b.example\n",
        defaultSuccessUrl: " https://a.example/ok ",
        defaultReturnUrl: "  ",
        displayName: "  Acme AI ",
        accentColor: "#4f46e5",
        supportEmail: " ",
      }),
    ).toEqual({
      mode: "live",
      allowedOrigins: ["https://a.example", "https://b.example"],
      defaultSuccessUrl: "https://a.example/ok",
      defaultCancelUrl: null,
      defaultReturnUrl: null,
      displayName: "Acme AI",
      logoUrl: null,
      accentColor: "#4f46e5",
      supportEmail: null,
      usageAlertThresholds: [],
    });
  });

  it("sends allowLocalhost in test mode only (live mode refuses it)", () => {
    expect(changeOf("test", { ...EMPTY, allowLocalhost: true }).allowLocalhost).toBe(true);
    expect(changeOf("test", EMPTY).allowLocalhost).toBe(false);
    expect(changeOf("live", { ...EMPTY, allowLocalhost: true })).not.toHaveProperty("allowLocalhost");
  });

  it("shows saved settings, and puts an API field error on its field", () => {
    expect(
      formOf({
        mode: "test",
        allowedOrigins: ["http://localhost:3000"],
        allowLocalhost: true,
        defaultSuccessUrl: null,
        defaultCancelUrl: "http://localhost:3000/c",
        defaultReturnUrl: null,
        displayName: "Acme AI",
        logoUrl: null,
        accentColor: "#4f46e5",
        supportEmail: "support@a.example",
        usageAlertThresholds: [0.8, 1],
        updatedAt: null,
      }),
    ).toEqual({
      ...EMPTY,
      allowedOrigins: "http://localhost:3000",
      allowLocalhost: true,
      defaultCancelUrl: "http://localhost:3000/c",
      displayName: "Acme AI",
      accentColor: "#4f46e5",
      supportEmail: "support@a.example",
      usageAlertThresholds: "80, 100",
    });
    expect(fieldOf("allowedOrigins.1")).toBe("allowedOrigins");
    expect(fieldOf("defaultReturnUrl")).toBe("defaultReturnUrl");
    expect(fieldOf("allowLocalhost")).toBe("allowLocalhost");
    expect(fieldOf("accentColor")).toBe("accentColor");
    expect(fieldOf("supportEmail")).toBe("supportEmail");
    expect(fieldOf("usageAlertThresholds.2")).toBe("usageAlertThresholds");
    expect(fieldOf("mode")).toBeUndefined();
    expect(fieldOf("constructor")).toBeUndefined();
    expect(fieldOf(undefined)).toBeUndefined();
  });
});
