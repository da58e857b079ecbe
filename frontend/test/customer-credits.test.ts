/**
 * The customer page's Credits card, rendered to HTML without a browser: the
 * balance and the movements, the empty state, the Grant credits form and
 * the API's refusal next to it; and its submissions through the dashboard's
 * API client, one Idempotency-Key per submission.
 */
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../src/api/client";
import { developerApi } from "../src/api/developer-api";
import type { CreditGrant, CreditMovement } from "../src/api/models";
import { config } from "../src/config";
import { EMPTY_GRANT_FORM, formatCreditAmount, grantSubmitter, usageCreditsLabel, validateGrantForm } from "../src/lib/credits";
import { CreditMovements, GrantCreditsForm } from "../src/pages/dashboard/customer-credits";
import { UsageCredits } from "../src/pages/dashboard/customers";
import { html, text } from "./support/markup";

const grant = (overrides: Partial<CreditGrant> = {}): CreditGrant => ({
  id: "cg_1",
  source: "dashboard",
  amount: 500,
  remaining: 350,
  expiresAt: null,
  expired: false,
  reason: "Support credit",
  createdAt: "2026-11-02T10:00:00.000Z",
  ...overrides,
});

describe("the credits list", () => {
  it("shows the balance and each movement's source, signed amount, what remains, expiry and reason", () => {
    const markup = html(
      createElement(CreditMovements, {
        balance: 1350,
        grants: [
          grant({ id: "cg_3", source: "api", amount: -150, remaining: 0, reason: "Refund of a failed job", createdAt: "2026-11-04T00:00:00.000Z" }),
          grant({ id: "cg_2", source: "purchase", amount: 1000, remaining: 1000, expiresAt: "2026-12-03T00:00:00.000Z", reason: "Bought 1,000 credits" }),
          grant(),
          grant({ id: "cg_0", source: "plan", amount: 200, remaining: 200, expiresAt: "2026-10-01T00:00:00.000Z", expired: true, reason: null }),
        ],
        hasMore: false,
      }),
    );
    expect(markup).toMatch(/data-testid="credit-balance"[^>]*>1,350 credits</);
    expect(markup.match(/data-testid="credit-movement"/g)).toHaveLength(4);
    const shown = text(markup);
    for (const header of ["Date", "Source", "Amount", "Remaining", "Expires", "Reason"]) expect(shown).toContain(header);
    expect(shown).toContain("API -150 — — Refund of a failed job");
    expect(shown).toContain("Purchase +1,000 1,000 Dec 3, 2026 Bought 1,000 credits");
    expect(shown).toContain("Dashboard +500 350 never Support credit");
    expect(shown).toContain("Plan +200 200 Oct 1, 2026 expired —");
    expect(markup.match(/>expired</g)).toHaveLength(1);
    expect(shown).not.toContain("Load more");
    expect(shown).not.toContain("No credits yet");
  });

  it("says No credits yet when there are none", () => {
    const shown = text(html(createElement(CreditMovements, { balance: 0, grants: [], hasMore: false })));
    expect(shown).toContain("No credits yet");
    expect(shown).toContain("0 credits");
  });

  it("offers Load more while the API has more", () => {
    expect(html(createElement(CreditMovements, { balance: 1, grants: [grant()], hasMore: true }))).toMatch(/<button[^>]*>Load more<\/button>/);
    expect(text(html(createElement(CreditMovements, { balance: 1, grants: [grant()], hasMore: true, moreError: new Error("The service could not be reached.") })))).toContain(
      "The service could not be reached.",
    );
  });

  it("adds the credits to the usage shown: + N credits, nothing with none", () => {
    expect(usageCreditsLabel(1500)).toBe("+ 1,500 credits");
    expect(usageCreditsLabel(1)).toBe("+ 1 credit");
    expect(usageCreditsLabel(0)).toBeNull();
    expect(html(createElement(UsageCredits, { credits: 40 }))).toMatch(/data-testid="usage-credits"[^>]*>\+ 40 credits</);
    expect(html(createElement(UsageCredits, { credits: 0 }))).toBe("");
    expect(formatCreditAmount(-2000)).toBe("-2,000");
  });
});

