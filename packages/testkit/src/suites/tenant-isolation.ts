/**
 * Tenant isolation matrix, written once for the three workers: two tenants,
 * A and B; every cell of a worker's table calls one of its operations with
 * each of A's credentials (A's secret key, an end-user session of one of
 * A's end-users, A's developer session) aimed at B's ids — in paths,
 * bodies, query strings and extra headers, wherever a confused server might
 * look for a tenant.
 *
 * Checked for every cell and credential: the status is the one expected —
 * the cell's, for a credential the operation accepts (or for every
 * credential, when the operation takes none: a signature, a signed state);
 * the worker's refusal otherwise; a 2xx is about A only (the cell's `aOnly`);
 * no response contains anything of B that the request did not itself send;
 * and everything B owns is unchanged.
 *
 * The expected status of a credential comes from the operation the cell's
 * method and path reach in the worker's operation list: a cell that reaches
 * none fails, and an operation no cell names gets a cell of its own (its
 * path filled with B's ids, its example body), so a new operation is in the
 * matrix the day it is added.
 *
 * Why: every tenant query must be filtered by the tenant authentication
 * produced; one missing filter leaks another developer's data or lets one
 * developer change another's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { assertWellFormed, substitute, type RawResult, type RequestTemplate, type Substitutions } from "../arbitraries.js";
import { CREDENTIAL_CALLERS, fillPath, needsCredential, operationKey, operationOf, type CredentialCaller, type OperationLike } from "../operations.js";
import { matchesOutcome, type Outcome } from "./outcomes.js";

export interface IsolationWorld {
  values: Substitutions;
  /** Everything of B that A must never be shown unless A sent it itself. */
  bSecrets: string[];
  /** Everything B owns (rows, and anything else A could change). */
  bState(): Promise<unknown>;
}

export interface IsolationCell<World extends IsolationWorld> {
  name: string;
  method: string;
  /** Path and query, placeholders allowed. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** What a credential the operation accepts gets: the same for each, or per caller ("any": whatever it answers, short of a 5xx, a leak or a write). */
  expect: readonly Outcome[] | Partial<Record<CredentialCaller, readonly Outcome[]>> | "any";
  /** For a 2xx: what must hold of the body (it is about A). */
  aOnly?: (body: any, world: World) => void | Promise<void>;
  /**
   * B's values the answer may contain because the request made them A's
   * too (placeholders allowed): e.g. a person A registers by the email B's
   * customer has is the same person, with the same Clerk id.
   */
  shares?: readonly string[];
}

export interface TenantIsolationSuite<World extends IsolationWorld> {
  worker: string;
  /** The worker's operation list (the seam: its `OPERATIONS`). */
  operations: readonly OperationLike[];
  send: (template: RequestTemplate, values: Substitutions) => Promise<RawResult>;
  seedWorld(): Promise<World>;
  /** A's credential of each caller, as a placeholder. */
  credentials: Record<CredentialCaller, string>;
  /** What a credential an operation does not accept gets. */
  refused(operation: OperationLike, caller: CredentialCaller): readonly Outcome[];
  cells: readonly IsolationCell<World>[];
  /** B's ids for the parameters of an operation no cell names. */
  bParams: Record<string, string>;
  /** Query parameters a caller always sends (e.g. a developer session's `mode=test`), added to every cell's path for that caller. */
  credentialQuery?: Partial<Record<CredentialCaller, string>>;
  /** A token of A made to say it is B's, sent to every cell whose operation needs a credential: each gets `outcome`. */
  forgedSession?: { authorization: string; outcome: readonly Outcome[] };
  /** The worker's own tests on the same world (registered inside the suite, after the matrix). */
  more?(world: () => World): void;
}

