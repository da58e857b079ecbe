/**
 * Generated from oauth-api's OpenAPI document by frontend/scripts/generate-api-types.ts
 * (openapi-typescript). Do not edit: run `pnpm --filter @dream-api/frontend generate`.
 */
/* eslint-disable */
export interface paths {
    "/connect/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start connecting Stripe
         * @description The URL of Stripe's authorize page (Connect Standard, `scope=read_write`) with a signed, expiring (10 minutes), single-use `state` bound to the developer.
         */
        post: operations["connect.start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stripe's redirect back
         * @description Verifies the state (forged, expired or replayed: 400 `invalid_state`, nothing stored), exchanges the code, stores the account for the developer who started, and redirects to the dashboard with `connect=success&account=…` or `connect=error&error=<code>` (a code only, never Stripe's text).
         */
        get: operations["connect.callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disconnect Stripe
         * @description Deauthorizes the platform on the developer's account and marks it disconnected at once; checkouts then answer 409 `stripe_not_connected` until Stripe is connected again.
         */
        post: operations["connect.disconnect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tiers
         * @description Every tier of the platform, archived ones included (flagged), in display order.
         */
        get: operations["tiers.list"];
        put?: never;
        /**
         * Create tiers
         * @description One tier, or `{ tiers: [...] }`: all land or none. Paid tiers get a product and price on the connected account (monthly recurring for subscriptions). A taken name is 409 `conflict`; at most 20 active tiers, under any concurrency.
         */
        post: operations["tiers.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Archive a tier
         * @description Stops offering the tier: its Stripe product and price are archived, its subscribers keep their plan and limit, and its name stays taken.
         */
        delete: operations["tiers.archive"];
        options?: never;
        head?: never;
        /**
         * Change a tier
         * @description Any field but `name` and `kind`. A price change makes a new Stripe price and archives the old one (existing subscribers go on). Applies only to the tier as it was read: a concurrent change makes it 409 `conflict` with nothing changed.
         */
        patch: operations["tiers.update"];
        trace?: never;
    };
    "/products/copy-to-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy test tiers to live
         * @description Going live: each active test tier without a live tier of the same name is created in live mode, with its own product and price on the connected account in live mode. All land or none; running it again copies nothing twice. Needs the paid plan and a connected Stripe account.
         */
        post: operations["tiers.copyToLive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health
         * @description Answers while the worker runs.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 document of this API, generated from the routes' schemas.
         */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        OpenApiDocument: {
            /** @constant */
            openapi: "3.1.0";
        } & {
            [key: string]: unknown;
        };
        /** @enum {string} */
        TierKind: "subscription" | "one_off";
        /** @description A pricing tier and its Stripe product and price. */
        Tier: {
            /**
             * @description The tier's key (a slug), unique per platform; archived names stay taken.
             * @example pro
             */
            name: string;
            /** @example Pro */
            displayName: string;
            kind: components["schemas"]["TierKind"];
            /**
             * @description Minor units (cents).
             * @example 1900
             */
            price: number;
            /**
             * @description ISO 4217, lower case.
             * @example usd
             */
            currency: string;
            /** @description Monthly limit; null = unlimited (always null for one-off tiers). */
            limit: number | null;
            features: string[];
            popular: boolean;
            /** @description One-off tiers: units left; null = not tracked. */
            inventory: number | null;
            /** @description One-off tiers (credit packs): the credits a purchase adds to the end-user's balance; null = none. */
            credits: number | null;
            /** @description Days a purchase's credits stay valid; null = they never expire. */
            creditValidityDays: number | null;
            imageUrl: string | null;
            description: string | null;
            /** @description Stripe price on the connected account; null for free tiers. */
            priceId: string | null;
            productId: string | null;
            sortOrder: number;
            archived: boolean;
        };
        TierList: {
            tiers: components["schemas"]["Tier"][];
        };
        TierResponse: {
            tier: components["schemas"]["Tier"];
        };
        CopiedTiers: {
            /** @description The live tiers after the copy. */
            tiers: components["schemas"]["Tier"][];
            /**
             * @description The names copied by this call (empty when live already had them all).
             * @example [
             *       "free",
             *       "pro"
             *     ]
             */
            copied: string[];
        };
        ConnectStart: {
            /**
             * @description Stripe's authorize page for this developer, with a signed single-use state.
             * @example https://connect.stripe.com/oauth/authorize?response_type=code&client_id=ca_…&state=…
             */
            url: string;
        };
        Disconnected: {
            /** @constant */
            connected: false;
            /** @example acct_1QxYz */
            accountId: string;
        };
        /** @description The body of every error response. */
        Error: {
            error: {
                /**
                 * @description A closed set: switch on it. The HTTP status follows from the code.
                 * @enum {string}
                 */
                code: "invalid_json" | "invalid_request" | "body_too_large" | "invalid_id" | "invalid_signature" | "invalid_state" | "livemode_mismatch" | "unknown_plan" | "unknown_tier" | "unauthorized" | "unauthenticated" | "invalid_api_key" | "invalid_token" | "forbidden" | "usage_limit_exceeded" | "platform_limit_reached" | "preview_limit_reached" | "live_mode_unavailable" | "not_found" | "customer_not_found" | "no_billing_account" | "method_not_allowed" | "conflict" | "customer_exists" | "email_in_use" | "no_tiers_configured" | "stripe_not_connected" | "sold_out" | "insufficient_credits" | "already_subscribed" | "idempotency_key_reused" | "idempotency_key_in_progress" | "rate_limited" | "internal_error" | "misconfigured" | "clerk_error" | "stripe_error" | "database_error";
                /** @description For humans; may change. */
                message: string;
                /** @description The field, header or query parameter at fault. */
                param?: string;
            };
            /**
             * @description Also in the X-Request-Id header; quote it to support.
             * @example req_4f9KqT2mXb7LsP0aZc1d
             */
            requestId: string;
        };
        Health: {
            /** @constant */
            ok: true;
            /** @constant */
            service: "oauth-api";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "connect.start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Send the developer's browser to `url`. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://connect.stripe.com/oauth/authorize?response_type=code&client_id=ca_…&state=…"
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectStart"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "connect.callback": {
        parameters: {
            query: {
                /** @description Stripe's authorization code. */
                code?: string;
                /** @description The state POST /connect/start signed. */
                state: string;
                /** @description Stripe's error code, when the developer declined or Stripe refused. */
                error?: string;
                /** @description Stripe's words: never shown. */
                error_description?: string;
                scope?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the dashboard. */
            302: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    /** @description `DASHBOARD_URL/dashboard?connect=success&account=…` or `?connect=error&error=<code>`. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_state` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "connect.disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Disconnected. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "connected": false,
                     *       "accountId": "acct_1QxYz"
                     *     }
                     */
                    "application/json": components["schemas"]["Disconnected"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `stripe_not_connected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error`, `stripe_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tiers.list": {
        parameters: {
            query: {
                /**
                 * @description Which mode's tiers: test tiers map to Stripe objects in test mode, live tiers to live mode.
                 * @example test
                 */
                mode: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": -9007199254740991,
                     *           "features": [
                     *             "string"
                     *           ],
                     *           "popular": false,
                     *           "inventory": -9007199254740991,
                     *           "credits": -9007199254740991,
                     *           "creditValidityDays": -9007199254740991,
                     *           "imageUrl": null,
                     *           "description": null,
                     *           "priceId": null,
                     *           "productId": null,
                     *           "sortOrder": -9007199254740991,
                     *           "archived": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TierList"];
                };
            };
            /** @description `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tiers.create": {
        parameters: {
            query: {
                /**
                 * @description Which mode's tiers: test tiers map to Stripe objects in test mode, live tiers to live mode.
                 * @example test
                 */
                mode: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "pro",
                 *       "displayName": "Pro",
                 *       "kind": "subscription",
                 *       "price": 1900,
                 *       "currency": "usd",
                 *       "limit": 10000,
                 *       "features": [
                 *         "10k calls"
                 *       ],
                 *       "popular": true
                 *     }
                 */
                "application/json": {
                    tiers: ({
                        name: string;
                        displayName: string;
                        price: number;
                        /** @default usd */
                        currency?: string;
                        /** @default [] */
                        features?: string[];
                        /** @default false */
                        popular?: boolean;
                        description?: string | null;
                        imageUrl?: string | null;
                        sortOrder?: number;
                        /** @constant */
                        kind: "subscription";
                        limit: number | null;
                    } | {
                        name: string;
                        displayName: string;
                        price: number;
                        /** @default usd */
                        currency?: string;
                        /** @default [] */
                        features?: string[];
                        /** @default false */
                        popular?: boolean;
                        description?: string | null;
                        imageUrl?: string | null;
                        sortOrder?: number;
                        /** @constant */
                        kind: "one_off";
                        limit?: null;
                        inventory?: number | null;
                        credits?: number | null;
                        creditValidityDays?: number | null;
                    })[];
                } | ({
                    name: string;
                    displayName: string;
                    price: number;
                    /** @default usd */
                    currency?: string;
                    /** @default [] */
                    features?: string[];
                    /** @default false */
                    popular?: boolean;
                    description?: string | null;
                    imageUrl?: string | null;
                    sortOrder?: number;
                    /** @constant */
                    kind: "subscription";
                    limit: number | null;
                } | {
                    name: string;
                    displayName: string;
                    price: number;
                    /** @default usd */
                    currency?: string;
                    /** @default [] */
                    features?: string[];
                    /** @default false */
                    popular?: boolean;
                    description?: string | null;
                    imageUrl?: string | null;
                    sortOrder?: number;
                    /** @constant */
                    kind: "one_off";
                    limit?: null;
                    inventory?: number | null;
                    credits?: number | null;
                    creditValidityDays?: number | null;
                });
            };
        };
        responses: {
            /** @description The tiers created. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": -9007199254740991,
                     *           "features": [
                     *             "string"
                     *           ],
                     *           "popular": false,
                     *           "inventory": -9007199254740991,
                     *           "credits": -9007199254740991,
                     *           "creditValidityDays": -9007199254740991,
                     *           "imageUrl": null,
                     *           "description": null,
                     *           "priceId": null,
                     *           "productId": null,
                     *           "sortOrder": -9007199254740991,
                     *           "archived": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TierList"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`, `stripe_not_connected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error`, `stripe_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tiers.archive": {
        parameters: {
            query: {
                /**
                 * @description Which mode's tiers: test tiers map to Stripe objects in test mode, live tiers to live mode.
                 * @example test
                 */
                mode: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The tier's name.
                 * @example pro
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived tier. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tier": {
                     *         "name": "pro",
                     *         "displayName": "Pro",
                     *         "kind": "subscription",
                     *         "price": 1900,
                     *         "currency": "usd",
                     *         "limit": -9007199254740991,
                     *         "features": [
                     *           "string"
                     *         ],
                     *         "popular": false,
                     *         "inventory": -9007199254740991,
                     *         "credits": -9007199254740991,
                     *         "creditValidityDays": -9007199254740991,
                     *         "imageUrl": null,
                     *         "description": null,
                     *         "priceId": null,
                     *         "productId": null,
                     *         "sortOrder": -9007199254740991,
                     *         "archived": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TierResponse"];
                };
            };
            /** @description `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`, `stripe_not_connected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error`, `stripe_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tiers.update": {
        parameters: {
            query: {
                /**
                 * @description Which mode's tiers: test tiers map to Stripe objects in test mode, live tiers to live mode.
                 * @example test
                 */
                mode: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The tier's name.
                 * @example pro
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "price": 2900,
                 *       "features": [
                 *         "25k calls"
                 *       ]
                 *     }
                 */
                "application/json": {
                    displayName?: string;
                    price?: number;
                    currency?: string;
                    limit?: number | null;
                    features?: string[];
                    popular?: boolean;
                    description?: string | null;
                    imageUrl?: string | null;
                    inventory?: number | null;
                    credits?: number | null;
                    creditValidityDays?: number | null;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description The tier as stored. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tier": {
                     *         "name": "pro",
                     *         "displayName": "Pro",
                     *         "kind": "subscription",
                     *         "price": 1900,
                     *         "currency": "usd",
                     *         "limit": -9007199254740991,
                     *         "features": [
                     *           "string"
                     *         ],
                     *         "popular": false,
                     *         "inventory": -9007199254740991,
                     *         "credits": -9007199254740991,
                     *         "creditValidityDays": -9007199254740991,
                     *         "imageUrl": null,
                     *         "description": null,
                     *         "priceId": null,
                     *         "productId": null,
                     *         "sortOrder": -9007199254740991,
                     *         "archived": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TierResponse"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`, `stripe_not_connected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error`, `stripe_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tiers.copyToLive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The live tiers after the copy, and the names copied now. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": -9007199254740991,
                     *           "features": [
                     *             "string"
                     *           ],
                     *           "popular": false,
                     *           "inventory": -9007199254740991,
                     *           "credits": -9007199254740991,
                     *           "creditValidityDays": -9007199254740991,
                     *           "imageUrl": null,
                     *           "description": null,
                     *           "priceId": null,
                     *           "productId": null,
                     *           "sortOrder": -9007199254740991,
                     *           "archived": false
                     *         }
                     *       ],
                     *       "copied": [
                     *         "free",
                     *         "pro"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CopiedTiers"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`, `stripe_not_connected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited` */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`, `misconfigured` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `clerk_error`, `stripe_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_error` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "service": "oauth-api"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0"
                     *     }
                     */
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
        };
    };
}
