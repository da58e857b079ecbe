/**
 * The suites every worker runs alike, written once: each takes the worker's
 * operation list (its `OPERATIONS`), its table and its hooks (its `send` or
 * `call`, how to seed a tenant, how to snapshot what a tenant owns).
 */
export { describeBadInput, developerSessionInputs, inTurn, type BadInputSuite, type HostileCell, type InputTenant, type InvalidCell, type WebhookInputCell } from "./bad-input.js";
export { describeHealth, type HealthSuite } from "./health.js";
export { describeRequestLog, failingDatabase, type LoggedRequest, type RequestLogSuite } from "./request-log.js";
export { matchesOutcome, outcomeIs, type Outcome } from "./outcomes.js";
export { describeTenantIsolation, type IsolationCell, type IsolationWorld, type TenantIsolationSuite } from "./tenant-isolation.js";
export { describeAuthorizedPartiesRequired, describeWebhookBodyCap } from "./worker-guards.js";
export { describeMalformedWebhookEvents, type MalformedEventsSuite } from "./webhook-events.js";
export { describeWebhookPermutations, type LifecycleCell, type WebhookLifecycle, type WebhookPermutationSuite } from "./webhook-permutations.js";
export { describeOpenApiContract, type ContractOperation, type OpenApiContractSuite, type Scenario } from "./openapi-contract.js";
