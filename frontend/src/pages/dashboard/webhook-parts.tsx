/**
 * The Webhooks page's pieces that need no dashboard context: the one-time
 * secret, an endpoint's summary (with the "failing" notice), and a
 * delivery's attempts. Rendered by the page, and by the tests on their own.
 */
import type { WebhookDelivery, WebhookEndpoint } from "../../api/models";
import { Badge, Button, CopyButton } from "../../components/ui";
import { formatDateTime, formatDateTimeSeconds } from "../../lib/format";
import { attemptOutcome, deliveryLabel, endpointState, eventsLabel } from "../../lib/webhooks";

/** A new signing secret (after create or rotate): shown this once, with copy. */
export function SecretReveal({ secret, url, rotated, onDone }: { secret: string; url: string; rotated: boolean; onDone: () => void }) {
  return (
    <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-label="New signing secret">
      <h2 className="font-semibold text-amber-900">Copy your signing secret now — you won't see it again</h2>
      <p className="mt-1 break-all text-sm text-amber-800">
        {rotated
          ? `The new secret of ${url}. The old one keeps signing for 24 hours (both signatures are sent), so update your server before then.`
          : `The secret of ${url}. Verify each delivery's webhook-signature header with it (Standard Webhooks).`}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="webhook-secret">
          {secret}
        </code>
        <CopyButton value={secret} />
      </div>
      <Button variant="secondary" className="mt-3" onClick={onDone}>
        I have saved it
      </Button>
    </section>
  );
}

/** An endpoint as the list shows it: never its secret, only the secret's prefix. */
export function EndpointSummary({ endpoint }: { endpoint: WebhookEndpoint }) {
  const state = endpointState(endpoint);
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2">
        <span className="break-all font-mono text-sm font-medium text-slate-900">{endpoint.url}</span>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      {endpoint.description ? <p className="mt-1 text-sm text-slate-600">{endpoint.description}</p> : null}
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">Events</dt>
        <dd className="break-words">{eventsLabel(endpoint.events)}</dd>
        <dt className="text-slate-500">Signing secret</dt>
        <dd className="font-mono">{endpoint.secretPrefix}…</dd>
        {endpoint.failingSince ? (
          <>
            <dt className="text-slate-500">Failing since</dt>
            <dd>{formatDateTime(endpoint.failingSince)}</dd>
          </>
        ) : null}
      </dl>
      {state.notice ? (
        <p className="mt-3 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800" role="alert" data-testid="endpoint-failing">
          {state.notice}.
        </p>
      ) : null}
    </div>
  );
}

/** A delivery to one endpoint and every attempt of it. */
export function DeliveryDetails({ delivery }: { delivery: WebhookDelivery }) {
  const label = deliveryLabel(delivery);
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={label.tone}>{label.label}</Badge>
        <span className="break-all font-mono text-xs text-slate-700">{delivery.url}</span>
      </div>
      {delivery.status === "pending" && delivery.nextAttemptAt ? <p className="mt-1 text-xs text-slate-500">Next attempt {formatDateTime(delivery.nextAttemptAt)}</p> : null}
      {delivery.attempts.length === 0 ? (
        <p className="mt-2 text-xs text-slate-500">No attempt yet.</p>
      ) : (
        <ol className="mt-2 space-y-2" aria-label="Attempts">
          {delivery.attempts.map((attempt) => {
            const ok = attempt.responseStatus !== null && attempt.responseStatus >= 200 && attempt.responseStatus < 300;
            return (
              <li key={attempt.attempt} className="rounded bg-slate-50 p-2 text-xs">
                <div className="flex flex-wrap gap-x-3 gap-y-1">
                  <span className="font-medium text-slate-700">#{attempt.attempt}</span>
                  <span className="text-slate-600">{formatDateTimeSeconds(attempt.attemptedAt)}</span>
                  <span className={ok ? "font-semibold text-emerald-700" : "font-semibold text-rose-700"}>{attemptOutcome(attempt)}</span>
                  <span className="text-slate-600">{attempt.latencyMs} ms</span>
                </div>
                {attempt.responseBody ? (
                  <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-[11px] text-slate-700">{attempt.responseBody}</pre>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
