/**
 * The Webhooks page's rules and pieces, rendered to HTML without a browser:
 * the signing secret shown once (after create or rotate) and never in the
 * list, the "failing" notice, the endpoint form's body and checks.
 */
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { developerApi } from "../src/api/developer-api";
import type { WebhookEndpoint } from "../src/api/models";
import { config } from "../src/config";
import { EndpointSummary, SecretReveal } from "../src/pages/dashboard/webhook-parts";
import {
  deliveryLabel,
  endpointFieldOf,
  endpointFormOf,
  endpointInput,
  endpointState,
  eventFiltersFrom,
  eventQuery,
  eventsLabel,
  FAILING_NOTICE,
  NEW_ENDPOINT,
  SUBSCRIBABLE_EVENT_TYPES,
  validateEndpointForm,
  withEventFilters,
} from "../src/lib/webhooks";
import { html, text } from "./support/markup";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

const endpoint = (overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: "we_1",
  url: "https://api.example.com/hooks",
  description: "Production backend",
  events: null,
  enabled: true,
  disabledReason: null,
  failingSince: null,
  secretPrefix: "whsec_MfKQ",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

describe("the signing secret", () => {
  beforeEach(() => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ endpoint: endpoint(), secret: SECRET, mode: "test" }), { status: 201, headers: { "Content-Type": "application/json" } })),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it("is shown once after create, whole, with a copy button and the warning", async () => {
    const created = await developerApi(async () => "jwt").createWebhookEndpoint("test", { url: "https://api.example.com/hooks", events: null, description: null });
    const markup = html(createElement(SecretReveal, { secret: created.secret, url: created.endpoint.url, rotated: false, onDone: () => undefined }));
    expect(markup).toContain(SECRET);
    expect(text(markup)).toContain("you won't see it again");
    expect(markup).toMatch(/<button[^>]*aria-label="Copy: whsec_MfKQ9r…"[^>]*>Copy<\/button>/);
    expect(text(markup)).toContain("I have saved it");
  });

  it("after a rotation says the old secret keeps signing for 24 hours", () => {
    const markup = text(html(createElement(SecretReveal, { secret: SECRET, url: "https://api.example.com/hooks", rotated: true, onDone: () => undefined })));
    expect(markup).toContain(SECRET);
    expect(markup).toContain("The old one keeps signing for 24 hours");
  });

  it("is never in the endpoint list: only its prefix", () => {
    const markup = html(createElement(EndpointSummary, { endpoint: endpoint() }));
    expect(markup).not.toContain(SECRET);
    expect(markup).toContain("whsec_MfKQ…");
  });
});

describe("an endpoint's state", () => {
  it("says we disabled a failing endpoint after 5 days, and how to fix it", () => {
    const failing = endpoint({ enabled: false, disabledReason: "failing", failingSince: "2026-01-01T00:00:00.000Z" });
    expect(endpointState(failing)).toEqual({ label: "Disabled: failing", tone: "red", notice: FAILING_NOTICE });
    const markup = html(createElement(EndpointSummary, { endpoint: failing }));
    expect(markup).toContain('role="alert"');
    expect(text(markup)).toContain("We disabled this endpoint after 5 days of failed deliveries — fix it and enable it again");
  });

  it("shows no notice for an endpoint the developer disabled, nor for a working one", () => {
    for (const shown of [endpoint({ enabled: false, disabledReason: "manual" }), endpoint(), endpoint({ failingSince: "2026-01-02T00:00:00.000Z" })]) {
      expect(endpointState(shown).notice).toBeNull();
      expect(text(html(createElement(EndpointSummary, { endpoint: shown })))).not.toContain("5 days of failed deliveries");
    }
    expect(endpointState(endpoint({ enabled: false, disabledReason: "manual" })).label).toBe("Disabled");
    expect(endpointState(endpoint({ failingSince: "2026-01-02T00:00:00.000Z" })).label).toBe("Enabled: failing");
  });

  it("lists its events, or All events", () => {
    expect(eventsLabel(null)).toBe("All events");
    expect(eventsLabel(["customer.created", "usage.limit_reached"])).toBe("customer.created, usage.limit_reached");
    expect(text(html(createElement(EndpointSummary, { endpoint: endpoint() })))).toContain("All events");
  });
});

