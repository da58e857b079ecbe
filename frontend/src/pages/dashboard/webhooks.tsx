/**
 * The current mode's outbound webhooks: endpoints (add, edit, enable or
 * disable, rotate the signing secret, send a test, delete), each new secret
 * shown once, and the recent events with their deliveries
 * (./webhook-events). `?userId=` and `?type=` filter the events.
 */
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { WebhookEndpoint, WebhookEndpointInput } from "../../api/models";
import { Button, Card, Empty, ErrorState, Field, InlineError, Loading, inputClass } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import type { DashboardMode } from "../../lib/dashboard-mode";
import { endpointFieldOf, endpointFormOf, endpointInput, NEW_ENDPOINT, SUBSCRIBABLE_EVENT_TYPES, validateEndpointForm, type EndpointForm, type EndpointFormField } from "../../lib/webhooks";
import { useDashboard } from "./dashboard-context";
import { EndpointSummary, SecretReveal } from "./webhook-parts";
import { WebhookEvents } from "./webhook-events";

interface Revealed {
  secret: string;
  url: string;
  rotated: boolean;
}

export function WebhooksPage() {
  const { api, mode } = useDashboard();
  const endpoints = useAsync(() => api.webhookEndpoints(mode), [api, mode]);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [adding, setAdding] = useState(false);
  // Bumped when an action adds an event (Send test), so the events list shows it.
  const [eventsVersion, setEventsVersion] = useState(0);

  const create = async (input: WebhookEndpointInput) => {
    const created = await api.createWebhookEndpoint(mode, input);
    setRevealed({ secret: created.secret, url: created.endpoint.url, rotated: false });
    setAdding(false);
    await endpoints.reload();
  };

  const list = endpoints.data?.endpoints;
  return (
    <div className="space-y-6">
      {revealed ? <SecretReveal {...revealed} onDone={() => setRevealed(null)} /> : null}
      <Card
        title={mode === "live" ? "Live webhook endpoints" : "Test webhook endpoints"}
        actions={
          adding ? null : (
            <Button onClick={() => setAdding(true)} disabled={!list}>
              Add endpoint
            </Button>
          )
        }
      >
        <p className="mb-4 text-sm text-slate-600">
          We send your server a signed POST for each {mode} event (usage alerts, new customers, plan and subscription changes, failed payments), retrying failed deliveries for up to 5 days.
        </p>
        {adding ? (
          <div className="mb-4 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">New endpoint</h3>
            <EndpointFormView mode={mode} idPrefix="new" initial={NEW_ENDPOINT} submitLabel="Add endpoint" onSubmit={create} onCancel={() => setAdding(false)} />
          </div>
        ) : null}
        {endpoints.error ? <ErrorState error={endpoints.error} onRetry={() => void endpoints.reload()} /> : null}
        {!list && endpoints.loading ? <Loading label="Loading endpoints…" /> : null}
        {list && list.length === 0 && !adding ? <Empty>No {mode} endpoints yet. Add one to receive events on your server.</Empty> : null}
        {list && list.length > 0 ? (
          <ul className="space-y-4">
            {list.map((endpoint) => (
              <EndpointItem
                key={endpoint.id}
                endpoint={endpoint}
                onChanged={() => void endpoints.reload()}
                onRotated={(secret, updated) => setRevealed({ secret, url: updated.url, rotated: true })}
                onTested={() => setEventsVersion((version) => version + 1)}
              />
            ))}
          </ul>
        ) : null}
      </Card>
      <WebhookEvents version={eventsVersion} />
    </div>
  );
}

type Confirming = "rotate" | "delete" | null;

