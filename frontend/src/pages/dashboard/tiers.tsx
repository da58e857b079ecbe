import { useState } from "react";
import type { NewTier, PublicTier, Tier } from "../../api/models";
import { PricingTable } from "../../components/pricing-table";
import { Badge, Button, Card, Empty, ErrorState, Loading, InlineError } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { creditPackSummary } from "../../lib/credits";
import { liveModeMissing } from "../../lib/dashboard-mode";
import { formatMoney } from "../../lib/format";
import { useDashboard } from "./dashboard-context";
import { LiveModeRequired } from "./mode";
import { CopyTestTiers } from "./tiers-copy";
import { TierForm } from "./tier-form";

function toPublic(tier: Tier): PublicTier {
  const { priceId: _price, productId: _product, sortOrder: _sort, archived: _archived, ...rest } = tier;
  return { ...rest, soldOut: tier.kind === "one_off" && tier.inventory !== null && tier.inventory <= 0 };
}

/**
 * Add, edit, reorder and archive the current mode's tiers, with a preview of
 * the pricing table. Live mode also offers to copy the test tiers it lacks;
 * before the paid plan and a connected Stripe account it only explains.
 */
export function TiersPage() {
  const { api, me, mode } = useDashboard();
  const tiers = useAsync(() => api.tiers(mode), [api, mode]);
  const liveBlocked = mode === "live" && liveModeMissing(me).any;
  const [editing, setEditing] = useState<Tier | "new" | null>(null);
  const [confirmArchive, setConfirmArchive] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const active = (tiers.data?.tiers ?? []).filter((tier) => !tier.archived).sort((a, b) => a.sortOrder - b.sortOrder);
  const archived = (tiers.data?.tiers ?? []).filter((tier) => tier.archived);

  const act = async (name: string, action: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    try {
      await action();
      await tiers.reload();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };

  const save = async (input: NewTier) => {
    if (editing === "new") {
      await api.createTiers(mode, [input]);
    } else if (editing) {
      const { name: _name, kind: _kind, ...patch } = input;
      await api.updateTier(mode, editing.name, patch);
    }
    setEditing(null);
    await tiers.reload();
  };

  const move = (index: number, direction: -1 | 1) => {
    const a = active[index];
    const b = active[index + direction];
    if (!a || !b) return;
    void act(`move-${a.name}`, async () => {
      await api.updateTier(mode, a.name, { sortOrder: b.sortOrder === a.sortOrder ? b.sortOrder + direction : b.sortOrder });
      await api.updateTier(mode, b.name, { sortOrder: a.sortOrder });
    });
  };

  if (tiers.error) return <ErrorState error={tiers.error} onRetry={() => void tiers.reload()} />;
  if (!tiers.data) return <Loading label="Loading tiers…" />;

  return (
    <div className="space-y-6">
      <Card
        title="Pricing tiers"
        actions={
          editing === null && !liveBlocked ? (
            <Button onClick={() => setEditing("new")} disabled={active.length >= 20}>
              Add tier
            </Button>
          ) : null
        }
      >
        {liveBlocked ? (
          <div className="mb-4">
            <LiveModeRequired />
          </div>
        ) : !me.stripe.connected ? (
          <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-800">Connect Stripe to sell paid tiers. Free tiers work without it.</p>
        ) : null}
        {mode === "live" && !liveBlocked ? <CopyTestTiers liveTiers={tiers.data.tiers} onCopied={() => tiers.reload()} /> : null}
        {editing !== null ? (
          <div className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4">
            <TierForm tier={editing === "new" ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
          </div>
        ) : null}
        {active.length === 0 && editing === null ? (
          <Empty>{mode === "live" ? "No live tiers yet. Copy your test tiers, or add a free tier and a paid one." : "No tiers yet. Add a free tier and a paid one to get started."}</Empty>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {active.map((tier, index) => (
            <li key={tier.name} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-slate-900">{tier.displayName}</span>
                  <span className="font-mono text-xs text-slate-500">{tier.name}</span>
                  <Badge tone={tier.kind === "subscription" ? "indigo" : "amber"}>{tier.kind === "subscription" ? "subscription" : "one-off"}</Badge>
                  {tier.popular ? <Badge tone="green">popular</Badge> : null}
                </div>
                <div className="text-sm text-slate-600">
                  {tier.price === 0 ? "Free" : formatMoney(tier.price, tier.currency)}
                  {tier.kind === "subscription" ? ` · ${tier.limit === null ? "unlimited" : `${tier.limit} calls/month`}` : tier.inventory !== null ? ` · ${tier.inventory} left` : ""}
                  {creditPackSummary(tier) ? <span data-testid="tier-credit-pack"> · {creditPackSummary(tier)}</span> : null}
                </div>
              </div>
              {liveBlocked ? null : (
                <div className="flex flex-wrap gap-1">
                  <Button variant="ghost" aria-label={`Move ${tier.displayName} up`} disabled={index === 0} onClick={() => move(index, -1)} busy={busy === `move-${tier.name}`}>
                    ↑
                  </Button>
                  <Button variant="ghost" aria-label={`Move ${tier.displayName} down`} disabled={index === active.length - 1} onClick={() => move(index, 1)}>
                    ↓
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing(tier)}>
                    Edit
                  </Button>
                  {confirmArchive === tier.name ? (
                    <>
                      <Button
                        variant="danger"
                        busy={busy === `archive-${tier.name}`}
                        onClick={() =>
                          void act(`archive-${tier.name}`, async () => {
                            await api.archiveTier(mode, tier.name);
                            setConfirmArchive(null);
                          })
                        }
                      >
                        Confirm archive
                      </Button>
                      <Button variant="ghost" onClick={() => setConfirmArchive(null)}>
                        Keep
                      </Button>
                    </>
                  ) : (
                    <Button variant="ghost" onClick={() => setConfirmArchive(tier.name)}>
                      Archive
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
        <InlineError error={error} />
        {archived.length ? (
          <details className="mt-4 text-sm text-slate-600">
            <summary className="cursor-pointer">Archived tiers ({archived.length}) — existing subscribers keep them</summary>
            <ul className="mt-2 list-disc pl-5">
              {archived.map((tier) => (
                <li key={tier.name}>{tier.displayName}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </Card>
      {active.length ? (
        <Card title="Preview of your pricing table">
          <PricingTable tiers={active.map(toPublic)} />
        </Card>
      ) : null}
    </div>
  );
}
