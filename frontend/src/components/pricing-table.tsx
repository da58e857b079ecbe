/** The pricing table: the tier editor's preview and the hosted pricing page both render it. */
import type { PublicTier } from "../api/types";
import { formatMoney, formatNumber } from "../lib/format";
import { Badge, Button } from "./ui";

export interface PricingTableProps {
  tiers: PublicTier[];
  onBuy?: (tier: PublicTier) => void;
  busyTier?: string | null;
}

export function PricingTable({ tiers, onBuy, busyTier }: PricingTableProps) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Pricing">
      {tiers.map((tier) => (
        <li
          key={tier.name}
          className={`flex flex-col rounded-xl border bg-white p-5 shadow-sm ${tier.popular ? "border-indigo-500 ring-2 ring-indigo-200" : "border-slate-200"}`}
          aria-label={tier.displayName}
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
            {tier.kind === "one_off" && tier.inventory !== null ? <li>{tier.inventory} left</li> : null}
            {tier.features.map((feature) => (
              <li key={feature}>✓ {feature}</li>
            ))}
          </ul>
          {onBuy && tier.price > 0 ? (
            <Button className="mt-4" onClick={() => onBuy(tier)} disabled={tier.soldOut} busy={busyTier === tier.name} aria-label={`Buy ${tier.displayName}`}>
              {tier.soldOut ? "Sold out" : tier.kind === "subscription" ? "Subscribe" : "Buy"}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
