/** The worker entry and CORS (@dream-api/testkit/suites, health.ts) over api-multi's operations. */
import { env, SELF } from "cloudflare:test";
import { describeHealth } from "@dream-api/testkit/suites";
import { operations } from "./harness";

const cors = { requestHeaders: "authorization,x-user-id", allowedHeader: "x-user-id" };
describeHealth({ service: "api-multi", operations, self: SELF, db: env.DB, unknownRoute: "404 not_found", missingCredential: "401 unauthorized", params: { userId: "someone" }, cors });