/** The outcomes a cell expects for `caller`, from the operation it reaches. */
function expected<World extends IsolationWorld>(suite: TenantIsolationSuite<World>, operation: OperationLike, cell: IsolationCell<World>, caller: CredentialCaller): readonly Outcome[] | undefined {
  if (needsCredential(operation) && !operation.auth.includes(caller)) return suite.refused(operation, caller);
  if (cell.expect === "any") return undefined;
  if (Array.isArray(cell.expect)) return cell.expect as readonly Outcome[];
  const outcomes = (cell.expect as Partial<Record<CredentialCaller, readonly Outcome[]>>)[caller];
  if (!outcomes && needsCredential(operation)) throw new Error(`${cell.name}: no outcome for ${caller}, which ${operationKey(operation)} accepts`);
  return outcomes;
}

/** The cell of an operation no table cell names: B's ids in its path, its example body, any answer but a leak or a write. */
function defaultCell<World extends IsolationWorld>(operation: OperationLike, bParams: Record<string, string>): IsolationCell<World> {
  return {
    name: `${operationKey(operation)} with B's ids`,
    method: operation.method.toUpperCase(),
    path: fillPath(operation.path, bParams),
    ...(operation.request?.body ? { body: operation.request.body.example } : {}),
    expect: "any",
  };
}

export function describeTenantIsolation<World extends IsolationWorld>(suite: TenantIsolationSuite<World>): void {
  const named = suite.cells.map((cell) => ({ cell, operation: operationOf(suite.operations, cell.method, cell.path) }));
  const unnamed = suite.operations.filter((operation) => !named.some((entry) => entry.operation === operation));
  const cells = [...named, ...unnamed.map((operation) => ({ cell: defaultCell<World>(operation, suite.bParams), operation }))];

  describe(`${suite.worker} tenant isolation: A's credentials against B's ids`, () => {
    let world: World;
    beforeAll(async () => {
      world = await suite.seedWorld();
    }, 60_000);

    async function check(cell: IsolationCell<World>, authorization: string, outcomes: readonly Outcome[] | undefined, query?: string): Promise<RawResult> {
      const before = await world.bState();
      const path = query ? `${cell.path}${cell.path.includes("?") ? "&" : "?"}${query}` : cell.path;
      const requestText = substitute(JSON.stringify({ path: cell.path, headers: cell.headers ?? {}, body: cell.body ?? null }), world.values);
      const result = await suite.send(
        {
          method: cell.method,
          path,
          headers: { Authorization: authorization, "Content-Type": "application/json", ...cell.headers },
          body: cell.body === undefined ? undefined : JSON.stringify(cell.body),
        },
        world.values,
      );
      assertWellFormed(result);
      if (outcomes) expect(matchesOutcome(result, outcomes), `expected ${outcomes.join(" or ")}, got ${result.status} ${result.text.slice(0, 400)}`).toBe(true);
      const shared = (cell.shares ?? []).map((value) => substitute(value, world.values));
      for (const secret of world.bSecrets) {
        if (!requestText.includes(secret) && !shared.includes(secret)) expect(result.text, `response reveals B's "${secret}"`).not.toContain(secret);
      }
      expect(await world.bState()).toEqual(before);
      return result;
    }

    const matrix = cells.flatMap(({ cell, operation }) => CREDENTIAL_CALLERS.map((caller) => ({ cell, operation, caller, label: `${cell.name} — ${caller}` })));
    it.each(matrix)("$label", async ({ cell, operation, caller }) => {
      const result = await check(cell, `Bearer ${suite.credentials[caller]}`, expected(suite, operation, cell, caller), suite.credentialQuery?.[caller]);
      if (result.status < 300) await cell.aOnly?.(result.json, world);
    });

    const forged = suite.forgedSession;
    if (forged) {
      const targets = cells.filter(({ operation }) => needsCredential(operation)).map(({ cell }) => cell);
      it.each(targets)(`A's token made to name B is refused: $name`, async (cell) => {
        await check(cell, forged.authorization, forged.outcome);
      });
    }

    suite.more?.(() => world);
  });
}
