import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { NewTier, Tier, TierKind } from "../../api/models";
import { Button, ErrorState, Field, inputClass } from "../../components/ui";
import { MAX_CREDIT_VALIDITY_DAYS, MAX_TIER_CREDITS } from "../../lib/credits";
import { formatNumber } from "../../lib/format";

const CURRENCIES = ["usd", "eur", "gbp", "cad", "aud", "jpy", "chf", "sek", "inr", "brl"];
const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export interface TierFormState {
  name: string;
  displayName: string;
  kind: TierKind;
  price: string;
  currency: string;
  unlimited: boolean;
  limit: string;
  features: string;
  popular: boolean;
  inventory: string;
  /** One-off tiers: credits a purchase grants ("" = none) and for how many days ("" = forever). */
  credits: string;
  creditValidityDays: string;
  imageUrl: string;
  description: string;
}

export function tierFormOf(tier: Tier | null): TierFormState {
  return {
    name: tier?.name ?? "",
    displayName: tier?.displayName ?? "",
    kind: tier?.kind ?? "subscription",
    price: tier ? (tier.price / 100).toFixed(2) : "0.00",
    currency: tier?.currency ?? "usd",
    unlimited: tier ? tier.limit === null : false,
    limit: tier?.limit?.toString() ?? "1000",
    features: tier?.features.join("\n") ?? "",
    popular: tier?.popular ?? false,
    inventory: tier?.inventory?.toString() ?? "",
    credits: tier?.credits?.toString() ?? "",
    creditValidityDays: tier?.creditValidityDays?.toString() ?? "",
    imageUrl: tier?.imageUrl ?? "",
    description: tier?.description ?? "",
  };
}

const WHOLE = /^\d+$/;

/** Client-side checks mirroring the API's, so most mistakes show next to the field before a round trip. */
export function validateTierForm(state: TierFormState, creating: boolean): { input?: NewTier; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (creating && !NAME.test(state.name)) errors["name"] = "Use 1-40 lower-case letters, digits, '-' or '_'.";
  if (!state.displayName.trim()) errors["displayName"] = "Give the tier a name your customers see.";
  const price = Math.round(Number(state.price) * 100);
  if (!/^\d+(\.\d{1,2})?$/.test(state.price.trim()) || !Number.isFinite(price)) errors["price"] = "Enter a price like 19 or 19.99 (0 for free).";
  const limit = Number(state.limit);
  if (state.kind === "subscription" && !state.unlimited && (!/^\d+$/.test(state.limit.trim()) || limit < 0)) errors["limit"] = "Enter a whole number of calls, or tick Unlimited.";
  if (state.kind === "one_off" && state.inventory.trim() && !/^\d+$/.test(state.inventory.trim())) errors["inventory"] = "Enter a whole number, or leave empty for no limit.";
  const credits = state.credits.trim();
  const validity = state.creditValidityDays.trim();
  if (state.kind === "one_off") {
    if (credits && (!WHOLE.test(credits) || Number(credits) < 1 || Number(credits) > MAX_TIER_CREDITS))
      errors["credits"] = `Enter a whole number of credits from 1 to ${formatNumber(MAX_TIER_CREDITS)}, or leave empty for none.`;
    if (validity && (!WHOLE.test(validity) || Number(validity) < 1 || Number(validity) > MAX_CREDIT_VALIDITY_DAYS))
      errors["creditValidityDays"] = `Enter a whole number of days from 1 to ${formatNumber(MAX_CREDIT_VALIDITY_DAYS)}, or leave empty for credits that never expire.`;
    else if (validity && !credits) errors["creditValidityDays"] = "Only credits expire: set Credits granted, or leave this empty.";
  }
  if (state.imageUrl.trim() && !/^https?:\/\/\S+$/.test(state.imageUrl.trim())) errors["imageUrl"] = "Enter an http(s) URL.";
  if (Object.keys(errors).length) return { errors };
  const common = {
    name: state.name,
    displayName: state.displayName.trim(),
    price,
    currency: state.currency,
    features: state.features
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    popular: state.popular,
    imageUrl: state.imageUrl.trim() || null,
    description: state.description.trim() || null,
  };
  // The API takes a monthly limit for a subscription only, an inventory and credits for a one-off only.
  const input: NewTier =
    state.kind === "subscription"
      ? { ...common, kind: "subscription", limit: state.unlimited ? null : limit }
      : {
          ...common,
          kind: "one_off",
          inventory: state.inventory.trim() ? Number(state.inventory) : null,
          credits: credits ? Number(credits) : null,
          creditValidityDays: credits && validity ? Number(validity) : null,
        };
  return { errors, input };
}

