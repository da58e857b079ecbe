import { useState } from "react";
import type { Credentials, KeyPair } from "../../api/models";
import { Badge, Button, Card, CopyButton, Empty, Field, inputClass, InlineError } from "../../components/ui";
import { liveModeMissing } from "../../lib/dashboard-mode";
import { formatDateTime } from "../../lib/format";
import { pricingPath } from "../../lib/pricing-address";
import { useDashboard } from "./dashboard-context";
import { LiveModeRequired } from "./mode";

const GRACE_OPTIONS = [
  { label: "Revoke the old key now", seconds: 0 },
  { label: "Keep it working for 1 hour", seconds: 3600 },
  { label: "Keep it working for 24 hours", seconds: 86_400 },
  { label: "Keep it working for 7 days", seconds: 604_800 },
];

/** The button that issues a mode's missing key. */
const createLabelFor = (mode: KeyPair["mode"]) => (mode === "live" ? "Issue live keys" : "Create keys");

type Confirming = { action: "rotate"; mode: KeyPair["mode"] } | { action: "revoke"; keyId: string } | null;

/**
 * The current mode's keys: publishable keys with copy; secrets shown once
 * after creation or rotation (of every mode created, since none is shown
 * again), then only as prefixes; rotation and revocation with confirmation.
 */
