/**
 * The active organization of an end-user's session token: on the shared
 * end-user app it names the developer (tenant) the session acts for, signed
 * by Clerk. Clerk's v2 session tokens carry it as `o: { id, slg, rol }`;
 * v1 tokens as `org_id`. The backend reads the tenant only from there, so the
 * page must never send a token whose active organization is another one.
 */
export function activeOrganizationOf(claims: Record<string, unknown>): string | null {
  const o = claims["o"];
  if (o !== null && typeof o === "object" && !Array.isArray(o)) {
    const id = (o as Record<string, unknown>)["id"];
    if (typeof id === "string" && id !== "") return id;
  }
  const v1 = claims["org_id"];
  return typeof v1 === "string" && v1 !== "" ? v1 : null;
}

/** True when a token's claims say it acts for `organizationId` (never when that is unknown). */
export function actsFor(claims: Record<string, unknown>, organizationId: string | null): boolean {
  return organizationId !== null && activeOrganizationOf(claims) === organizationId;
}
