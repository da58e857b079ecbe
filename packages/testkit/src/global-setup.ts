/**
 * The vitest globalSetup every worker's tests use: starts the local cloud
 * (Clerk + Stripe stand-ins and the webhook inbox) for the run and hands
 * its URLs and secrets to the workers' bindings through provide/inject.
 *
 * DREAM_TEST_NOW (an ISO-8601 UTC instant, e.g. 2028-02-29T23:59:59.500Z)
 * pins the test clock for the run, independently of the machine's clock and
 * speed: the Stripe stand-in's clock stands still at that instant, and the
 * harnesses' default clock (`call`, `client()`, their seeds) starts there in
 * each test file and advances exactly 1 ms per reading — not with the wall
 * clock — so rows still sort in the order they were written and a run is
 * the same run on any day. Tests that give `client()` their own clock keep
 * it. Not pinned: the Clerk stand-in and what verifies its JWTs
 * (@clerk/backend checks exp/nbf against the real clock), Stripe-Signature
 * timestamps (stamped and checked with the wall clock), the Workers rate
 * limiter and isolate-cache TTLs. Unset: the real clock everywhere.
 * `pnpm test:calendar` (scripts/test-calendar.mjs) runs the period-sensitive
 * suites pinned to awkward instants.
 */
import type { TestProject } from "vitest/node";
import { startLocalCloud, type LocalCloud } from "./local-cloud.js";

/** DREAM_TEST_NOW as a Date, or null when unset; a value that is not an exact ISO-8601 UTC instant stops the run. */
export function pinnedTestNow(value = process.env["DREAM_TEST_NOW"]): Date | null {
  if (value === undefined || value === "") return null;
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,3})?Z$/.exec(value);
  const date = new Date(value);
  // Date rolls impossible days over (2027-02-29 → 03-01): only a value that reads back unchanged is taken.
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== match[1]) {
    throw new Error(`DREAM_TEST_NOW=${value} is not an ISO-8601 UTC instant such as 2028-02-29T23:59:59.500Z`);
  }
  return date;
}

declare module "vitest" {
  /** The local cloud's URLs and secrets (see local-cloud.ts), for the workers' bindings and the tests' helpers. */
  interface ProvidedContext extends Omit<LocalCloud, "close"> {
    /** DREAM_TEST_NOW as ISO-8601, or null: the harnesses' default clock is frozen there. */
    testNow: string | null;
  }
}

export default async function setup(project: TestProject) {
  const pinned = pinnedTestNow();
  const cloud = await startLocalCloud(pinned ? { now: () => pinned } : {});
  const { close: _close, ...values } = cloud;
  for (const [key, value] of Object.entries(values)) project.provide(key as keyof typeof values, value);
  project.provide("testNow", pinned?.toISOString() ?? null);
  return () => cloud.close();
}
