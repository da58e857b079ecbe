/**
 * Webhook endpoints through the API: the secret is shown once and kept
 * sealed, bad input is 400 and stores nothing, live endpoints must be https,
 * and every endpoint belongs to one platform and one mode.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, seedPlatform } from "../harness";
import { developerSession, twoModePlatform } from "../routes/logs/helpers";

const URL_OK = "https://api.example.com/webhooks/dream";

async function endpointRows(platformId: string) {
  return (await env.DB.prepare("SELECT * FROM webhook_endpoints WHERE platform_id = ?1").bind(platformId).all()).results;
}

describe("webhook endpoints", () => {
  it("creates an endpoint and shows its signing secret once, stored only sealed", async () => {
    const platform = await seedPlatform();
    const created = await call("POST", "/api/webhook-endpoints", { key: platform.secretKey, body: { url: URL_OK, description: "alerts" } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.body.endpoint).toMatchObject({ url: URL_OK, description: "alerts", events: null, enabled: true, disabledReason: null, failingSince: null });
    expect(created.body.endpoint.id).toMatch(/^we_/);
    expect(created.body.secret.startsWith(created.body.endpoint.secretPrefix)).toBe(true);
    expect(created.body.mode).toBe("preview");

    const rows = await endpointRows(platform.platformId);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret.slice("whsec_".length));
    const listed = await call("GET", "/api/webhook-endpoints", { key: platform.secretKey });
    expect(listed.status).toBe(200);
    expect(listed.body.endpoints).toEqual([created.body.endpoint]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const platform = await seedPlatform();
    const bad = [
      { url: "not a url" },
      { url: "ftp://example.com/hook" },
      { url: URL_OK, events: ["usage.nope"] },
      { url: URL_OK, events: [] },
      { url: URL_OK, events: ["ping"] },
      { url: URL_OK, events: ["customer.created", "customer.created"] },
      { url: URL_OK, extra: true },
      { url: URL_OK, description: "x".repeat(201) },
    ];
    for (const body of bad) {
      const answer = await call("POST", "/api/webhook-endpoints", { key: platform.secretKey, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toMatch(/^invalid_/);
    }
    expect(await endpointRows(platform.platformId)).toEqual([]);
  });

  it("takes https only in live mode", async () => {
    const platform = await twoModePlatform();
    const http = await call("POST", "/api/webhook-endpoints", { key: platform.liveKey, body: { url: "http://api.example.com/hook" } });
    expect(http.status).toBe(400);
    expect(http.body.error.param).toBe("url");
    expect(await endpointRows(platform.platformId)).toEqual([]);
    expect((await call("POST", "/api/webhook-endpoints", { key: platform.testKey, body: { url: "http://localhost:3000/hook" } })).status).toBe(201);
    expect((await call("POST", "/api/webhook-endpoints", { key: platform.liveKey, body: { url: URL_OK } })).status).toBe(201);
    const created = await call("POST", "/api/webhook-endpoints", { key: platform.liveKey, body: { url: URL_OK } });
    expect((await call("PATCH", `/api/webhook-endpoints/${created.body.endpoint.id}`, { key: platform.liveKey, body: { url: "http://api.example.com/hook" } })).status).toBe(400);
  });

  it("changes, disables, enables and deletes an endpoint", async () => {
    const platform = await seedPlatform();
    const { endpoint } = (await call("POST", "/api/webhook-endpoints", { key: platform.secretKey, body: { url: URL_OK } })).body;
    const path = `/api/webhook-endpoints/${endpoint.id}`;
    const changed = await call("PATCH", path, { key: platform.secretKey, body: { events: ["usage.threshold_reached"], description: "only alerts" } });
    expect(changed.status).toBe(200);
    expect(changed.body.endpoint).toMatchObject({ events: ["usage.threshold_reached"], description: "only alerts", enabled: true });
    expect((await call("PATCH", path, { key: platform.secretKey, body: { enabled: false } })).body.endpoint).toMatchObject({ enabled: false, disabledReason: "manual" });
    expect((await call("PATCH", path, { key: platform.secretKey, body: { enabled: true } })).body.endpoint).toMatchObject({ enabled: true, disabledReason: null });
    expect((await call("PATCH", path, { key: platform.secretKey, body: { events: null } })).body.endpoint.events).toBeNull();
    expect((await call("GET", path, { key: platform.secretKey })).body.endpoint.id).toBe(endpoint.id);
    const deleted = await call("DELETE", path, { key: platform.secretKey });
    expect(deleted.body).toMatchObject({ endpointId: endpoint.id, deleted: true });
    expect((await call("GET", path, { key: platform.secretKey })).status).toBe(404);
    expect((await call("DELETE", path, { key: platform.secretKey })).status).toBe(404);
    expect((await call("GET", "/api/webhook-endpoints/nope", { key: platform.secretKey })).body.error.code).toBe("invalid_id");
  });

  it("rotates the secret: a new one shown once, the old one kept for 24 hours", async () => {
    const platform = await seedPlatform();
    const created = (await call("POST", "/api/webhook-endpoints", { key: platform.secretKey, body: { url: URL_OK } })).body;
    const rotated = await call("POST", `/api/webhook-endpoints/${created.endpoint.id}/rotate-secret`, { key: platform.secretKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const [row] = (await endpointRows(platform.platformId)) as { previous_secret_expires_at: string; previous_secret_ciphertext: string }[];
    expect(row?.previous_secret_ciphertext).toBeTruthy();
    expect(Date.parse(row!.previous_secret_expires_at) - Date.parse(rotated.body.endpoint.updatedAt)).toBe(24 * 60 * 60 * 1000);
  });

  it("keeps each platform's and each mode's endpoints to themselves", async () => {
    const platform = await twoModePlatform();
    const other = await seedPlatform();
    const testEndpoint = (await call("POST", "/api/webhook-endpoints", { key: platform.testKey, body: { url: URL_OK } })).body.endpoint;
    const path = `/api/webhook-endpoints/${testEndpoint.id}`;
    expect((await call("GET", "/api/webhook-endpoints", { key: platform.liveKey })).body.endpoints).toEqual([]);
    for (const key of [platform.liveKey, other.secretKey]) {
      expect((await call("GET", path, { key })).status).toBe(404);
      expect((await call("PATCH", path, { key, body: { enabled: false } })).status).toBe(404);
      expect((await call("POST", `${path}/rotate-secret`, { key })).status).toBe(404);
      expect((await call("POST", `${path}/test`, { key })).status).toBe(404);
      expect((await call("DELETE", path, { key })).status).toBe(404);
    }
    expect((await call("GET", path, { key: platform.testKey })).body.endpoint).toEqual(testEndpoint);
    // The developer's dashboard session sees the mode it names.
    const session = await developerSession(platform.platformId);
    expect((await call("GET", "/api/webhook-endpoints?mode=test", { token: session })).body.endpoints).toEqual([testEndpoint]);
    expect((await call("GET", "/api/webhook-endpoints?mode=live", { token: session })).body.endpoints).toEqual([]);
  });
});
