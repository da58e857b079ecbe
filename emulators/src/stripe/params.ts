/**
 * Typed reads of decoded form params with Stripe's validation errors, so every
 * resource rejects bad input the way Stripe does (400 with `param` naming the
 * full bracketed path, e.g. `line_items[0][price]`). Params Stripe does not
 * know were refused before the handler ran (known-params.ts); a param Stripe
 * knows but the stand-in does not model is read by no one and so ignored.
 */
import { invalidRequest, parameterMissing } from "./errors.js";
import { emptyForm, type FormObject, type FormValue } from "./form.js";
import { refuseUnknownMembers } from "./known-params.js";

export type Metadata = Record<string, string>;

const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 };

export class Params {
  constructor(
    readonly raw: FormObject = emptyForm(),
    private readonly prefix = "",
  ) {}

  /** Full param name as Stripe reports it in errors. */
  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  /** Refuses members of this hash not in `known` (top-level params are declared to `api()` instead). */
  refuseUnknown(known: readonly string[]): void {
    refuseUnknownMembers(this.raw, known, this.prefix);
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw invalidRequest(`Invalid string: {...}`, { param: this.path(name) });
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw parameterMissing(this.path(name));
    return value;
  }

  /**
   * Refuses an empty string for params that cannot be unset, with Stripe's
   * error. Stripe reads `name=` as an attempt to unset `name`: only the
   * params its API marks as unsettable (stripe-node's `Emptyable`, e.g. a
   * product update's `description` and `images`) accept it — read those with
   * nullableString or emptyableList — and a create accepts none.
   */
  refuseUnset(...names: string[]): void {
    for (const name of names) {
      if (this.raw[name] !== "") continue;
      const param = this.path(name);
      throw invalidRequest(
        `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
        { code: "parameter_invalid_empty", param },
      );
    }
  }

  /**
   * An unsettable list (`images` on a product update): `images=` clears it
   * ([]), a list replaces it, absent leaves it (undefined). stripe-node drops
   * an empty array from the body, so callers clear with an empty string.
   */
  emptyableList(name: string): string[] | undefined {
    return this.has(name) ? this.stringList(name) : undefined;
  }

  /** An empty string unsets a nullable field (`description=`), as in Stripe. */
  nullableString(name: string): string | null | undefined {
    const value = this.string(name);
    return value === "" ? null : value;
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, { code: "parameter_invalid_integer", param: this.path(name) });
    const number = Number(value);
    if (bounds.min !== undefined && number < bounds.min) {
      throw invalidRequest(`This value must be greater than or equal to ${bounds.min}.`, { code: "parameter_invalid_integer", param: this.path(name) });
    }
    if (bounds.max !== undefined && number > bounds.max) {
      throw invalidRequest(`This value must be less than or equal to ${bounds.max}.`, { code: "parameter_invalid_integer", param: this.path(name) });
    }
    return number;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${value}`, { param: this.path(name) });
    return value === "true";
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${this.path(name)}: must be one of ${allowed.join(", ")}`, { param: this.path(name) });
    }
    return value as T;
  }

  requiredOneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.oneOf(name, allowed);
    if (value === undefined) throw parameterMissing(this.path(name));
    return value;
  }

  child(name: string): Params | undefined {
    const value = this.raw[name];
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string") throw invalidRequest(`Invalid hash`, { param: this.path(name) });
    return new Params(value, this.path(name));
  }

  /** `a[0][x]=…&a[1][x]=…` → one Params per element, in index order. */
  list(name: string): Params[] {
    return this.entries(name).map(([index, value]) => {
      if (typeof value === "string") throw invalidRequest(`Invalid hash`, { param: `${this.path(name)}[${index}]` });
      return new Params(value, `${this.path(name)}[${index}]`);
    });
  }

  /** `expand[]=a&expand[]=b` (or `expand[0]=a`) → ["a", "b"]. */
  stringList(name: string): string[] {
    return this.entries(name).map(([index, value]) => {
      if (typeof value !== "string") throw invalidRequest(`Invalid array`, { param: `${this.path(name)}[${index}]` });
      return value;
    });
  }

  private entries(name: string): Array<[string, FormValue]> {
    const value = this.raw[name];
    if (value === undefined || value === "") return [];
    if (typeof value === "string") throw invalidRequest(`Invalid array`, { param: this.path(name) });
    const keys = Object.keys(value);
    if (keys.some((k) => !/^\d+$/.test(k))) throw invalidRequest(`Invalid array`, { param: this.path(name) });
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => [k, value[k] as FormValue]);
  }

  /**
   * Applies a metadata update the way Stripe does: keys merge into `current`,
   * an empty value deletes its key, and `metadata=` clears everything.
   * Returns `current` unchanged when the param is absent.
   */
  metadata(current: Metadata = {}, name = "metadata"): Metadata {
    const value = this.raw[name];
    if (value === undefined) return current;
    if (value === "") return {};
    if (typeof value === "string") throw invalidRequest(`Invalid hash`, { param: this.path(name) });
    const next: Metadata = { ...current };
    for (const [key, entry] of Object.entries(value)) {
      const param = `${this.path(name)}[${key}]`;
      if (typeof entry !== "string") throw invalidRequest(`Invalid string: {...}`, { param });
      if (key.length > METADATA_LIMITS.keyLength) {
        throw invalidRequest(`Metadata keys can have up to ${METADATA_LIMITS.keyLength} characters.`, { param });
      }
      if (entry.length > METADATA_LIMITS.valueLength) {
        throw invalidRequest(`Metadata values can have up to ${METADATA_LIMITS.valueLength} characters.`, { param });
      }
      if (entry === "") delete next[key];
      else next[key] = entry;
    }
    if (Object.keys(next).length > METADATA_LIMITS.keys) {
      throw invalidRequest(`Metadata can have up to ${METADATA_LIMITS.keys} keys.`, { param: this.path(name) });
    }
    return next;
  }
}
