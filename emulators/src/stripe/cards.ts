/**
 * Test card numbers, as in Stripe test mode: any Luhn-valid number pays
 * (4242 4242 4242 4242 being the usual one) except the documented decline
 * cards; anything else is an incorrect number.
 */
import { cardDeclined, incorrectCardNumber } from "./errors.js";

const DECLINES: Record<string, "generic_decline" | "insufficient_funds"> = {
  "4000000000000002": "generic_decline",
  "4000000000009995": "insufficient_funds",
};

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Throws Stripe's card_error (402) unless the card would be charged. */
export function chargeCard(cardNumber: string): void {
  const digits = cardNumber.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) throw incorrectCardNumber();
  const decline = DECLINES[digits];
  if (decline) throw cardDeclined(decline);
}
