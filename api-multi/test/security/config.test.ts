import { describeAuthorizedPartiesRequired } from "@dream-api/testkit/suites";
import { call } from "../harness";

// A developer accepted here but new to dream-api has no platform yet: 404, not 401.
describeAuthorizedPartiesRequired(call, { variable: "DEVELOPER_AUTHORIZED_PARTIES", path: "/api/dashboard", unauthorizedCode: "invalid_token", acceptedStatus: 404 });
