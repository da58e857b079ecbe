/**
 * front-auth-api's contract with the dashboard (@dream-api/testkit/suites,
 * openapi-contract.ts): every route is in /openapi.json and nothing else,
 * and every operation answers, through the real worker and stand-ins, with
 * the status, body and error codes the document promises.
 */
import { describeOpenApiContract, type Scenario } from "@dream-api/testkit/suites";
import { expect } from "vitest";
import { createApp } from "../src/app";
import { errorSchema } from "../src/models";
import { ALL_OPERATIONS, errorCodesOf } from "../src/openapi/document";
import { awaitDeliveries, call, createDeveloper, deliver, inboxCursor, payCheckout, type CallResult } from "./harness";

/** A new developer's whole path, one call per operation: keys, the metered call, the $15 plan bought and managed. */
async function scenarios(): Promise<Scenario[]> {
  const dev = await createDeveloper();
  const token = dev.token;
  let checkoutUrl = "";
  let revocable = "";
  return [
    ["health", () => call("GET", "/health")],
    ["openapi", () => call("GET", "/openapi.json")],
    ["me.get", () => call("GET", "/me", { token })],
    ["me.verifyAuth", () => call("POST", "/verify-auth", { token })],
    [
      "settings.update",
      () =>
        call("PATCH", "/settings", {
          token,
          body: { mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://app.example/thanks", displayName: "Acme AI", accentColor: "#4f46e5" },
        }),
    ],
    ["settings.get", () => call("GET", "/settings?mode=live", { token })],
    ["credentials.issue", () => call("POST", "/credentials", { token, body: {} })],
    [
      "credentials.rotate",
      async () => {
        const result = await call("POST", "/credentials/rotate", { token, body: { mode: "test", gracePeriodSeconds: 60 } });
        revocable = (result.body.keys as { keyId: string; mode: string; expiresAt: string | null }[]).find((key) => key.mode === "test" && key.expiresAt !== null)?.keyId ?? "";
        expect(revocable, "the rotated-out test key is listed, still in its grace period").not.toBe("");
        return result;
      },
    ],
    ["credentials.revoke", () => call("POST", `/credentials/${revocable}/revoke`, { token, body: {} })],
    [
      "billing.checkout",
      async () => {
        const result = await call("POST", "/checkout", { token, body: {} });
        checkoutUrl = result.body.url;
        return result;
      },
    ],
    [
      "webhooks.stripe",
      async () => {
        const cursor = await inboxCursor();
        await payCheckout(checkoutUrl);
        const deliveries = await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"]);
        let last: CallResult | undefined;
        for (const delivery of deliveries.filter((candidate) => candidate.body.includes(dev.id))) last = await deliver(delivery);
        return last!;
      },
    ],
    [
      "billing.portal",
      async () => {
        expect((await call("GET", "/me", { token })).body.plan, "the paid webhook moved the plan").toBe("paid");
        return call("POST", "/portal", { token, body: {} });
      },
    ],
  ];
}

const errorAttempts = async () => ({ credential: (await createDeveloper()).token, pathValues: { keyId: "key_doesnotexist000000" } });
describeOpenApiContract({ service: "front-auth-api", operations: ALL_OPERATIONS, app: createApp, call, errorSchema, errorCodesOf, scenarios, errorAttempts });