function EndpointItem({
  endpoint,
  onChanged,
  onRotated,
  onTested,
}: {
  endpoint: WebhookEndpoint;
  onChanged: () => void;
  onRotated: (secret: string, endpoint: WebhookEndpoint) => void;
  onTested: () => void;
}) {
  const { api, mode } = useDashboard();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    setError(null);
    setMessage(null);
    try {
      await action();
      setConfirming(null);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };

  const label = endpoint.description ? `${endpoint.description} (${endpoint.url})` : endpoint.url;
  return (
    <li className="rounded-lg border border-slate-200 p-3 sm:p-4" aria-label={`Endpoint ${endpoint.url}`}>
      {editing ? (
        <EndpointFormView
          mode={mode}
          idPrefix={endpoint.id}
          initial={endpointFormOf(endpoint)}
          submitLabel="Save endpoint"
          onSubmit={async (input) => {
            await api.updateWebhookEndpoint(mode, endpoint.id, input);
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <EndpointSummary endpoint={endpoint} />
      )}
      {editing ? null : confirming === "rotate" ? (
        <div className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="alertdialog" aria-label="Confirm rotate secret">
          <p>
            Rotate the signing secret of {endpoint.url}? You get a new secret, shown once. The old one keeps signing deliveries for 24 hours, beside the new one, so you can update your server without
            missing events.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              busy={busy === "rotate"}
              onClick={() =>
                void run("rotate", async () => {
                  const rotated = await api.rotateWebhookSecret(mode, endpoint.id);
                  onRotated(rotated.secret, rotated.endpoint);
                  onChanged();
                })
              }
            >
              Yes, rotate secret
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : confirming === "delete" ? (
        <div className="mt-3 rounded-md bg-rose-50 p-3 text-sm text-rose-800" role="alertdialog" aria-label="Confirm delete endpoint">
          <p>Delete {label}? It receives no more events, and pending retries to it stop. This cannot be undone.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              variant="danger"
              busy={busy === "delete"}
              onClick={() =>
                void run("delete", async () => {
                  await api.deleteWebhookEndpoint(mode, endpoint.id);
                  onChanged();
                })
              }
            >
              Yes, delete endpoint
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant={!endpoint.enabled && endpoint.disabledReason === "failing" ? "primary" : "secondary"}
            busy={busy === "toggle"}
            aria-pressed={endpoint.enabled}
            onClick={() =>
              void run("toggle", async () => {
                await api.updateWebhookEndpoint(mode, endpoint.id, { enabled: !endpoint.enabled });
                onChanged();
              })
            }
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="secondary"
            busy={busy === "test"}
            disabled={!endpoint.enabled}
            title={endpoint.enabled ? undefined : "Enable the endpoint to send it a test"}
            onClick={() =>
              void run("test", async () => {
                const { event } = await api.testWebhookEndpoint(mode, endpoint.id);
                setMessage(`Test event ${event.id} sent: see it under Recent events.`);
                onTested();
              })
            }
          >
            Send test
          </Button>
          <Button variant="secondary" onClick={() => setConfirming("rotate")}>
            Rotate secret…
          </Button>
          <Button variant="ghost" className="text-rose-700" onClick={() => setConfirming("delete")}>
            Delete…
          </Button>
        </div>
      )}
      {message ? (
        <p className="mt-2 text-sm text-emerald-700" role="status">
          {message}
        </p>
      ) : null}
      <InlineError error={error} />
    </li>
  );
}

/** Add or edit an endpoint: URL (https in live mode), description, and all events or the types picked. */
function EndpointFormView({
  mode,
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  mode: DashboardMode;
  idPrefix: string;
  initial: EndpointForm;
  submitLabel: string;
  onSubmit: (input: ReturnType<typeof endpointInput>) => Promise<void>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<EndpointForm>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<EndpointFormField, string>>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${idPrefix}-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const invalid = validateEndpointForm(form, mode);
    setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(endpointInput(form));
    } catch (caught) {
      const field = caught instanceof ApiError ? endpointFieldOf((caught.body as { error?: { param?: string } } | null)?.error?.param) : undefined;
      if (field) setFieldErrors({ [field]: (caught as Error).message });
      else setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  const toggleType = (type: string, checked: boolean) =>
    setForm((current) => ({ ...current, events: checked ? [...current.events.filter((item) => item !== type), type] : current.events.filter((item) => item !== type) }));

  return (
    <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Endpoint URL"
        htmlFor={id("url")}
        error={fieldErrors.url}
        hint={mode === "live" ? "Live mode requires https. We POST each event there as JSON." : "We POST each event there as JSON (http is fine in test mode; live mode requires https)."}
      >
        <input
          id={id("url")}
          type="url"
          inputMode="url"
          className={inputClass}
          value={form.url}
          onChange={(event) => setForm((current) => ({ ...current, url: event.target.value }))}
          placeholder="https://api.example.com/webhooks/dream-api"
          aria-invalid={fieldErrors.url ? true : undefined}
          aria-describedby={fieldErrors.url ? `${id("url")}-error` : undefined}
        />
      </Field>
      <Field label="Description (optional)" htmlFor={id("description")} error={fieldErrors.description}>
        <input
          id={id("description")}
          type="text"
          className={inputClass}
          value={form.description}
          onChange={(event) => setForm((current) => ({ ...current, description: event.target.value }))}
          placeholder="Production backend"
          aria-invalid={fieldErrors.description ? true : undefined}
          aria-describedby={fieldErrors.description ? `${id("description")}-error` : undefined}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby={fieldErrors.events ? `${id("events")}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events to send</legend>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600"
            checked={form.allEvents}
            onChange={(event) => setForm((current) => ({ ...current, allEvents: event.target.checked }))}
          />
          <span>
            <span className="font-medium">All events</span>
            <span className="block text-xs text-slate-500">Including types added later.</span>
          </span>
        </label>
        {form.allEvents ? null : (
          <div className="grid gap-2 pl-6 sm:grid-cols-2">
            {SUBSCRIBABLE_EVENT_TYPES.map((item) => (
              <label key={item.type} className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600"
                  checked={form.events.includes(item.type)}
                  onChange={(event) => toggleType(item.type, event.target.checked)}
                />
                <span className="min-w-0">
                  <span className="break-all font-mono text-xs font-medium">{item.type}</span>
                  <span className="block text-xs text-slate-500">{item.description}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {fieldErrors.events ? (
          <p className="text-xs text-rose-600" id={`${id("events")}-error`}>
            {fieldErrors.events}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <InlineError error={error} />
    </form>
  );
}