export function TierForm({ tier, onSave, onCancel }: { tier: Tier | null; onSave: (input: NewTier) => Promise<void>; onCancel: () => void }) {
  const creating = tier === null;
  const [state, setState] = useState(() => tierFormOf(tier));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof TierFormState>(key: K, value: TierFormState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const id = (field: string) => `tier-${field}`;
  const invalid = (field: string) => ({ "aria-invalid": errors[field] ? true : undefined, "aria-describedby": errors[field] ? `${id(field)}-error` : undefined });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validateTierForm(state, creating);
    setErrors(result.errors);
    setFailure(null);
    if (!result.input) return;
    setSaving(true);
    try {
      await onSave(result.input);
    } catch (caught) {
      const param = caught instanceof ApiError ? ((caught.body as { error?: { param?: string } })?.error?.param ?? "").split(".").at(-1) : undefined;
      if (param && param in tierFormOf(null)) setErrors({ [param]: (caught as Error).message });
      else setFailure(caught as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate aria-label={creating ? "New tier" : `Edit ${tier.displayName}`}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Identifier" htmlFor={id("name")} error={errors["name"]} hint="Used in the API, e.g. pro. Cannot change later.">
          <input id={id("name")} className={inputClass} value={state.name} disabled={!creating} onChange={(e) => set("name", e.target.value)} {...invalid("name")} />
        </Field>
        <Field label="Display name" htmlFor={id("displayName")} error={errors["displayName"]}>
          <input id={id("displayName")} className={inputClass} value={state.displayName} onChange={(e) => set("displayName", e.target.value)} {...invalid("displayName")} />
        </Field>
      </div>
      <fieldset disabled={!creating}>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(["subscription", "one_off"] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input type="radio" name="kind" value={kind} checked={state.kind === kind} onChange={() => set("kind", kind)} />
              {kind === "subscription" ? "Monthly subscription" : "One-off purchase"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Price" htmlFor={id("price")} error={errors["price"]} hint="0 makes it free.">
          <input id={id("price")} inputMode="decimal" className={inputClass} value={state.price} onChange={(e) => set("price", e.target.value)} {...invalid("price")} />
        </Field>
        <Field label="Currency" htmlFor={id("currency")} error={errors["currency"]}>
          <select id={id("currency")} className={inputClass} value={state.currency} onChange={(e) => set("currency", e.target.value)}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        </Field>
        {state.kind === "subscription" ? (
          <Field label="Monthly calls" htmlFor={id("limit")} error={errors["limit"]}>
            <input id={id("limit")} inputMode="numeric" className={inputClass} value={state.limit} disabled={state.unlimited} onChange={(e) => set("limit", e.target.value)} {...invalid("limit")} />
            <label className="mt-1 flex items-center gap-2 text-xs text-slate-600">
              <input type="checkbox" checked={state.unlimited} onChange={(e) => set("unlimited", e.target.checked)} /> Unlimited
            </label>
          </Field>
        ) : (
          <Field label="Inventory" htmlFor={id("inventory")} error={errors["inventory"]} hint="Empty: no limit.">
            <input id={id("inventory")} inputMode="numeric" className={inputClass} value={state.inventory} onChange={(e) => set("inventory", e.target.value)} {...invalid("inventory")} />
          </Field>
        )}
      </div>
      <Field label="Features (one per line)" htmlFor={id("features")} error={errors["features"]}>
        <textarea id={id("features")} rows={3} className={inputClass} value={state.features} onChange={(e) => set("features", e.target.value)} />
      </Field>
      {state.kind === "one_off" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Credits granted" htmlFor={id("credits")} error={errors["credits"]} hint="Makes this a credit pack: each purchase adds these credits to the customer's balance. Empty: none.">
            <input id={id("credits")} inputMode="numeric" className={inputClass} value={state.credits} onChange={(e) => set("credits", e.target.value)} {...invalid("credits")} />
          </Field>
          <Field label="Valid for (days, empty = never expire)" htmlFor={id("creditValidityDays")} error={errors["creditValidityDays"]} hint="Counted from each purchase.">
            <input
              id={id("creditValidityDays")}
              inputMode="numeric"
              className={inputClass}
              value={state.creditValidityDays}
              onChange={(e) => set("creditValidityDays", e.target.value)}
              {...invalid("creditValidityDays")}
            />
          </Field>
        </div>
      ) : null}
      {state.kind === "one_off" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Image URL" htmlFor={id("imageUrl")} error={errors["imageUrl"]}>
            <input id={id("imageUrl")} className={inputClass} value={state.imageUrl} onChange={(e) => set("imageUrl", e.target.value)} {...invalid("imageUrl")} />
          </Field>
          <Field label="Description" htmlFor={id("description")} error={errors["description"]}>
            <input id={id("description")} className={inputClass} value={state.description} onChange={(e) => set("description", e.target.value)} />
          </Field>
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={state.popular} onChange={(e) => set("popular", e.target.checked)} /> Highlight as popular
      </label>
      {failure ? <ErrorState error={failure} /> : null}
      <div className="flex gap-2">
        <Button type="submit" busy={saving}>
          {creating ? "Create tier" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
