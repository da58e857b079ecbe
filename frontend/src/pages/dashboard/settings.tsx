/**
 * Settings of the mode the header's switch shows (test and live are
 * separate, as in Stripe): the origins Checkout and the billing portal may
 * send end-users back to (in test mode, localhost too if ticked), the
 * default return URLs, and the brand of the hosted pricing page and
 * Checkout, and the usage alerts (usage.threshold_reached webhooks). Saved through
 * front-auth-api's PATCH /settings; the next checkout uses them.
 */
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { Settings } from "../../api/models";
import { Button, Card, ErrorState, Field, InlineError, Loading, inputClass } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { liveModeMissing } from "../../lib/dashboard-mode";
import { formatDateTime } from "../../lib/format";
import { changeOf, fieldOf, formOf, validateForm, type SettingsField, type SettingsForm, type SettingsTextField } from "../../lib/settings-form";
import { describeThresholds, parseThresholds } from "../../lib/usage-alerts";
import { useDashboard } from "./dashboard-context";
import { LiveModeRequired } from "./mode";

const HINTS = {
  test: "Test keys: only these origins (http is fine here) may receive your end-users after Checkout or the billing portal.",
  live: "Live keys: only these https origins may receive your end-users after Checkout or the billing portal.",
} as const;

export function SettingsPage() {
  const { api, mode } = useDashboard();
  const saved = useAsync(() => api.settings(mode), [api, mode]);

  if (saved.error) return <ErrorState error={saved.error} onRetry={() => void saved.reload()} />;
  if (!saved.data) return <Loading label="Loading settings…" />;
  return <SettingsEditor mode={mode} hint={HINTS[mode]} settings={saved.data.settings} onSaved={() => void saved.reload()} />;
}

interface TextField {
  field: Exclude<SettingsTextField, "allowedOrigins">;
  label: string;
  hint: string;
  type: "url" | "text" | "email";
  placeholder: string;
}

const URL_FIELDS: TextField[] = [
  { field: "defaultSuccessUrl", label: "Default success URL", hint: "Where Checkout returns after payment when your call names no successUrl.", type: "url", placeholder: "https://app.example/…" },
  { field: "defaultCancelUrl", label: "Default cancel URL", hint: "Where Checkout returns when the end-user cancels.", type: "url", placeholder: "https://app.example/…" },
  { field: "defaultReturnUrl", label: "Default portal return URL", hint: "Where the billing portal returns.", type: "url", placeholder: "https://app.example/…" },
];

const BRAND_FIELDS: TextField[] = [
  { field: "displayName", label: "Display name", hint: "Shown on your pricing page and on Checkout, up to 60 characters.", type: "text", placeholder: "Acme AI" },
  { field: "logoUrl", label: "Logo URL", hint: "An https image (http is fine in test mode).", type: "url", placeholder: "https://app.example/logo.png" },
  { field: "accentColor", label: "Accent colour", hint: "Buttons and highlights, as #RRGGBB.", type: "text", placeholder: "#4f46e5" },
  { field: "supportEmail", label: "Support email", hint: "Shown on your pricing page as “Questions? …”.", type: "email", placeholder: "support@app.example" },
];

function SettingsEditor({ mode, hint, settings, onSaved }: { mode: Settings["mode"]; hint: string; settings: Settings; onSaved: () => void }) {
  const { api, me } = useDashboard();
  const liveBlocked = mode === "live" && liveModeMissing(me).any;
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState(settings.updatedAt);
  const set = (field: SettingsTextField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const textField = ({ field, label, hint: fieldHint, type, placeholder }: TextField) => (
    <Field key={field} label={label} htmlFor={`${field}-${mode}`} error={fieldErrors[field]} hint={fieldHint}>
      <input
        id={`${field}-${mode}`}
        type={type}
        className={inputClass}
        value={form[field]}
        onChange={(event) => set(field)(event.target.value)}
        placeholder={placeholder}
        aria-invalid={fieldErrors[field] ? true : undefined}
        aria-describedby={fieldErrors[field] ? `${field}-${mode}-error` : undefined}
      />
    </Field>
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (liveBlocked) return;
    setError(null);
    const invalid = validateForm(form);
    setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
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
        {mode === "test" ? (
          <div className="flex flex-col gap-1">
            <label className="flex items-start gap-2 text-sm text-slate-800" htmlFor={`allowLocalhost-${mode}`}>
              <input
                id={`allowLocalhost-${mode}`}
                type="checkbox"
                className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600"
                checked={form.allowLocalhost}
                onChange={(event) => setForm((current) => ({ ...current, allowLocalhost: event.target.checked }))}
                aria-describedby={`allowLocalhost-${mode}-${fieldErrors.allowLocalhost ? "error" : "hint"}`}
              />
              <span className="font-medium">Allow http://localhost in test mode</span>
            </label>
            {fieldErrors.allowLocalhost ? (
              <p className="text-xs text-rose-600" id={`allowLocalhost-${mode}-error`}>
                {fieldErrors.allowLocalhost}
              </p>
            ) : (
              <p className="text-xs text-slate-500" id={`allowLocalhost-${mode}-hint`}>
                Checkout and the portal may also return to http://localhost and http://127.0.0.1 on any port, for the backend on your machine. Live mode never allows it.
              </p>
            )}
          </div>
        ) : null}
        {URL_FIELDS.map(textField)}
        <fieldset className="space-y-4 border-t border-slate-200 pt-4">
          <legend className="pt-4 text-sm font-semibold text-slate-900">Brand</legend>
          <p className="text-sm text-slate-600">How your hosted pricing page and Checkout present you in {mode} mode. Leave a field empty for the default look.</p>
          {BRAND_FIELDS.map(textField)}
        </fieldset>
        <fieldset className="space-y-4 border-t border-slate-200 pt-4">
          <legend className="pt-4 text-sm font-semibold text-slate-900">Usage alerts</legend>
          <Field
            label="Alert thresholds (% of the tier limit)"
            htmlFor={`usageAlertThresholds-${mode}`}
            error={fieldErrors.usageAlertThresholds}
            hint="Whole percentages from 1 to 100, separated by commas, at most 5 (e.g. 80, 100). Leave empty to turn usage alerts off."
          >
            <input
              id={`usageAlertThresholds-${mode}`}
              type="text"
              inputMode="numeric"
              className={inputClass}
              value={form.usageAlertThresholds}
              onChange={(event) => {
                set("usageAlertThresholds")(event.target.value);
                setFieldErrors(({ usageAlertThresholds: _fixed, ...others }) => others);
              }}
              placeholder="e.g. 80, 100"
              aria-invalid={fieldErrors.usageAlertThresholds ? true : undefined}
              aria-describedby={fieldErrors.usageAlertThresholds ? `usageAlertThresholds-${mode}-error` : undefined}
            />
          </Field>
          <ThresholdsPreview text={form.usageAlertThresholds} />
        </fieldset>
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

/** What the thresholds typed so far will do (nothing while they cannot be read: the field says why on save). */
function ThresholdsPreview({ text }: { text: string }) {
  const parsed = parseThresholds(text);
  if (!parsed.ok) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="usage-alerts-summary">
      {describeThresholds(parsed.fractions)}
      {parsed.fractions.length > 0 ? " Your webhook endpoints receive them (Webhooks page)." : ""}
    </p>
  );
}
