/** A deploy.env whose every value looks real and passes validation (none of them works anywhere). */
export const REAL_SETTINGS = {
  CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
  CLOUDFLARE_API_TOKEN: "Abcdefghijklmnopqrstuvwxyz_0123456789-ABCD",
  STRIPE_SECRET_KEY_TEST: "sk_test_51Hq8aBcDeFgHiJkLmN",
  STRIPE_SECRET_KEY_LIVE: "sk_live_51Hq8aBcDeFgHiJkLmN",
  STRIPE_CONNECT_CLIENT_ID: "ca_AbCdEfGhIjKlMnOpQrSt",
  PLATFORM_BILLING_MODE: "live",
  CLERK_DEVELOPER_SECRET_KEY: "sk_live_AbCdEfGhIjKlMnOpQrStUvWx",
  CLERK_DEVELOPER_PUBLISHABLE_KEY: "pk_live_Y2xlcmsuZHJlYW0tYXBpLmRldiQ",
  CLERK_END_USER_SECRET_KEY: "sk_live_ZyXwVuTsRqPoNmLkJiHgFeDc",
  CLERK_END_USER_PUBLISHABLE_KEY: "pk_live_Y2xlcmsucGF5LmRyZWFtLWFwaS5kZXYk",
  DASHBOARD_URL: "https://app.dream-api.dev",
  FRONT_AUTH_API_URL: "https://auth.dream-api.dev",
  API_MULTI_URL: "https://api.dream-api.dev",
  OAUTH_API_URL: "https://connect.dream-api.dev",
};

/**
 * A deploy.env for the dry run's test mode (`--allow-stand-ins`): the local
 * stand-ins' keys, public-looking https addresses (the dry run never calls
 * them, and Stripe — the stand-in too — refuses live webhook endpoints that
 * are not https).
 */
export const STAND_IN_SETTINGS = {
  ...REAL_SETTINGS,
  STRIPE_SECRET_KEY_TEST: "sk_test_local_platform_00000000000000000000",
  STRIPE_SECRET_KEY_LIVE: "sk_live_local_platform_00000000000000000000",
  CLERK_DEVELOPER_SECRET_KEY: "sk_test_dreamapi_local_00000000000000",
  CLERK_DEVELOPER_PUBLISHABLE_KEY: "pk_test_bG9jYWwtZHJlYW0tYXBpJA",
  CLERK_END_USER_SECRET_KEY: "sk_test_enduser_local_000000000000000",
  CLERK_END_USER_PUBLISHABLE_KEY: "pk_test_bG9jYWwtZW5kLXVzZXItYXBpJA",
};
