/** Expected answers in the suites' tables: `"404 customer_not_found"` (a status and its error code), or `"200"` (a status). */
export type Outcome = `${number}` | `${number} ${string}`;

/** Whether a response (`status`, and `json.error.code` for an error) is one of `outcomes`. */
export function matchesOutcome(result: { status: number; json?: any }, outcomes: readonly Outcome[]): boolean {
  const code: string | undefined = result.json?.error?.code;
  return outcomes.some((outcome) => {
    const [status, expectedCode] = outcome.split(" ");
    return Number(status) === result.status && (expectedCode === undefined || expectedCode === code);
  });
}

/** A predicate for `outcomes`, for tables that take one. */
export function outcomeIs(...outcomes: Outcome[]): (result: { status: number; json?: any }) => boolean {
  return (result) => matchesOutcome(result, outcomes);
}
