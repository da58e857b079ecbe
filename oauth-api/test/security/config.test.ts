import { describeAuthorizedPartiesRequired } from "@dream-api/testkit/suites";
import { call } from "../harness";

describeAuthorizedPartiesRequired(call, { variable: "CLERK_AUTHORIZED_PARTIES", path: "/products?mode=test", unauthorizedCode: "unauthenticated" });