describe("the Grant credits form", () => {
  const NOW = new Date("2026-11-10T12:00:00Z");

  it("has labelled amount, reason and expiry fields, explains deductions, and a Grant credits button", () => {
    const markup = html(createElement(GrantCreditsForm, { form: EMPTY_GRANT_FORM }));
    expect(markup).toContain('aria-label="Grant credits"');
    expect(markup).toMatch(/<label for="grant-amount"[^>]*>Amount<\/label>/);
    expect(markup).toMatch(/<label for="grant-reason"[^>]*>Reason<\/label>/);
    expect(markup).toMatch(/<label for="grant-expiresOn"[^>]*>Expires on \(optional\)<\/label>/);
    expect(markup).toContain('type="date"');
    expect(text(markup)).toContain("negative (e.g. -50) deducts them");
    expect(markup).toMatch(/<button type="submit"[^>]*>Grant credits<\/button>/);
  });

  it("sends a whole amount (negative to deduct), the trimmed reason, and an expiry date as 00:00 UTC that day", () => {
    expect(validateGrantForm({ amount: " 1,000 ", reason: " Outage ", expiresOn: "2026-12-01" }, NOW)).toEqual({
      errors: {},
      input: { amount: 1000, reason: "Outage", expiresAt: "2026-12-01T00:00:00.000Z" },
    });
    expect(validateGrantForm({ amount: "-50", reason: "Correction", expiresOn: "" }, NOW).input).toEqual({ amount: -50, reason: "Correction" });
  });

  it("refuses what the API refuses, next to the field", () => {
    const errors = (amount: string, reason = "why", expiresOn = "") => validateGrantForm({ amount, reason, expiresOn }, NOW).errors;
    expect(errors("").amount).toMatch(/whole number of credits/);
    expect(errors("1.5").amount).toMatch(/whole number of credits/);
    expect(errors("0").amount).toBe("Enter a number other than 0.");
    expect(errors("10000001").amount).toBe("At most 10,000,000 credits at a time, either way.");
    expect(errors("-10000001").amount).toBe("At most 10,000,000 credits at a time, either way.");
    expect(errors("-10000000")).toEqual({});
    expect(errors("5", "  ").reason).toMatch(/Say why/);
    expect(errors("5", "x".repeat(201)).reason).toBe("At most 200 characters (201 now).");
    expect(errors("5", "why", "2026-11-10").expiresOn).toBe("Pick a date after today (UTC).");
    expect(errors("-5", "why", "2026-12-01").expiresOn).toMatch(/A deduction has no expiry/);
  });

  it("shows field errors on their fields and the API's message next to the form", () => {
    const refusal = new ApiError(409, "insufficient_credits", 'Customer "user_42" has 40 credits; a deduction of 50 would take the balance below zero.', "req_1", {
      error: { code: "insufficient_credits" },
      balance: 40,
    });
    const markup = html(createElement(GrantCreditsForm, { form: { amount: "-50", reason: "", expiresOn: "" }, errors: { reason: "Say why." }, failure: refusal }));
    expect(markup).toMatch(/id="grant-reason"[^>]*aria-invalid="true"[^>]*aria-describedby="grant-reason-error"/);
    expect(markup).toMatch(/id="grant-reason-error"[^>]*>Say why\.</);
    expect(markup).toMatch(/data-testid="grant-credits-error"/);
    expect(text(markup)).toContain('Customer "user_42" has 40 credits; a deduction of 50 would take the balance below zero.');
    expect(text(markup)).toContain("Request id: req_1");
  });

  it("says what was done and the new balance after a movement", () => {
    const done: CreditMovement = { userId: "user_42", grant: grant({ amount: -25, remaining: 0 }), balance: 15, mode: "test" };
    expect(text(html(createElement(GrantCreditsForm, { form: EMPTY_GRANT_FORM, done })))).toContain("Deducted 25 credits. Balance: 15 credits.");
  });
});

