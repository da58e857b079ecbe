/**
 * Settings of the mode the header's switch shows (test and live are
 * separate, as in Stripe): the origins Checkout and the billing portal may
 * send end-users back to, and the default return URLs. Saved through
 * front-auth-api's PATCH /settings; the next checkout uses them.
 */
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { Settings } from "../../api/models";
import { Button, Card, ErrorState, Field, InlineError, Loading, inputClass } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { liveModeMissing } from "../../lib/dashboard-mode";
import { formatDateTime } from "../../lib/format";
import { changeOf, fieldOf, formOf, type SettingsField, type SettingsForm } from "../../lib/settings-form";
import { useDashboard } from "./dashboard-context";
import { LiveModeRequired } from "./mode";

const HINTS = {
  test: "Test keys. http origins such as http://localhost:3000 are fine here.",
  live: "Live keys: only these https origins may receive your end-users after Checkout or the billing portal.",
} as const;

export function SettingsPage() {
  const { api, mode } = useDashboard();
  const saved = useAsync(() => api.settings(mode), [api, mode]);

  if (saved.error) return <ErrorState error={saved.error} onRetry={() => void saved.reload()} />;
  if (!saved.data) return <Loading label="Loading settings…" />;
  return <SettingsEditor mode={mode} hint={HINTS[mode]} settings={saved.data.settings} onSaved={() => void saved.reload()} />;
}

const FIELDS: { field: Exclude<SettingsField, "allowedOrigins">; label: string; hint: string }[] = [
  { field: "defaultSuccessUrl", label: "Default success URL", hint: "Where Checkout returns after payment when your call names no successUrl." },
  { field: "defaultCancelUrl", label: "Default cancel URL", hint: "Where Checkout returns when the end-user cancels." },
  { field: "defaultReturnUrl", label: "Default portal return URL", hint: "Where the billing portal returns." },
];

function SettingsEditor({ mode, hint, settings, onSaved }: { mode: Settings["mode"]; hint: string; settings: Settings; onSaved: () => void }) {
  const { api, me } = useDashboard();
  const liveBlocked = mode === "live" && liveModeMissing(me).any;
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState(settings.updatedAt);
  const set = (field: SettingsField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (liveBlocked) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const { settings: stored } = await api.updateSettings(changeOf(mode, form));
      setForm(formOf(stored));
      setSavedAt(stored.updatedAt);
      onSaved();
    } catch (caught) {
      const field = caught instanceof ApiError ? fieldOf((caught.body as { error?: { param?: string } })?.error?.param) : undefined;
      if (field) setFieldErrors({ [field]: (caught as Error).message });
      else setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={mode === "live" ? "Live mode settings" : "Test mode settings"}>
      <form className="space-y-4" onSubmit={(event) => void save(event)} noValidate>
        <p className="text-sm text-slate-600">{hint}</p>
        <Field label="Allowed origins" htmlFor={`origins-${mode}`} error={fieldErrors.allowedOrigins} hint="One per line, scheme and host only, e.g. https://app.example.">
          <textarea id={`origins-${mode}`} rows={4} className={inputClass} value={form.allowedOrigins} onChange={(event) => set("allowedOrigins")(event.target.value)} />
        </Field>
        {FIELDS.map(({ field, label, hint: fieldHint }) => (
          <Field key={field} label={label} htmlFor={`${field}-${mode}`} error={fieldErrors[field]} hint={fieldHint}>
            <input id={`${field}-${mode}`} type="url" className={inputClass} value={form[field]} onChange={(event) => set(field)(event.target.value)} placeholder="https://app.example/…" />
          </Field>
        ))}
        {liveBlocked ? <LiveModeRequired /> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={busy} disabled={liveBlocked}>
            Save {mode} settings
          </Button>
          <span className="text-sm text-slate-500">{savedAt ? `Saved ${formatDateTime(savedAt)}` : "Not saved yet: defaults are your hosted pricing page."}</span>
        </div>
      </form>
      <InlineError error={error} />
    </Card>
  );
}
