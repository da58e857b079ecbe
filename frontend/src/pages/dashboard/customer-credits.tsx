import { useMemo, useRef, useState, type FormEvent } from "react";
import type { CreditGrant, CreditMovement } from "../../api/models";
import { Badge, Button, Card, Empty, ErrorState, Field, InlineError, Loading, Table, inputClass } from "../../components/ui";
import { usePagedList } from "../../hooks/use-paged-list";
import {
  CREDIT_SOURCE_LABELS,
  EMPTY_GRANT_FORM,
  MAX_CREDIT_REASON,
  creditsLabel,
  formatCreditAmount,
  grantSubmitter,
  validateGrantForm,
  type GrantForm,
  type GrantFormErrors,
} from "../../lib/credits";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { useDashboard } from "./dashboard-context";

/** The balance and the movements shown so far, newest first, with "Load more" while the API has more. */
export function CreditMovements({
  balance,
  grants,
  hasMore,
  loadingMore = false,
  moreError = null,
  onLoadMore,
}: {
  balance: number;
  grants: CreditGrant[];
  hasMore: boolean;
  loadingMore?: boolean;
  moreError?: Error | null;
  onLoadMore?: () => void;
}) {
  return (
    <div className="space-y-4">
      <dl>
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Balance</dt>
        <dd className="text-2xl font-bold text-slate-900" data-testid="credit-balance">
          {creditsLabel(balance)}
        </dd>
        <dd className="text-xs text-slate-500">Unexpired credits. Tracks spend them once the period's allowance is used up, soonest-expiring first.</dd>
      </dl>
      {grants.length === 0 ? (
        <Empty>No credits yet</Empty>
      ) : (
        <Table headers={["Date", "Source", "Amount", "Remaining", "Expires", "Reason"]}>
          {grants.map((grant) => (
            <tr key={grant.id} data-testid="credit-movement">
              <td className="whitespace-nowrap py-2 pr-4 text-slate-600">{formatDateTime(grant.createdAt)}</td>
              <td className="py-2 pr-4">{CREDIT_SOURCE_LABELS[grant.source]}</td>
              <td className={`whitespace-nowrap py-2 pr-4 font-medium ${grant.amount < 0 ? "text-rose-700" : "text-emerald-700"}`}>{formatCreditAmount(grant.amount)}</td>
              <td className="py-2 pr-4">{grant.amount < 0 ? "—" : formatNumber(grant.remaining)}</td>
              <td className="whitespace-nowrap py-2 pr-4">
                {grant.expiresAt ? formatDate(grant.expiresAt) : grant.amount < 0 ? "—" : "never"}
                {grant.expired ? (
                  <>
                    {" "}
                    <Badge tone="slate">expired</Badge>
                  </>
                ) : null}
              </td>
              <td className="py-2 text-slate-700">{grant.reason ?? "—"}</td>
            </tr>
          ))}
        </Table>
      )}
      <InlineError error={moreError} />
      {hasMore ? (
        <Button variant="secondary" busy={loadingMore} onClick={onLoadMore}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}

/** The Grant credits form's fields, its field errors and the API's refusal, if any. */
export function GrantCreditsForm({
  form,
  errors = {},
  failure = null,
  done = null,
  busy = false,
  onChange,
  onSubmit,
}: {
  form: GrantForm;
  errors?: GrantFormErrors;
  failure?: Error | null;
  done?: CreditMovement | null;
  busy?: boolean;
  onChange?: (form: GrantForm) => void;
  onSubmit?: () => void;
}) {
  const set = (field: keyof GrantForm, value: string) => onChange?.({ ...form, [field]: value });
  const invalid = (field: keyof GrantForm) => ({ "aria-invalid": errors[field] ? true : undefined, "aria-describedby": errors[field] ? `grant-${field}-error` : undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Grant credits" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Grant credits</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Amount" htmlFor="grant-amount" error={errors.amount} hint="Positive grants credits; negative (e.g. -50) deducts them, from those that expire first, never below 0.">
          <input id="grant-amount" inputMode="numeric" className={inputClass} value={form.amount} onChange={(e) => set("amount", e.target.value)} {...invalid("amount")} />
        </Field>
        <Field label="Reason" htmlFor="grant-reason" error={errors.reason} hint="Shown in the customer's credit history.">
          <input id="grant-reason" maxLength={MAX_CREDIT_REASON} className={inputClass} value={form.reason} onChange={(e) => set("reason", e.target.value)} {...invalid("reason")} />
        </Field>
        <Field label="Expires on (optional)" htmlFor="grant-expiresOn" error={errors.expiresOn} hint="Empty: the credits never expire. Grants only.">
          <input id="grant-expiresOn" type="date" className={inputClass} value={form.expiresOn} onChange={(e) => set("expiresOn", e.target.value)} {...invalid("expiresOn")} />
        </Field>
      </div>
      {failure ? (
        <div data-testid="grant-credits-error">
          <ErrorState error={failure} />
        </div>
      ) : null}
      {done && !failure ? (
        <p className="text-sm text-emerald-800" role="status" data-testid="grant-credits-done">
          {done.grant.amount < 0 ? `Deducted ${creditsLabel(-done.grant.amount)}` : `Granted ${creditsLabel(done.grant.amount)}`}. Balance: {creditsLabel(done.balance)}.
        </p>
      ) : null}
      <Button type="submit" busy={busy}>
        Grant credits
      </Button>
    </form>
  );
}

/**
 * A customer's credits: the balance, its grants and deductions (paginated),
 * and the Grant credits form. After a movement the list and the balance are
 * fetched again and `onChanged` refreshes the customer's usage.
 */
export function CreditsCard({ userId, onChanged }: { userId: string; onChanged?: () => void }) {
  const { api, mode } = useDashboard();
  const [balance, setBalance] = useState<number | null>(null);
  const list = usePagedList(
    async (cursor) => {
      const page = await api.credits(mode, userId, { cursor });
      setBalance(page.balance);
      return { items: page.grants, nextCursor: page.hasMore ? page.nextCursor : null };
    },
    [api, mode, userId],
  );
  const [form, setForm] = useState<GrantForm>(EMPTY_GRANT_FORM);
  const [errors, setErrors] = useState<GrantFormErrors>({});
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<CreditMovement | null>(null);
  const [busy, setBusy] = useState(false);
  const target = useRef({ api, mode, userId });
  target.current = { api, mode, userId };
  // One submitter per customer and mode, so a retry keeps its Idempotency-Key.
  const submit = useMemo(() => grantSubmitter((input, key) => target.current.api.grantCredits(target.current.mode, target.current.userId, input, key)), [api, mode, userId]);

  const grant = async () => {
    const result = validateGrantForm(form);
    setErrors(result.errors);
    setFailure(null);
    setDone(null);
    if (!result.input) return;
    setBusy(true);
    try {
      const movement = await submit(result.input);
      setBalance(movement.balance);
      setDone(movement);
      setForm(EMPTY_GRANT_FORM);
      onChanged?.();
      await list.refresh();
    } catch (caught) {
      setFailure(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Credits">
      <div className="space-y-6">
        {list.error ? <ErrorState error={list.error} onRetry={() => void list.reload()} /> : null}
        {!list.items && list.loading ? <Loading label="Loading credits…" /> : null}
        {list.items && balance !== null ? (
          <CreditMovements
            balance={balance}
            grants={list.items}
            hasMore={list.nextCursor !== null}
            loadingMore={list.loadingMore}
            moreError={list.moreError ?? null}
            onLoadMore={() => void list.loadMore()}
          />
        ) : null}
        <GrantCreditsForm
          form={form}
          errors={errors}
          failure={failure}
          done={done}
          busy={busy}
          onChange={(next) => {
            setForm(next);
            setDone(null);
          }}
          onSubmit={() => void grant()}
        />
      </div>
    </Card>
  );
}