describe("granting credits", () => {
  const sent: { url: URL; method: string; body: unknown; key: string | null }[] = [];
  let answer: () => Response;

  const movement = (amount: number, balance: number): CreditMovement => ({ userId: "user_42", grant: grant({ amount, remaining: Math.max(amount, 0) }), balance, mode: "test" });
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

  beforeEach(() => {
    sent.length = 0;
    answer = () => json(201, movement(500, 500));
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({
          url: new URL(input),
          method: init.method ?? "GET",
          body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
          key: new Headers(init.headers).get("Idempotency-Key"),
        });
        return answer();
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const api = developerApi(async () => "session-jwt");
  let keys = 0;
  const submitter = () =>
    grantSubmitter(
      (input, key) => api.grantCredits("test", "user_42", input, key),
      () => `key_${++keys}`,
    );

  it("reads the balance and a page of movements with the mode and the cursor", async () => {
    answer = () => json(200, { userId: "user_42", balance: 0, grants: [], hasMore: false, nextCursor: null, mode: "live" });
    await api.credits("live", "user 42", { cursor: "c_2" });
    expect(sent[0]!.url.toString()).toBe(`${config.apiMultiUrl}/api/customers/user%2042/credits?mode=live&limit=20&cursor=c_2`);
  });

  it("posts the movement with an Idempotency-Key, and answers the new balance", async () => {
    const result = await submitter()({ amount: 500, reason: "Outage" });
    expect(result.balance).toBe(500);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url.toString()).toBe(`${config.apiMultiUrl}/api/customers/user_42/credits?mode=test`);
    expect(sent[0]!.body).toEqual({ amount: 500, reason: "Outage" });
    expect(sent[0]!.key).toMatch(/^key_\d+$/);
  });

  it("sends a double click once, and a retry after a failure with the same key", async () => {
    const submit = submitter();
    const [first, second] = await Promise.all([submit({ amount: 500, reason: "Outage" }), submit({ amount: 500, reason: "Outage" })]);
    expect(sent).toHaveLength(1);
    expect(second).toBe(first);

    answer = () => {
      throw new TypeError("Failed to fetch");
    };
    await expect(submit({ amount: 700, reason: "Outage" })).rejects.toThrow(/could not be reached/);
    answer = () => json(201, movement(700, 1200));
    await submit({ amount: 700, reason: "Outage" });
    expect(sent).toHaveLength(3);
    expect(sent[2]!.key).toBe(sent[1]!.key);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);

    // After a success, the same values again are a new grant: a new key.
    await submit({ amount: 700, reason: "Outage" });
    expect(sent[3]!.key).not.toBe(sent[2]!.key);
    // Changed values are a new submission.
    answer = () => {
      throw new TypeError("Failed to fetch");
    };
    await expect(submit({ amount: 1, reason: "Outage" })).rejects.toThrow();
    answer = () => json(201, movement(2, 1202));
    await submit({ amount: 2, reason: "Outage" });
    expect(sent[5]!.key).not.toBe(sent[4]!.key);
  });

  it("gives the API's refusal of a deduction past the balance, with the balance", async () => {
    answer = () =>
      json(409, {
        error: { code: "insufficient_credits", message: 'Customer "user_42" has 40 credits; a deduction of 50 would take the balance below zero.', param: "amount" },
        balance: 40,
        requestId: "req_9",
      });
    const refusal = await submitter()({ amount: -50, reason: "Correction" }).catch((caught: unknown) => caught);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe("insufficient_credits");
    expect((refusal as ApiError).message).toContain("has 40 credits");
    expect(((refusal as ApiError).body as { balance: number }).balance).toBe(40);
    expect(text(html(createElement(GrantCreditsForm, { form: EMPTY_GRANT_FORM, failure: refusal as ApiError })))).toContain("has 40 credits; a deduction of 50");
  });
});
