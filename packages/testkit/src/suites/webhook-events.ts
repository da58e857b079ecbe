/**
 * Property, written once for the workers that receive Stripe webhooks: a
 * correctly signed delivery whose event is malformed — fields missing or of
 * the wrong type, data.object of another shape than its type says, a body
 * that is not an event object at all — never answers 5xx. It answers 400
 * (`invalid_json` / `invalid_request`) with the error shape and writes
 * nothing, or 200 (recorded, ignored or applied as a whole: exactly one
 * events row for its id).
 *
 * Why: the signature only proves the body came from someone holding the
 * endpoint secret; Stripe retries any 5xx for days, so a 5xx on a payload
 * we cannot read would come back again and again, and a 5xx after part of
 * an effect was written would be a half-applied event. (A Stripe 5xx while
 * re-fetching the subscription stays 500 on purpose so Stripe retries: see
 * the workers' test/chaos/faults.test.ts.)
 *
 * The events mutated are real deliveries of the Stripe stand-in for one
 * tenant (the worker's `realEvents`), each signed anew with one of the
 * endpoint's secrets after the mutation and given a fresh id.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertWellFormed,
  eventMutations,
  mutatedEventBody,
  recordedEventRows,
  runs,
  stripeSignatureHeader,
  type RawResult,
  type RequestTemplate,
  type RowSource,
  type Substitutions,
} from "../arbitraries.js";
import { operationKey, type OperationLike } from "../operations.js";

const PROPERTY_TIMEOUT = 120_000;

export interface MalformedEventsSuite<Statement> {
  worker: string;
  /** The worker's operation list (the seam: its `OPERATIONS`); the property runs against each operation Stripe's signature authenticates. */
  operations: readonly OperationLike[];
  send: (template: RequestTemplate, values: Substitutions) => Promise<RawResult>;
  db: RowSource<Statement>;
  globalCounts(): Promise<Record<string, number>>;
  /** Real deliveries for one new tenant, parsed, and the rows that tenant owns. */
  realEvents(): Promise<{ events: Record<string, unknown>[]; rows(): Promise<unknown> }>;
  /** Types the real events must include (so the property mutates what matters). */
  expectedTypes: readonly string[];
  /** The event types the worker acts on (a mutation may retype an event to one of them). */
  handledTypes: readonly string[];
  /** The endpoint's signing secrets. */
  secrets: readonly string[];
  numRuns: number;
}

export function describeMalformedWebhookEvents<Statement>(suite: MalformedEventsSuite<Statement>): void {
  for (const operation of suite.operations.filter((candidate) => candidate.auth.includes("stripeSignature"))) {
    describe(`${suite.worker}: ${operationKey(operation)} with correctly signed, malformed events`, () => {
      it("never answers 5xx: 400 with nothing written, or 200 with the event recorded once", { timeout: PROPERTY_TIMEOUT }, async () => {
        const { events, rows } = await suite.realEvents();
        expect(events.map((event) => event["type"])).toEqual(expect.arrayContaining([...suite.expectedTypes]));
        const deliveries = fc.record({ base: fc.nat({ max: events.length - 1 }), mutations: eventMutations(suite.handledTypes), secret: fc.constantFrom(...suite.secrets) });
        await fc.assert(
          fc.asyncProperty(deliveries, async ({ base, mutations, secret }) => {
            const body = mutatedEventBody(events[base]!, `evt_malformed${crypto.randomUUID().replace(/-/g, "")}`, mutations);
            const before = { all: await suite.globalCounts(), tenant: await rows() };
            const headers = { "Stripe-Signature": await stripeSignatureHeader(body, secret), "Content-Type": "application/json" };
            const result = await suite.send({ method: "POST", path: operation.path, headers, body }, {});
            assertWellFormed(result);
            expect([200, 400], result.text.slice(0, 500)).toContain(result.status);
            if (result.status === 400) {
              expect(["invalid_json", "invalid_request"]).toContain(result.json.error.code);
              expect({ all: await suite.globalCounts(), tenant: await rows() }).toEqual(before);
            } else {
              expect(result.json).toMatchObject({ received: true });
              expect(await recordedEventRows(suite.db, body)).toBe(1);
            }
          }),
          runs(suite.numRuns),
        );
      });
    });
  }
}