describe("the endpoint form", () => {
  it("sends all events as null, picked types as a list, and an empty description as null", () => {
    expect(endpointInput({ ...NEW_ENDPOINT, url: " https://a.example/h " })).toEqual({ url: "https://a.example/h", description: null, events: null });
    expect(endpointInput({ url: "https://a.example/h", description: " Prod ", allEvents: false, events: ["customer.created"] })).toEqual({
      url: "https://a.example/h",
      description: "Prod",
      events: ["customer.created"],
    });
    expect(endpointFormOf(endpoint({ events: ["invoice.payment_failed"], description: null }))).toEqual({
      url: "https://api.example.com/hooks",
      description: "",
      allEvents: false,
      events: ["invoice.payment_failed"],
    });
  });

  it("requires https in live mode only, a URL, and at least one type unless all events", () => {
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "http://localhost:3000/hooks" }, "test")).toEqual({});
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "http://api.example.com/hooks" }, "live")).toEqual({ url: "Live mode sends events to https URLs only." });
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "https://api.example.com/hooks" }, "live")).toEqual({});
    expect(validateEndpointForm(NEW_ENDPOINT, "test").url).toMatch(/Enter the URL/);
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "api.example.com" }, "test").url).toMatch(/full URL/);
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "ftp://api.example.com" }, "test").url).toMatch(/full URL/);
    expect(validateEndpointForm({ ...NEW_ENDPOINT, url: "https://a.example", allEvents: false }, "test")).toEqual({ events: "Pick at least one event type, or All events." });
    expect(endpointFieldOf("events.0")).toBe("events");
    expect(endpointFieldOf("enabled")).toBeUndefined();
  });

  it("offers every subscribable type of the contract, not ping", () => {
    expect(SUBSCRIBABLE_EVENT_TYPES.map((item) => item.type)).toEqual([
      "usage.threshold_reached",
      "usage.limit_reached",
      "customer.created",
      "customer.plan_changed",
      "customer.subscription_updated",
      "invoice.payment_failed",
    ]);
  });
});

describe("the events list", () => {
  it("is filtered by the page address (/dashboard/webhooks?userId=u1), the mode kept", () => {
    const params = new URLSearchParams("mode=live&userId=u1");
    expect(eventFiltersFrom(params)).toEqual({ type: "", userId: "u1" });
    expect(eventQuery(eventFiltersFrom(params))).toEqual({ limit: 20, userId: "u1" });
    expect(withEventFilters(params, { type: "ping", userId: "" }).toString()).toBe("mode=live&type=ping");
  });

  it("asks GET /api/webhook-events with the mode, filters and cursor", async () => {
    const urls: URL[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: string) => {
        urls.push(new URL(input));
        return new Response(JSON.stringify({ events: [], nextCursor: null, mode: "live" }), { status: 200 });
      }),
    );
    await developerApi(async () => "jwt").webhookEvents("live", eventQuery({ type: "customer.created", userId: "u 1" }, "c_2"));
    vi.unstubAllGlobals();
    expect(urls[0]?.origin + (urls[0]?.pathname ?? "")).toBe(`${config.apiMultiUrl}/api/webhook-events`);
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ mode: "live", limit: "20", cursor: "c_2", type: "customer.created", userId: "u 1" });
  });

  it("says how each delivery went", () => {
    expect(deliveryLabel({ status: "succeeded", attemptCount: 1, nextAttemptAt: null })).toEqual({ label: "Delivered", tone: "green" });
    expect(deliveryLabel({ status: "succeeded", attemptCount: 3, nextAttemptAt: null }).label).toBe("Delivered after 3 attempts");
    expect(deliveryLabel({ status: "failed", attemptCount: 8, nextAttemptAt: null })).toEqual({ label: "Failed after 8 attempts", tone: "red" });
    expect(deliveryLabel({ status: "pending", attemptCount: 2, nextAttemptAt: "2026-01-01T00:05:00Z" }).label).toBe("Retrying (2 attempts so far)");
    expect(deliveryLabel({ status: "pending", attemptCount: 0, nextAttemptAt: null }).label).toBe("Pending");
  });
});
