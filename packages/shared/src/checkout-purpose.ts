/**
 * What a Stripe Checkout session — and the subscription or payment it
 * makes — is for. The worker that creates a session writes its purpose into
 * the session's metadata (and the subscription's or payment's), and every
 * webhook handler checks it before acting.
 *
 * Both kinds of checkout can run on the platform's own Stripe account (the
 * developers' $15 plan, and end-users' preview checkouts of a developer not
 * yet connected), and Stripe sends every event of that account to both
 * workers' endpoints. Nothing else tells the two apart reliably: an
 * end-user's userId is chosen by a developer and may equal anyone's Clerk
 * id. So front-auth-api moves a developer's plan only for `developer_plan`,
 * and api-multi touches end-users only for `end_user`.
 */
export const PURPOSE_METADATA_KEY = "dreamApiPurpose";

export type CheckoutPurpose = "developer_plan" | "end_user";

/** The metadata entry that marks a session, subscription or payment as made for `purpose`. */
export function purposeMetadata(purpose: CheckoutPurpose): Record<typeof PURPOSE_METADATA_KEY, CheckoutPurpose> {
  return { [PURPOSE_METADATA_KEY]: purpose };
}

/** The purpose recorded in Stripe metadata, or null when none (or an unknown one) is recorded. */
export function purposeOf(metadata: Record<string, string> | null | undefined): CheckoutPurpose | null {
  const value = metadata?.[PURPOSE_METADATA_KEY];
  return value === "developer_plan" || value === "end_user" ? value : null;
}
