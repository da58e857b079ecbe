/**
 * The dashboard's configuration: the only module that reads import.meta.env.
 * `dashboardConfig` is also what vite.config.ts uses (with Vite's loadEnv) to
 * derive the Content-Security-Policy, so the browser and the policy agree on
 * the addresses.
 */
export type EnvSource = Record<string, unknown>;

function read(env: EnvSource, name: string, fallback: string): string {
  const value = env[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim().replace(/\/$/, "") : fallback;
}

export function dashboardConfig(env: EnvSource) {
  return {
    clerkPublishableKey: read(env, "VITE_CLERK_PUBLISHABLE_KEY", ""),
    clerkEndUserPublishableKey: read(env, "VITE_CLERK_END_USER_PUBLISHABLE_KEY", ""),
    localClerkUrl: read(env, "VITE_LOCAL_CLERK_URL", "http://127.0.0.1:12112"),
    frontAuthApiUrl: read(env, "VITE_FRONT_AUTH_API_URL", "http://127.0.0.1:8787"),
    apiMultiUrl: read(env, "VITE_API_MULTI_URL", "http://127.0.0.1:8788"),
    oauthApiUrl: read(env, "VITE_OAUTH_API_URL", "http://127.0.0.1:8789"),
  };
}

export type DashboardConfig = ReturnType<typeof dashboardConfig>;

// Outside Vite (vite.config.ts importing dashboardConfig) import.meta.env is undefined.
export const config = dashboardConfig((import.meta.env as EnvSource | undefined) ?? {});
