/**
 * The document's `webhooks` are the event catalog (src/events/catalog.ts):
 * one signed POST per event type, whose body is the envelope with that
 * type's `data`, and the reference page shows each. (Their examples are
 * checked against their schemas, in Node, by sdk/test/openapi.test.ts.)
 */
import type { OpenApiDocument } from "@dream-api/shared/openapi";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_DATA, WEBHOOK_EVENT_TYPES } from "../src/events/catalog";
import { eventModelName } from "../src/openapi/webhooks";
import { call } from "./harness";

async function fetchDocument(): Promise<OpenApiDocument> {
  const result = await call("GET", "/openapi.json");
  expect(result.status).toBe(200);
  return result.body as OpenApiDocument;
}

describe("GET /openapi.json: webhooks", () => {
  it("has one webhook per event type of the catalog, in its order", async () => {
    const document = await fetchDocument();
    expect(Object.keys(document.webhooks ?? {})).toEqual(WEBHOOK_EVENT_TYPES);
  });

  it("documents each as a POST of the signed envelope, with the Standard Webhooks headers and a 2XX answer", async () => {
    const document = await fetchDocument();
    for (const type of WEBHOOK_EVENT_TYPES) {
      const post = document.webhooks?.[type]?.post;
      expect(post, type).toBeDefined();
      expect(post!.parameters.map(({ name, in: location, required }) => [name, location, required])).toEqual([
        ["webhook-id", "header", true],
        ["webhook-timestamp", "header", true],
        ["webhook-signature", "header", true],
      ]);
      expect(Object.keys(post!.responses)).toEqual(["2XX"]);
      const body = post!.requestBody.content["application/json"]!;
      const name = eventModelName(type);
      expect(body.schema).toEqual({ $ref: `#/components/schemas/${name}` });
      const model = document.components.schemas[name] as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
      expect(model.required).toEqual(["id", "type", "createdAt", "mode", "data"]);
      expect(model.additionalProperties).toBe(false);
      expect(model.properties["type"]).toMatchObject({ const: type });
      expect(model.properties["mode"]).toMatchObject({ enum: ["test", "live"] });
      expect(Object.keys(model.properties["data"]?.["properties"] as object)).toEqual(Object.keys(WEBHOOK_EVENT_DATA[type].shape));
      expect(body.example).toMatchObject({ type, data: expect.any(Object) });
      expect(WEBHOOK_EVENT_DATA[type].safeParse((body.example as { data: unknown }).data).success, `${type}'s example data`).toBe(true);
    }
  });

  it("names the envelopes after their types", () => {
    expect(eventModelName("usage.threshold_reached")).toBe("UsageThresholdReachedEvent");
    expect(eventModelName("ping")).toBe("PingEvent");
  });
});

describe("GET /docs: events", () => {
  it("shows every webhook", async () => {
    const page = await call("GET", "/docs");
    const html = page.body as string;
    for (const type of WEBHOOK_EVENT_TYPES) expect(html).toContain(`id="webhook-${type}"`);
  });
});
