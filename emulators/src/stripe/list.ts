/**
 * Stripe list pagination: newest first (line items: as given), `limit` 1–100 (default 10), cursors
 * `starting_after` / `ending_before` naming an object id, `has_more`.
 * stripe-node's auto-pagination relies on exactly these semantics.
 */
import { resourceMissing } from "./errors.js";
import { listOf, type ListObject } from "./objects/common.js";
import type { Params } from "./params.js";

export function paginate<T extends { id: string }>(oldestFirst: T[], params: Params, url: string, noun: string, order: "newest_first" | "as_given" = "newest_first"): ListObject<T> {
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string("starting_after");
  const endingBefore = params.string("ending_before");
  const newestFirst = order === "newest_first" ? [...oldestFirst].reverse() : oldestFirst;
  const position = (id: string, param: string): number => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index < 0) throw resourceMissing(noun, id, param);
    return index;
  };
  if (startingAfter) {
    const rest = newestFirst.slice(position(startingAfter, "starting_after") + 1);
    return listOf(rest.slice(0, limit), url, rest.length > limit);
  }
  if (endingBefore) {
    const before = newestFirst.slice(0, position(endingBefore, "ending_before"));
    return listOf(before.slice(-limit), url, before.length > limit);
  }
  return listOf(newestFirst.slice(0, limit), url, newestFirst.length > limit);
}
