/** The worker entry and CORS (@dream-api/testkit/suites, health.ts) over oauth-api's operations: a session is asked for before anything else. */
import { env, SELF } from "cloudflare:test";
import { describeHealth } from "@dream-api/testkit/suites";
import { operations } from "./harness";

describeHealth({ service: "oauth-api", operations, self: SELF, db: env.DB, unknownRoute: "401 unauthenticated", missingCredential: "401 unauthenticated", params: { name: "basic" } });
