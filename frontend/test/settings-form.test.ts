import { describe, expect, it } from "vitest";
import { changeOf, fieldOf, formOf } from "../src/lib/settings-form";

describe("the Settings form", () => {
  it("sends origins one per line, trimmed, and clears empty URLs", () => {
    expect(changeOf("live", { allowedOrigins: " https://a.example \n\nhttps://b.example\n", defaultSuccessUrl: " https://a.example/ok ", defaultCancelUrl: "", defaultReturnUrl: "  " })).toEqual({
      mode: "live",
      allowedOrigins: ["https://a.example", "https://b.example"],
      defaultSuccessUrl: "https://a.example/ok",
      defaultCancelUrl: null,
      defaultReturnUrl: null,
    });
  });

  it("shows saved settings, and puts an API field error on its field", () => {
    expect(formOf({ mode: "test", allowedOrigins: ["http://localhost:3000"], defaultSuccessUrl: null, defaultCancelUrl: "http://localhost:3000/c", defaultReturnUrl: null, updatedAt: null })).toEqual({
      allowedOrigins: "http://localhost:3000",
      defaultSuccessUrl: "",
      defaultCancelUrl: "http://localhost:3000/c",
      defaultReturnUrl: "",
    });
    expect(fieldOf("allowedOrigins.1")).toBe("allowedOrigins");
    expect(fieldOf("defaultReturnUrl")).toBe("defaultReturnUrl");
    expect(fieldOf("mode")).toBeUndefined();
    expect(fieldOf(undefined)).toBeUndefined();
  });
});
