import type { CredentialKind, Credentials } from "../credentials.js";
import type { HttpClient, HttpRequest, RequestOptions } from "../http.js";

/** What every resource needs from the client. */
export interface ResourceContext {
  http: HttpClient;
  credentials: Credentials;
  /** The constructor's `publishableKey`, the default for public routes. */
  publishableKey: string | undefined;
}

/**
 * Sends `request` with the credentials `kind` allows (failing before any
 * request when the client has none) and resolves with the response body.
 */
export async function send<T>(ctx: ResourceContext, kind: CredentialKind, call: string, request: Omit<HttpRequest, "authorization">, options?: RequestOptions): Promise<T> {
  const authorization = ctx.credentials.authorization(kind, call);
  return (await ctx.http.request<T>({ ...request, authorization }, options)).data;
}
