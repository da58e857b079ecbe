/**
 * Property, written once for the workers that receive Stripe webhooks: the
 * webhook ends in the same state whatever the order of arrival and however
 * often each event arrives.
 *
 * Each lifecycle of a worker's table drives a real billing lifecycle
 * through the Stripe stand-in and collects its signed deliveries from the
 * webhook inbox. The reference state is that of the deliveries handed over
 * once each, in order. fast-check then generates permutations of the
 * deliveries with random duplicates (handed over one at a time, or up to
 * `maxParallelism` at once); before each run the worker's `reset` forgets
 * what the webhook derived. After the run the worker's `snapshot` must
 * equal the reference — one events row per distinct event id, and exactly
 * one delivery per event id answered as the first (`duplicate: false`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Delivery } from "../in-worker.js";
import type { CallResult } from "../worker-caller.js";
import { PROPERTY_TEST_TIMEOUT_MS } from "../arbitraries.js";

export interface WebhookLifecycle {
  deliveries: Delivery[];
}

export interface LifecycleCell<L extends WebhookLifecycle, Snapshot extends { events: unknown }> {
  name: string;
  numRuns: number;
  run(): Promise<L>;
  /** Event types the lifecycle's deliveries must include. */
  types?: readonly string[];
  /** What the reference state must be. */
  check(reference: Snapshot, lifecycle: L): void | Promise<void>;
}

export interface WebhookPermutationSuite<L extends WebhookLifecycle, Snapshot extends { events: unknown }> {
  title: string;
  deliver(delivery: Delivery): Promise<CallResult>;
  /** Forgets everything the webhook derived for the lifecycle's tenant, as if no event had arrived yet. */
  reset(lifecycle: L): Promise<void>;
  /** The state the webhook derived (with the stored events as `events`). */
  snapshot(lifecycle: L): Promise<Snapshot>;
  /** How many deliveries may be handed over at once. */
  maxParallelism: number;
  lifecycles: readonly LifecycleCell<L, Snapshot>[];
}

interface DeliveryPlan {
  /** Indices into the lifecycle's deliveries: each one at least once, some repeated, shuffled. */
  order: number[];
  /** How many deliveries are handed over at once. */
  parallelism: number;
}

function deliveryPlans(count: number, maxParallelism: number): fc.Arbitrary<DeliveryPlan> {
  return fc.record({ extra: fc.array(fc.nat({ max: count - 1 }), { maxLength: 8 }), parallelism: fc.integer({ min: 1, max: maxParallelism }) }).chain(({ extra, parallelism }) => {
    const indices = [...Array.from({ length: count }, (_, index) => index), ...extra];
    return fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }).map((order) => ({ order, parallelism }));
  });
}

export function describeWebhookPermutations<L extends WebhookLifecycle, Snapshot extends { events: unknown }>(suite: WebhookPermutationSuite<L, Snapshot>): void {
  /** Delivers per the plan; returns every answer with the event id it was for. */
  async function deliverPlan(deliveries: Delivery[], plan: DeliveryPlan) {
    const answers: { eventId: string; status: number; duplicate: unknown }[] = [];
    for (let start = 0; start < plan.order.length; start += plan.parallelism) {
      const chunk = plan.order.slice(start, start + plan.parallelism).map((index) => deliveries[index]!);
      const results = await Promise.all(chunk.map((delivery) => suite.deliver(delivery)));
      results.forEach((result, index) => {
        answers.push({ eventId: chunk[index]!.eventId!, status: result.status, duplicate: result.body?.duplicate });
      });
    }
    return answers;
  }

  async function expectOrderIndependence(lifecycle: L, numRuns: number): Promise<Snapshot> {
    const { deliveries } = lifecycle;
    const distinctIds = new Set(deliveries.map((delivery) => delivery.eventId));
    expect(distinctIds.size).toBe(deliveries.length);
    expect(distinctIds.has(null)).toBe(false);

    await suite.reset(lifecycle);
    const inOrder = await deliverPlan(deliveries, { order: deliveries.map((_, index) => index), parallelism: 1 });
    expect(inOrder.every((answer) => answer.status === 200 && answer.duplicate === false)).toBe(true);
    const reference = await suite.snapshot(lifecycle);
    expect(reference.events).toHaveLength(distinctIds.size);

    await fc.assert(
      fc.asyncProperty(deliveryPlans(deliveries.length, suite.maxParallelism), async (plan) => {
        await suite.reset(lifecycle);
        const answers = await deliverPlan(deliveries, plan);
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        const firsts = answers.filter((answer) => answer.duplicate === false).map((answer) => answer.eventId);
        expect(firsts.sort()).toEqual([...distinctIds].sort());
        expect(answers.filter((answer) => answer.duplicate === true)).toHaveLength(plan.order.length - distinctIds.size);
        expect(await suite.snapshot(lifecycle)).toEqual(reference);
      }),
      { numRuns },
    );
    return reference;
  }

  describe(suite.title, () => {
    for (const cell of suite.lifecycles) {
      it(
        cell.name,
        async () => {
          const lifecycle = await cell.run();
          if (cell.types) expect(lifecycle.deliveries.map((delivery) => delivery.type)).toEqual(expect.arrayContaining([...cell.types]));
          const reference = await expectOrderIndependence(lifecycle, cell.numRuns);
          await cell.check(reference, lifecycle);
        },
        PROPERTY_TEST_TIMEOUT_MS,
      );
    }
  });
}
