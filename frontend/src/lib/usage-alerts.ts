/**
 * Settings' "Usage alerts": thresholds typed as whole percentages ("80, 100")
 * and stored as fractions of the tier limit (`usageAlertThresholds`: [0.8, 1]),
 * each 1–100 %, at most 5, none repeated; empty turns usage alerts off.
 */

export const MAX_USAGE_ALERTS = 5;

export type ParsedThresholds = { ok: true; fractions: number[] } | { ok: false; error: string };

/** "80, 100" → [0.8, 1] (ascending), or the first problem in words. Commas, spaces or semicolons separate; a trailing % is fine. */
export function parseThresholds(text: string): ParsedThresholds {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const percents: number[] = [];
  for (const part of parts) {
    const match = /^(\d+)\s*%?$/.exec(part);
    const value = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(value)) return { ok: false, error: `“${part}” is not a whole percentage: use numbers from 1 to 100, e.g. 80, 100.` };
    if (value < 1 || value > 100) return { ok: false, error: `${value} % is out of range: each threshold is from 1 to 100 %.` };
    if (percents.includes(value)) return { ok: false, error: `${value} % is listed twice: each threshold once.` };
    percents.push(value);
  }
  if (percents.length > MAX_USAGE_ALERTS) return { ok: false, error: `At most ${MAX_USAGE_ALERTS} thresholds (you listed ${percents.length}).` };
  return { ok: true, fractions: percents.sort((a, b) => a - b).map((percent) => percent / 100) };
}

/** [0.8, 1] → "80, 100"; [] → "". */
export function formatThresholds(fractions: readonly number[]): string {
  return fractions.map((fraction) => String(Math.round(fraction * 100))).join(", ");
}

/** What the saved thresholds do, in a sentence. */
export function describeThresholds(fractions: readonly number[]): string {
  if (fractions.length === 0) return "Usage alerts are off: no usage.threshold_reached events are sent.";
  const list = fractions.map((fraction) => `${Math.round(fraction * 100)} %`);
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  return `A usage.threshold_reached event is sent when an end-user reaches ${joined} of their tier's limit (once per threshold and billing period; never for unlimited tiers).`;
}