export function KeysPage() {
  const { api, me, reloadMe, mode } = useDashboard();
  const [revealed, setRevealed] = useState<KeyPair[]>([]);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [grace, setGrace] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const keys = (me.credentials?.keys ?? []).filter((key) => key.mode === mode);
  const hasCurrent = keys.some((key) => key.expiresAt === null);
  const liveBlocked = mode === "live" && liveModeMissing(me).any;
  // The button that issues this mode's missing key (POST /credentials issues every missing mode the plan allows).
  const createLabel = hasCurrent || liveBlocked ? null : createLabelFor(mode);
  // The hosted pricing page of this mode: its address survives key rotation, so it needs no key.
  const pricingPage = pricingPath({ platformId: me.platformId, mode });
  const pricingPageUrl = `${window.location.origin}${pricingPage}`;

  const run = async (name: string, action: () => Promise<Credentials>) => {
    setBusy(name);
    setError(null);
    try {
      const result = await action();
      const secrets = result.keys.filter((key) => key.secretKey);
      // Revoking shows no secret: keep one that is still waiting to be copied.
      if (secrets.length > 0) setRevealed(secrets);
      setConfirming(null);
      await reloadMe();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-6">
      {revealed.length ? (
        <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-label="New secret key">
          <h2 className="font-semibold text-amber-900">Copy your secret key now — it is shown only once</h2>
          <p className="mt-1 text-sm text-amber-800">We store only a hash of it. Keep it on your server; never ship it to browsers.</p>
          {revealed.map((key) => (
            <div key={key.keyId} className="mt-3 flex flex-wrap items-center gap-2">
              <Badge tone={key.mode === "live" ? "indigo" : "amber"}>{key.mode}</Badge>
              <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="secret-key">
                {key.secretKey}
              </code>
              <CopyButton value={key.secretKey!} />
            </div>
          ))}
          <Button variant="secondary" className="mt-3" onClick={() => setRevealed([])}>
            I have saved it
          </Button>
        </section>
      ) : null}
      <Card
        title={mode === "live" ? "Live API keys" : "Test API keys"}
        actions={
          createLabel ? (
            <Button onClick={() => void run("issue", () => api.issueCredentials())} busy={busy === "issue"}>
              {createLabel}
            </Button>
          ) : null
        }
      >
        {liveBlocked ? (
          <div className="mb-4">
            <LiveModeRequired />
          </div>
        ) : null}
        {keys.length === 0 ? (
          <Empty>
            {mode === "live"
              ? "No live keys yet. Live keys take real payments on your Stripe account."
              : `No test keys yet. Create them to call the API from your backend${me.plan === "free" ? " (test keys run in preview mode until you subscribe)" : ""}.`}
          </Empty>
        ) : (
          <ul className="space-y-4">
            {keys.map((key) => (
              <li key={key.keyId} className="rounded-lg border border-slate-200 p-3" aria-label={`${key.mode} key ${key.secretPrefix}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={key.mode === "live" ? "indigo" : "amber"}>{key.mode}</Badge>
                  {key.expiresAt ? <Badge tone="red">expires {formatDateTime(key.expiresAt)}</Badge> : <Badge tone="green">current</Badge>}
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-500">Publishable</span>
                  <code className="break-all font-mono text-xs" data-testid={`publishable-key-${key.mode}`}>
                    {key.publishableKey}
                  </code>
                  <CopyButton value={key.publishableKey} />
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-500">Secret</span>
                  <code className="font-mono text-xs">{key.secretPrefix}</code>
                </div>
                {confirming?.action === "rotate" && confirming.mode === key.mode && key.expiresAt === null ? (
                  <fieldset className="mt-3 space-y-2 rounded-md bg-slate-50 p-3" aria-label={`Rotate ${key.mode} keys`}>
                    <Field label="Old key" htmlFor={`grace-${key.mode}`}>
                      <select id={`grace-${key.mode}`} className={inputClass} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
                        {GRACE_OPTIONS.map((option) => (
                          <option key={option.seconds} value={option.seconds}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <div className="flex flex-wrap gap-2">
                      <Button variant="danger" busy={busy === "rotate"} onClick={() => void run("rotate", () => api.rotateCredentials({ mode: key.mode, gracePeriodSeconds: grace }))}>
                        Rotate {key.mode} keys
                      </Button>
                      <Button variant="secondary" onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                    </div>
                  </fieldset>
                ) : confirming?.action === "revoke" && confirming.keyId === key.keyId ? (
                  <div className="mt-3 rounded-md bg-rose-50 p-3 text-sm text-rose-800" role="alertdialog" aria-label="Confirm revoke">
                    {key.expiresAt ? (
                      <p>
                        Revoke now? Requests with this key start failing within 90 seconds instead of at {formatDateTime(key.expiresAt)}. Make sure your backend already uses the new secret key. This
                        cannot be undone.
                      </p>
                    ) : (
                      <p>
                        {`Revoke the current ${key.mode} key? Requests with it start failing within 90 seconds, and ${key.mode} mode then has no key until you select "${createLabelFor(key.mode)}", which shows a new secret once. To switch keys without downtime, rotate with a grace period instead. This cannot be undone.`}
                      </p>
                    )}
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Button variant="danger" busy={busy === "revoke"} onClick={() => void run("revoke", () => api.revokeKey(key.keyId))}>
                        Yes, revoke now
                      </Button>
                      <Button variant="secondary" onClick={() => setConfirming(null)}>
                        Keep it
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className="mt-3 flex flex-wrap gap-2">
                    {key.expiresAt === null ? (
                      <Button variant="secondary" onClick={() => setConfirming({ action: "rotate", mode: key.mode })}>
                        Rotate…
                      </Button>
                    ) : null}
                    <Button variant="secondary" onClick={() => setConfirming({ action: "revoke", keyId: key.keyId })}>
                      {key.expiresAt ? "Revoke now…" : "Revoke…"}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <InlineError error={error} />
      </Card>
      {liveBlocked ? null : (
        <Card title="Your hosted pricing page">
          <p className="text-sm text-slate-600">
            Share it with your users: they sign in and pay on your Stripe account. The address names your platform, not a key, so it stays the same when you rotate keys.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <a className="break-all text-sm text-indigo-700 underline" href={pricingPage} data-testid={`pricing-page-${mode}`}>
              {pricingPageUrl}
            </a>
            <CopyButton value={pricingPageUrl} />
          </div>
        </Card>
      )}
    </div>
  );
}
