/** The worker entry and CORS (@dream-api/testkit/suites, health.ts) over front-auth-api's operations: a session is asked for before anything else. */
import { env, SELF } from "cloudflare:test";
import { describeHealth } from "@dream-api/testkit/suites";
import { operations } from "./harness";

describeHealth({
  service: "front-auth-api",
  operations,
  self: SELF,
  db: env.DB,
  unknownRoute: "401 unauthenticated",
  missingCredential: "401 unauthenticated",
  params: { keyId: "key_doesnotexist000000" },
});
