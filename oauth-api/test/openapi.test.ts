/**
 * oauth-api's contract with the dashboard (@dream-api/testkit/suites,
 * openapi-contract.ts): every route is in /openapi.json and nothing else,
 * and every operation answers, through the real worker and the Stripe
 * stand-in, with the status, body and error codes the document promises.
 */
import { describeOpenApiContract, type Scenario } from "@dream-api/testkit/suites";
import { expect } from "vitest";
import { createApp } from "../src/app";
import { errorSchema } from "../src/models";
import { ALL_OPERATIONS, errorCodesOf } from "../src/openapi/document";
import { answerConnect, call, createDeveloper } from "./harness";

const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"] };

/** A new developer connects Stripe, sells a tier, edits and archives it, and disconnects: one call per operation. */
async function scenarios(): Promise<Scenario[]> {
  const { token } = await createDeveloper();
  let authorizeUrl = "";
  return [
    ["health", () => call("GET", "/health")],
    ["openapi", () => call("GET", "/openapi.json")],
    [
      "connect.start",
      async () => {
        const result = await call("POST", "/connect/start", { token });
        authorizeUrl = result.body.url;
        return result;
      },
    ],
    [
      "connect.callback",
      async () => {
        const back = await answerConnect(authorizeUrl, "approve");
        const result = await call("GET", `${back.pathname}${back.search}`);
        expect(result.headers.get("Location"), "back to the dashboard, connected").toContain("connect=success");
        return result;
      },
    ],
    ["tiers.create", () => call("POST", "/products", { token, body: PRO })],
    ["tiers.list", () => call("GET", "/products", { token })],
    ["tiers.update", () => call("PATCH", "/products/pro", { token, body: { price: 2900 } })],
    ["tiers.archive", () => call("DELETE", "/products/pro", { token })],
    ["connect.disconnect", () => call("POST", "/connect/disconnect", { token, body: {} })],
  ];
}

const errorAttempts = async () => ({ credential: (await createDeveloper()).token, pathValues: { name: "nope" } });
describeOpenApiContract({ service: "oauth-api", operations: ALL_OPERATIONS, app: createApp, call, errorSchema, errorCodesOf, scenarios, errorAttempts });
