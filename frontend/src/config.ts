/** The dashboard's configuration: the only module that reads import.meta.env. */
const env = import.meta.env;

function read(name: string, fallback: string): string {
  const value = env[name] as string | undefined;
  return value && value.trim() !== "" ? value.trim().replace(/\/$/, "") : fallback;
}

export const config = {
  clerkPublishableKey: read("VITE_CLERK_PUBLISHABLE_KEY", ""),
  clerkEndUserPublishableKey: read("VITE_CLERK_END_USER_PUBLISHABLE_KEY", ""),
  localClerkUrl: read("VITE_LOCAL_CLERK_URL", "http://127.0.0.1:12112"),
  frontAuthApiUrl: read("VITE_FRONT_AUTH_API_URL", "http://127.0.0.1:8787"),
  apiMultiUrl: read("VITE_API_MULTI_URL", "http://127.0.0.1:8788"),
  oauthApiUrl: read("VITE_OAUTH_API_URL", "http://127.0.0.1:8789"),
};
