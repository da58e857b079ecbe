import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../src/errors";
import { validate } from "../src/validation";

describe("validate", () => {
  const schema = z.strictObject({ userId: z.string().min(1).max(128).optional(), email: z.email().optional() });

  it("answers a value of the wrong type whose checks throw inside zod with 400 invalid_request, not an exception", () => {
    // zod 4 runs `.min()` on the object too, and comparing `{ toString: false }` throws a TypeError.
    const hostile = JSON.parse('{"userId":{"length":{"toString":false}}}');
    expect(() => schema.safeParse(hostile)).toThrow(TypeError);
    let caught: unknown;
    try {
      validate(schema, hostile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe("invalid_request");
    expect((caught as ApiError).status).toBe(400);
  });

  it("names the field of an ordinary invalid value and passes a valid one", () => {
    expect(() => validate(schema, { userId: "" })).toThrow(ApiError);
    expect(validate(schema, { userId: "u1" })).toEqual({ userId: "u1" });
  });
});
