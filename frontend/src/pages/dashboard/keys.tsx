import { useState } from "react";
import type { KeyView } from "../../api/types";
import { Badge, Button, Card, CopyButton, Empty, ErrorState, Field, inputClass } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useDashboard } from "./dashboard-context";

const GRACE_OPTIONS = [
  { label: "Revoke the old key now", seconds: 0 },
  { label: "Keep it working for 1 hour", seconds: 3600 },
  { label: "Keep it working for 24 hours", seconds: 86_400 },
  { label: "Keep it working for 7 days", seconds: 604_800 },
];

/** Publishable keys with copy; secrets shown once after creation or rotation, then only as prefixes. */
export function KeysPage() {
  const { api, me, reloadMe } = useDashboard();
  const [revealed, setRevealed] = useState<KeyView[]>([]);
  const [rotating, setRotating] = useState<"test" | "live" | null>(null);
  const [grace, setGrace] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const keys = me.credentials?.keys ?? [];
  const hasLive = keys.some((key) => key.mode === "live" && key.expiresAt === null);

  const run = async (name: string, action: () => Promise<{ keys: KeyView[] }>) => {
    setBusy(name);
    setError(null);
    try {
      const result = await action();
      setRevealed(result.keys.filter((key) => key.secretKey));
      setRotating(null);
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
        title="API keys"
        actions={
          keys.length === 0 ? (
            <Button onClick={() => void run("issue", () => api.issueCredentials())} busy={busy === "issue"}>
              Create keys
            </Button>
          ) : me.plan === "paid" && !hasLive ? (
            <Button onClick={() => void run("issue", () => api.issueCredentials())} busy={busy === "issue"}>
              Issue live keys
            </Button>
          ) : null
        }
      >
        {keys.length === 0 ? (
          <Empty>No keys yet. Create them to call the API from your backend{me.plan === "free" ? " (test keys run in preview mode until you subscribe)" : ""}.</Empty>
        ) : (
          <ul className="space-y-4">
            {keys.map((key) => (
              <li key={key.keyId} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={key.mode === "live" ? "indigo" : "amber"}>{key.mode}</Badge>
                  {key.expiresAt ? <Badge tone="red">expires {formatDateTime(key.expiresAt)}</Badge> : <Badge tone="green">current</Badge>}
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-500">Publishable</span>
                  <code className="break-all font-mono text-xs" data-testid={`publishable-key-${key.mode}`}>{key.publishableKey}</code>
                  <CopyButton value={key.publishableKey} />
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-500">Secret</span>
                  <code className="font-mono text-xs">{key.secretPrefix}</code>
                </div>
                {key.expiresAt === null ? (
                  rotating === key.mode ? (
                    <div className="mt-3 space-y-2 rounded-md bg-slate-50 p-3" role="group" aria-label={`Rotate ${key.mode} keys`}>
                      <Field label="Old key" htmlFor={`grace-${key.mode}`}>
                        <select id={`grace-${key.mode}`} className={inputClass} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
                          {GRACE_OPTIONS.map((option) => (
                            <option key={option.seconds} value={option.seconds}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      </Field>
                      <div className="flex gap-2">
                        <Button variant="danger" busy={busy === "rotate"} onClick={() => void run("rotate", () => api.rotateCredentials({ mode: key.mode, gracePeriodSeconds: grace }))}>
                          Rotate {key.mode} keys
                        </Button>
                        <Button variant="secondary" onClick={() => setRotating(null)}>
                          Cancel
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Button variant="secondary" className="mt-3" onClick={() => setRotating(key.mode)}>
                      Rotate…
                    </Button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {error ? <div className="mt-3"><ErrorState error={error} /></div> : null}
      </Card>
      {me.credentials ? (
        <Card title="Your hosted pricing page">
          <p className="text-sm text-slate-600">Share it with your users: they sign in and pay on your Stripe account.</p>
          {keys.filter((key) => key.expiresAt === null).map((key) => (
            <a key={key.keyId} className="mt-2 block break-all text-sm text-indigo-700 underline" href={`/p/${key.publishableKey}`}>
              {window.location.origin}/p/{key.publishableKey}
            </a>
          ))}
        </Card>
      ) : null}
    </div>
  );
}
