import { MAX_WEBHOOK_BODY_BYTES } from "@dream-api/shared/stripe";
import { describeWebhookBodyCap } from "@dream-api/testkit/suites";
import { call } from "../harness";

describeWebhookBodyCap(call, MAX_WEBHOOK_BODY_BYTES);
