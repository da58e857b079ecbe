/** The pricing table: the tier editor's preview and the hosted pricing page both render it. */
import type { CSSProperties } from "react";
import type { PublicTier } from "../api/models";
import { creditPackLabels } from "../lib/credits";
import { formatMoney, formatNumber } from "../lib/format";
import { tierAction, type TierAction } from "../lib/pricing-actions";
import { Badge, Button } from "./ui";

export interface PricingTableProps {
  tiers: PublicTier[];
  /** Without it the table is a preview: no buttons. */
  onBuy?: (tier: PublicTier, action: TierAction) => void;
  busyTier?: string | null;
  /** The signed-in end-user's plan, or null when unknown. */
  currentPlan?: string | null;
  /** The developer's accent colour (`#RRGGBB`) for buy buttons and the popular tier; null keeps indigo. */
  accentColor?: string | null;
}

const LABELS: Record<Exclude<TierAction, "current" | "none">, string> = {
  subscribe: "Subscribe",
  change: "Change plan",
  buy: "Buy",
  "sold-out": "Sold out",
  "get-started": "Get started",
  downgrade: "Downgrade",
};

/** The button's accessible name: what happens to which tier. */
function actionName(action: Exclude<TierAction, "current" | "none">, displayName: string): string {
  if (action === "change") return `Change to ${displayName}`;
  if (action === "downgrade") return `Downgrade to ${displayName}`;
  if (action === "get-started") return `Get started with ${displayName}`;
  return `Buy ${displayName}`;
}

/** Actions that lead to the billing portal rather than to a purchase: a quieter button. */
const toPortal = (action: TierAction) => action === "change" || action === "downgrade";

/** A credit pack's line: "+1,000 credits · valid 30 days". */
function CreditPack({ tier }: { tier: PublicTier }) {
  const labels = creditPackLabels(tier);
  if (!labels) return null;
  return (
    <li className="font-medium text-slate-900" data-testid="tier-credits">
      <span>{labels.adds}</span>
      {labels.validity ? <span className="font-normal text-slate-600"> · {labels.validity}</span> : null}
    </li>
  );
}

export function PricingTable({ tiers, onBuy, busyTier, currentPlan = null, accentColor = null }: PricingTableProps) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Pricing">
      {tiers.map((tier) => {
        const action = onBuy ? tierAction(tier, currentPlan, tiers) : "none";
        return (
          <li
            key={tier.name}
            className={`flex flex-col rounded-xl border bg-white p-5 shadow-sm ${
              action === "current" ? "border-emerald-500 ring-2 ring-emerald-200" : tier.popular ? "border-indigo-500 ring-2 ring-indigo-200" : "border-slate-200"
            }`}
            aria-label={tier.displayName}
            style={accentColor && tier.popular && action !== "current" ? ({ borderColor: accentColor, "--tw-ring-color": `${accentColor}40` } as CSSProperties) : undefined}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-lg font-semibold text-slate-900">{tier.displayName}</h3>
              {tier.popular ? <Badge tone="indigo">Popular</Badge> : null}
            </div>
            {tier.imageUrl ? <img src={tier.imageUrl} alt="" className="mt-3 h-24 w-full rounded-md object-cover" /> : null}
            <p className="mt-2 text-3xl font-bold text-slate-900">
              {tier.price === 0 ? "Free" : formatMoney(tier.price, tier.currency)}
              {tier.kind === "subscription" && tier.price > 0 ? <span className="text-base font-medium text-slate-500"> / month</span> : null}
            </p>
            {tier.description ? <p className="mt-2 text-sm text-slate-600">{tier.description}</p> : null}
            <ul className="mt-3 flex-1 space-y-1 text-sm text-slate-700">
              {tier.kind === "subscription" ? <li>{tier.limit === null ? "Unlimited calls" : `${formatNumber(tier.limit)} calls a month`}</li> : null}
              <CreditPack tier={tier} />
              {tier.kind === "one_off" && tier.inventory !== null ? <li>{tier.inventory} left</li> : null}
              {tier.features.map((feature) => (
                <li key={feature}>✓ {feature}</li>
              ))}
            </ul>
            {onBuy && action === "current" ? (
              <p className="mt-4 rounded-md bg-emerald-50 px-3.5 py-2 text-center text-sm font-semibold text-emerald-800" data-testid="current-plan">
                Current plan
              </p>
            ) : null}
            {onBuy && action !== "current" && action !== "none" ? (
              <Button
                className="mt-4"
                variant={toPortal(action) ? "secondary" : "primary"}
                onClick={() => onBuy(tier, action)}
                disabled={action === "sold-out"}
                busy={busyTier === tier.name}
                style={accentColor && !toPortal(action) && action !== "sold-out" ? { backgroundColor: accentColor } : undefined}
                aria-label={actionName(action, tier.displayName)}
              >
                {LABELS[action]}
              </Button>
            ) : null}
            {onBuy && action === "downgrade" ? <p className="mt-2 text-center text-xs text-slate-500">In Manage billing: cancel your subscription there.</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
