/** What the tests need from the running stack (started by global-setup.ts). */
import { inject } from "vitest";
import "./provided-context.js";
import { DreamApi, type DreamApiOptions } from "../../src/index.js";

export const stack = {
  apiUrl: inject("sdkApiUrl"),
  secretKey: inject("sdkSecretKey"),
  publishableKey: inject("sdkPublishableKey"),
  previewSecretKey: inject("sdkPreviewSecretKey"),
  paidUserId: inject("sdkPaidUserId"),
  clerkApiUrl: inject("sdkClerkApiUrl"),
  inboxUrl: inject("sdkInboxUrl"),
};

/** A client for the seeded paid platform (test key) against the local api-multi. */
export function client(options: DreamApiOptions = {}): DreamApi {
  return new DreamApi({ baseUrl: stack.apiUrl, secretKey: stack.secretKey, ...options });
}

let counter = 0;
/** An id no other test (or earlier run) uses. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

/**
 * A session JWT of the shared end-user-api Clerk app for `clerkUserId`, from
 * the Clerk stand-in's control route: with `organizationId` active (null:
 * none), or by default the organization the person last joined.
 */
export async function mintEndUserToken(clerkUserId: string, organizationId?: string | null): Promise<string> {
  const response = await fetch(`${stack.clerkApiUrl}/local/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ instance: "end-user-api", userId: clerkUserId, ...(organizationId === undefined ? {} : { organizationId }) }),
  });
  if (!response.ok) throw new Error(`minting an end-user token: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { jwt: string }).jwt;
}

/** Resolves with the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
