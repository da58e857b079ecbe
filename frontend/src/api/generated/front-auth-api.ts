/**
 * Generated from front-auth-api's OpenAPI document by frontend/scripts/generate-api-types.ts
 * (openapi-typescript). Do not edit: run `pnpm --filter @dream-api/frontend generate`.
 */
/* eslint-disable */
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in developer
         * @description Plan, metered usage this month, keys (prefixes only), Stripe connection and the $15/month subscription. The developer's platform is created on the first authenticated call.
         */
        get: operations["me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify-auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The metered call
         * @description Verifies the session and counts one call against the plan's monthly allowance (free 5, paid 500 by default). At the limit: 403 `platform_limit_reached` with `usage` and, on the free plan, an `upgrade` hint. Only this call is metered.
         */
        post: operations["me.verifyAuth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue credentials
         * @description The platform's key pairs: a test pair always, a live pair once the developer is on the paid plan. Idempotent: a pair that exists is returned as prefixes; a secret appears only in the response that created it.
         */
        post: operations["credentials.issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate keys
         * @description New pair(s) for the same platformId; the old pair works for the grace period, then is refused (within the revocation bound when the grace period is shorter than it).
         */
        post: operations["credentials.rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a key pair
         * @description Revokes one working pair now — a current one, or one still in a rotation's grace period (a leaked key). api-multi refuses it within the revocation bound. A mode whose current pair is revoked has none until POST /credentials.
         */
        post: operations["credentials.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to the paid plan
         * @description A Checkout session for the $15/month plan on the platform's Stripe account. While subscribed: 409 `already_subscribed` with `portalUrl`.
         */
        post: operations["billing.checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Manage the subscription
         * @description A billing-portal session for the developer's $15/month subscription; 404 `no_billing_account` before a subscription.
         */
        post: operations["billing.portal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get settings
         * @description The developer's settings for one mode: allowed origins, default return URLs and the brand of the hosted pages (empty until saved).
         */
        get: operations["settings.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change settings
         * @description Changes the given fields of one mode's settings (null clears a URL or a brand field); the next checkout or portal session and the hosted pricing page use them. Live mode takes https origins and an https logo only, its default URLs must be on one of its allowed origins, and it never allows localhost.
         */
        patch: operations["settings.update"];
        trace?: never;
    };
    "/webhook/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Stripe event
         * @description The platform account's webhook endpoint (developers' $15/month subscriptions). The signature is the authentication. Each event is applied once: a redelivery answers `duplicate: true`. A 500 asks Stripe to retry.
         */
        post: operations["webhooks.stripe"];
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
        /**
         * @description The developer's metered calls (POST /verify-auth) this month.
         * @example {
         *       "count": 3,
         *       "limit": 5,
         *       "remaining": 2,
         *       "plan": "free",
         *       "periodStart": "2026-11-01T00:00:00.000Z",
         *       "periodEnd": "2026-12-01T00:00:00.000Z"
         *     }
         */
        PlatformUsage: {
            /** @description Metered calls counted this month. */
            count: number;
            /** @description The plan's monthly allowance (free 5, paid 500 by default). */
            limit: number | null;
            remaining: number | null;
            /**
             * @description free or paid.
             * @example free
             */
            plan: string;
            /**
             * Format: date-time
             * @description Start of the UTC calendar month (inclusive).
             * @example 2026-11-01T00:00:00.000Z
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description End of the month (exclusive).
             * @example 2026-11-01T00:00:00.000Z
             */
            periodEnd: string;
        };
        /** @description A key pair of the developer's platform. */
        KeyPair: {
            /** @example key_8dJ2kQ4mN8rT1vW3yZ5b */
            keyId: string;
            /** @enum {string} */
            mode: "test" | "live";
            /** @example pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b */
            publishableKey: string;
            /**
             * @description What may be shown of the secret: its mode and 4 characters.
             * @example sk_test_AbCd…
             */
            secretPrefix: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /** @description End of a rotated-out key's grace period; null for a current key. */
            expiresAt: string | null;
            /** @description The secret itself: only in the response that created it. Store it now; it is never shown again. */
            secretKey?: string;
        };
        /** @description The developer's platform and its working keys. */
        Credentials: {
            /** @example plt_8dJ2kQ4mN8rT1vW3yZ5b */
            platformId: string;
            /** @description The working keys, newest first. */
            keys: components["schemas"]["KeyPair"][];
        };
        /** @description Everything the dashboard needs about the signed-in developer. */
        Me: {
            /**
             * @description The developer's Clerk user id.
             * @example user_2abc
             */
            developerId: string;
            platformId: string;
            /** @enum {string} */
            plan: "free" | "paid";
            usage: components["schemas"]["PlatformUsage"];
            /** @description null before POST /credentials; secrets as prefixes only. */
            credentials: components["schemas"]["Credentials"] | null;
            stripe: {
                connected: boolean;
                accountId: string | null;
                livemode: boolean | null;
            };
            /** @description The $15/month subscription, as Stripe last told us. */
            subscription: {
                status: string;
                cancelAtPeriodEnd: boolean;
                currentPeriodEnd: string | null;
                canceledAt: string | null;
            } | null;
        };
        /** @description The developer's settings for one mode. */
        Settings: {
            /**
             * @description Which mode these settings apply to: each mode has its own.
             * @enum {string}
             */
            mode: "test" | "live";
            /**
             * @description Exact origins Checkout and the billing portal may send end-users back to, in this mode, whoever calls.
             * @example [
             *       "https://app.example"
             *     ]
             */
            allowedOrigins: string[];
            /** @description Test mode only: http://localhost:<port> and http://127.0.0.1:<port> are allowed too. Always false in live mode. */
            allowLocalhost: boolean;
            /**
             * @description Where Checkout returns after payment when the call names no successUrl.
             * @example https://app.example/thanks
             */
            defaultSuccessUrl: string | null;
            /** @description Where Checkout returns when the end-user cancels, when the call names no cancelUrl. */
            defaultCancelUrl: string | null;
            /** @description Where the billing portal returns, when the call names no returnUrl. */
            defaultReturnUrl: string | null;
            /**
             * @description Brand: the name on the hosted pricing page and Checkout (null: your Stripe account's name).
             * @example Acme AI
             */
            displayName: string | null;
            /**
             * @description Brand: the logo on the hosted pricing page and Checkout.
             * @example https://app.example/logo.png
             */
            logoUrl: string | null;
            /**
             * @description Brand: buttons and highlights, `#RRGGBB`.
             * @example #4f46e5
             */
            accentColor: string | null;
            /**
             * @description Brand: shown on the hosted pricing page as "Questions? <email>".
             * @example support@app.example
             */
            supportEmail: string | null;
            /**
             * @description Fractions of the tier limit at which usage.threshold_reached is sent (once per end-user and period), ascending; [] = no usage alerts.
             * @example [
             *       0.8,
             *       1
             *     ]
             */
            usageAlertThresholds: number[];
            /** @description When these settings were last saved; null if never. */
            updatedAt: string | null;
        };
        SettingsResponse: {
            settings: components["schemas"]["Settings"];
        };
        /** @description The metered call's result: the usage after it. */
        MeteredCall: {
            developerId: string;
            /** @enum {string} */
            plan: "free" | "paid";
            usage: components["schemas"]["PlatformUsage"];
        };
        CheckoutSession: {
            /** @example cs_test_a1B2 */
            id: string;
            /**
             * @description Where to send the developer to pay.
             * @example https://checkout.stripe.com/c/pay/cs_test_a1B2
             */
            url: string;
        };
        PortalSession: {
            /** @example https://billing.stripe.com/p/session/test_YWNj */
            url: string;
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
            /** @description On 403 platform_limit_reached: the usage that refused the call. */
            usage?: components["schemas"]["PlatformUsage"];
            /** @description On 403 platform_limit_reached of a free developer: what the paid plan gives and where to get it. */
            upgrade?: {
                /** @constant */
                plan: "paid";
                price: string;
                limit: number;
                checkout: string;
            };
            /** @description On 409 already_subscribed: a billing-portal session (null when Stripe could not make one; call POST /portal). */
            portalUrl?: string | null;
        };
        WebhookReceipt: {
            /** @constant */
            received: true;
            /** @description The event was already handled: nothing was applied again. */
            duplicate: boolean;
            /**
             * @description What the event did.
             * @example plan paid (subscription active)
             */
            outcome: string;
        };
        Health: {
            /** @constant */
            ok: true;
            /** @constant */
            service: "front-auth-api";
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
    "me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The developer. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "developerId": "user_2abc",
                     *       "platformId": "string",
                     *       "plan": "free",
                     *       "usage": {
                     *         "count": 3,
                     *         "limit": 5,
                     *         "remaining": 2,
                     *         "plan": "free",
                     *         "periodStart": "2026-11-01T00:00:00.000Z",
                     *         "periodEnd": "2026-12-01T00:00:00.000Z"
                     *       },
                     *       "credentials": {
                     *         "platformId": "plt_8dJ2kQ4mN8rT1vW3yZ5b",
                     *         "keys": [
                     *           {
                     *             "keyId": "key_8dJ2kQ4mN8rT1vW3yZ5b",
                     *             "mode": "test",
                     *             "publishableKey": "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b",
                     *             "secretPrefix": "sk_test_AbCd…",
                     *             "createdAt": "2026-11-01T00:00:00.000Z",
                     *             "expiresAt": "2026-11-01T00:00:00.000Z"
                     *           }
                     *         ]
                     *       },
                     *       "stripe": {
                     *         "connected": false,
                     *         "accountId": null,
                     *         "livemode": null
                     *       },
                     *       "subscription": {
                     *         "status": "string",
                     *         "cancelAtPeriodEnd": false,
                     *         "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *         "canceledAt": "2026-11-01T00:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
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
    "me.verifyAuth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counted. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "developerId": "string",
                     *       "plan": "free",
                     *       "usage": {
                     *         "count": 3,
                     *         "limit": 5,
                     *         "remaining": 2,
                     *         "plan": "free",
                     *         "periodStart": "2026-11-01T00:00:00.000Z",
                     *         "periodEnd": "2026-12-01T00:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["MeteredCall"];
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
            /** @description `platform_limit_reached` */
            403: {
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
    "credentials.issue": {
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
            /** @description Every pair the plan allows exists already: prefixes only. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN8rT1vW3yZ5b",
                     *       "keys": [
                     *         {
                     *           "keyId": "key_8dJ2kQ4mN8rT1vW3yZ5b",
                     *           "mode": "test",
                     *           "publishableKey": "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b",
                     *           "secretPrefix": "sk_test_AbCd…",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "expiresAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Credentials"];
                };
            };
            /** @description A pair was created: its `secretKey` is in this response, and only here. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN8rT1vW3yZ5b",
                     *       "keys": [
                     *         {
                     *           "keyId": "key_8dJ2kQ4mN8rT1vW3yZ5b",
                     *           "mode": "test",
                     *           "publishableKey": "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b",
                     *           "secretPrefix": "sk_test_AbCd…",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "expiresAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Credentials"];
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
    "credentials.rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "test",
                 *       "gracePeriodSeconds": 3600
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Which pair to rotate; both when omitted.
                     * @enum {string}
                     */
                    mode?: "test" | "live";
                    /**
                     * @description How long the old pair keeps working (0: revoked now; at most 7 days).
                     * @default 0
                     */
                    gracePeriodSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The new pair's `secretKey` is in this response, and only here. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN8rT1vW3yZ5b",
                     *       "keys": [
                     *         {
                     *           "keyId": "key_8dJ2kQ4mN8rT1vW3yZ5b",
                     *           "mode": "test",
                     *           "publishableKey": "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b",
                     *           "secretPrefix": "sk_test_AbCd…",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "expiresAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Credentials"];
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
            /** @description `not_found` */
            404: {
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
    "credentials.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The pair's keyId, from GET /me.
                 * @example key_8dJ2kQ4mN8rT1vW3yZ5b
                 */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The remaining working keys. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN8rT1vW3yZ5b",
                     *       "keys": [
                     *         {
                     *           "keyId": "key_8dJ2kQ4mN8rT1vW3yZ5b",
                     *           "mode": "test",
                     *           "publishableKey": "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b",
                     *           "secretPrefix": "sk_test_AbCd…",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "expiresAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Credentials"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large`, `invalid_id` */
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
            /** @description `not_found` */
            404: {
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
    "billing.checkout": {
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
            /** @description Created: send the developer to `url`. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cs_test_a1B2",
                     *       "url": "https://checkout.stripe.com/c/pay/cs_test_a1B2"
                     *     }
                     */
                    "application/json": components["schemas"]["CheckoutSession"];
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
            /** @description `already_subscribed` */
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
    "billing.portal": {
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
            /** @description Created: send the developer to `url`. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://billing.stripe.com/p/session/test_YWNj"
                     *     }
                     */
                    "application/json": components["schemas"]["PortalSession"];
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
            /** @description `no_billing_account` */
            404: {
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
    "settings.get": {
        parameters: {
            query: {
                /** @description Which mode's settings. */
                mode: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings of that mode. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "settings": {
                     *         "mode": "test",
                     *         "allowedOrigins": [
                     *           "https://app.example"
                     *         ],
                     *         "allowLocalhost": false,
                     *         "defaultSuccessUrl": "https://app.example/thanks",
                     *         "defaultCancelUrl": null,
                     *         "defaultReturnUrl": null,
                     *         "displayName": "Acme AI",
                     *         "logoUrl": "https://app.example/logo.png",
                     *         "accentColor": "#4f46e5",
                     *         "supportEmail": "support@app.example",
                     *         "usageAlertThresholds": [
                     *           0.8,
                     *           1
                     *         ],
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SettingsResponse"];
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
    "settings.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "live",
                 *       "allowedOrigins": [
                 *         "https://app.example"
                 *       ],
                 *       "defaultSuccessUrl": "https://app.example/thanks",
                 *       "displayName": "Acme AI",
                 *       "accentColor": "#4f46e5"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Which mode's settings to change.
                     * @enum {string}
                     */
                    mode: "test" | "live";
                    allowedOrigins?: string[];
                    /** @description Test mode only: also allow redirects to http://localhost:<port> and http://127.0.0.1:<port>. Live mode refuses true. */
                    allowLocalhost?: boolean;
                    defaultSuccessUrl?: string | null;
                    defaultCancelUrl?: string | null;
                    defaultReturnUrl?: string | null;
                    /**
                     * @description Name shown on the hosted pricing page and Checkout instead of your Stripe account's name.
                     * @example Acme AI
                     */
                    displayName?: string | null;
                    /**
                     * @description Image shown on the hosted pages: https (http too in test mode), at most 2048 characters.
                     * @example https://app.example/logo.png
                     */
                    logoUrl?: string | null;
                    /**
                     * @description Colour of buttons and highlights on the hosted pages, `#RRGGBB`.
                     * @example #4f46e5
                     */
                    accentColor?: string | null;
                    /**
                     * @description Shown on the hosted pricing page as "Questions? <email>".
                     * @example support@app.example
                     */
                    supportEmail?: string | null;
                    /**
                     * @description When usage.threshold_reached fires: fractions of the tier limit (0.8 = 80 %), at most 5; [] turns usage alerts off. Default [0.8, 1].
                     * @example [
                     *       0.5,
                     *       0.8,
                     *       1
                     *     ]
                     */
                    usageAlertThresholds?: number[];
                };
            };
        };
        responses: {
            /** @description The settings as saved. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "settings": {
                     *         "mode": "test",
                     *         "allowedOrigins": [
                     *           "https://app.example"
                     *         ],
                     *         "allowLocalhost": false,
                     *         "defaultSuccessUrl": "https://app.example/thanks",
                     *         "defaultCancelUrl": null,
                     *         "defaultReturnUrl": null,
                     *         "displayName": "Acme AI",
                     *         "logoUrl": "https://app.example/logo.png",
                     *         "accentColor": "#4f46e5",
                     *         "supportEmail": "support@app.example",
                     *         "usageAlertThresholds": [
                     *           0.8,
                     *           1
                     *         ],
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SettingsResponse"];
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
    "webhooks.stripe": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Stripe's signature of the raw body.
                 * @example t=1763900000,v1=5257a869e7ec…
                 */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "evt_1QxYz",
                 *       "type": "checkout.session.completed"
                 *     }
                 */
                "application/json": {
                    id: string;
                    type: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true,
                     *       "duplicate": false,
                     *       "outcome": "plan paid (subscription active)"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookReceipt"];
                };
            };
            /** @description `invalid_signature`, `body_too_large`, `invalid_json`, `invalid_request` */
            400: {
                headers: {
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
            /** @description `stripe_error`, `clerk_error` */
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
                     *       "service": "front-auth-api"
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
