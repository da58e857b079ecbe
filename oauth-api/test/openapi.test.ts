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
import { answerConnect, call, createDeveloper, paidDeveloper } from "./harness";

const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"] };

/**
 * A new developer on the paid plan connects Stripe, sells a test tier, copies it to live, edits and
 * archives the test tier, and disconnects: one call per operation.
 */
async function scenarios(): Promise<Scenario[]> {
  const { token } = await paidDeveloper();
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
    ["tiers.create", () => call("POST", "/products?mode=test", { token, body: PRO })],
    ["tiers.list", () => call("GET", "/products?mode=test", { token })],
    [
      "tiers.copyToLive",
      async () => {
        const result = await call("POST", "/products/copy-to-live", { token, body: {} });
        expect(result.body.copied, "the test tier is copied to live").toEqual(["pro"]);
        return result;
      },
    ],
    ["tiers.update", () => call("PATCH", "/products/pro?mode=test", { token, body: { price: 2900 } })],
    ["tiers.archive", () => call("DELETE", "/products/pro?mode=test", { token })],
    ["connect.disconnect", () => call("POST", "/connect/disconnect", { token, body: {} })],
  ];
}

/**
 * The tier operations require `?mode=`, and the suite's attempts take no query: the mode rides in the
 * path value, so an attempt with a credential still reaches the missing tier (404) rather than the
 * missing mode (400). The suite's own `?bogus=` attempt then spoils the mode: 400 invalid_request.
 */
const errorAttempts = async () => ({ credential: (await createDeveloper()).token, pathValues: { name: "nope?mode=test" } });
describeOpenApiContract({ service: "oauth-api", operations: ALL_OPERATIONS, app: createApp, call, errorSchema, errorCodesOf, scenarios, errorAttempts });
