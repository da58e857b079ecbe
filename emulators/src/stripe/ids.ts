/** Stripe-looking random ids (`cus_…`, `cs_test_…`), unique across accounts and modes. */
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Prefix → random length, close to what Stripe issues. */
const LENGTHS = {
  acct: 16,
  ac: 32,
  bpc: 24,
  bps: 24,
  cs_live: 58,
  cs_test: 58,
  cus: 14,
  evt: 24,
  il: 24,
  in: 24,
  li: 24,
  pi: 24,
  pk_live: 40,
  pk_test: 40,
  price: 24,
  prod: 14,
  req: 14,
  rt: 40,
  si: 14,
  sk_live: 40,
  sk_test: 40,
  sub: 24,
  we: 24,
  whd: 14,
  whsec: 32,
} as const;

export type IdPrefix = keyof typeof LENGTHS;

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(LENGTHS[prefix])}`;
}
