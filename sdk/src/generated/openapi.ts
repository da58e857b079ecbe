/**
 * Generated from api-multi's OpenAPI document by sdk/scripts/generate-types.ts
 * (openapi-typescript). Do not edit: run `pnpm --filter @dream-api/client generate`.
 */
/* eslint-disable */
export interface paths {
    "/api/usage/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track usage
         * @description Counts `amount` for an end-user, atomically against the tier's monthly limit: either the whole amount is counted and the call answers 200 with the usage after it, or nothing is counted and it answers 403 `usage_limit_exceeded` with the usage that refused it. An unknown userId is registered on your cheapest tier. Send an `Idempotency-Key` to make retries safe: the same key within 24 hours replays the first answer (header `Idempotent-Replayed: true`) and counts nothing; a retry that arrives while the first call is still running waits briefly for its answer, else is 409 `idempotency_key_in_progress` with `Retry-After: 1`.
         */
        post: operations["usage.track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check usage
         * @description Reads an end-user's usage without counting. With an end-user session token the user is the token's; naming another is 403.
         */
        get: operations["usage.check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description One page of your end-users, newest first. Follow `nextCursor` for the next page; `q` filters by a prefix of the userId or email.
         */
        get: operations["customers.list"];
        put?: never;
        /**
         * Create a customer
         * @description Registers an end-user: a user in the shared end-user Clerk app, and a customer on `plan` (default: your cheapest tier). Without `userId`, the Clerk user id becomes the userId.
         */
        post: operations["customers.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer
         * @description One end-user with plan, usage this period and latest subscription.
         */
        get: operations["customers.get"];
        put?: never;
        post?: never;
        /**
         * Delete a customer
         * @description Deletes one of your customers and their usage counter, and removes the person from your app in the shared end-user Clerk app — only from yours: they stay a customer of any other app. Their payments and events stay on record. A customer whose subscription is still running is refused (409): cancel it first.
         */
        delete: operations["customers.delete"];
        options?: never;
        head?: never;
        /**
         * Change a customer's plan
         * @description Moves an end-user to another tier (an admin override: no payment is taken). Usage counted this period is kept.
         */
        patch: operations["customers.update"];
        trace?: never;
    };
    "/api/customers/{userId}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer's credits
         * @description The end-user's unexpired credit balance and its grants and deductions, newest first, each grant with what remains of it. Tracks spend credits only once the period's allowance is used up, from the grants that expire first.
         */
        get: operations["customers.credits.list"];
        put?: never;
        /**
         * Grant or deduct credits
         * @description Adds credits to an end-user's balance (amount > 0), or takes them away (amount < 0) from the credits that expire first — refused whole with 409 `insufficient_credits` if the balance does not cover it. Send an `Idempotency-Key` to make retries safe: the same key with the same request answers the first result again (header `Idempotent-Replayed: true`) and moves nothing; with another request it is 409 `idempotency_key_reused`.
         */
        post: operations["customers.credits.grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tiers
         * @description Your active tiers of the key's mode (or the `mode` a dashboard session names) in display order, with their Stripe price ids.
         */
        get: operations["tiers.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List public tiers
         * @description Your pricing and brand for a public page, by publishable key: no authentication, any origin, no Stripe ids, cacheable for 60 seconds. The brand is the one set for the key's mode.
         */
        get: operations["tiers.listPublic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/platforms/{platformId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a pricing page
         * @description Your pricing, brand and end-user organization for the hosted pricing page `/p/<platformId>` (live) or `/p/<platformId>/test`: no authentication, any origin, no Stripe ids, cacheable for 60 seconds. Live needs the paid plan.
         */
        get: operations["platforms.getPublic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/platforms/{platformId}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join an app as its customer
         * @description Called by the hosted pricing page with the person's end-user session token (`Authorization: Bearer <jwt>`, any active organization): makes them a member of this platform's organization (in the `mode` asked, live by default) and a customer on the starting tier, or finds the customer they already are. Then make `organizationId` the session's active organization. Idempotent.
         */
        post: operations["platforms.join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a checkout session
         * @description A Stripe Checkout session on your connected account for a paid tier. Send the end-user to `url`; Stripe's webhooks then move their plan. An end-user has at most one subscription per platform: while one is active, trialing or past due, checking out any subscription tier is 409 `already_subscribed`, whose body carries `portalUrl`, a billing-portal session where the end-user changes plan instead (one-off purchases stay open). With an end-user session token, `userId` defaults to (and must be) the token's user.
         */
        post: operations["checkout.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a billing portal session
         * @description A Stripe billing portal session where an end-user with a subscription manages or cancels it.
         */
        post: operations["portal.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the dashboard
         * @description Customers, usage, subscriptions, tiers, keys (prefixes only), MRR, active subscriptions and recent webhook events of your platform, in one mode: the key's, or the `mode` a dashboard session names.
         */
        get: operations["dashboard.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
         * @description Stripe's Connect (and preview) webhook endpoints, one per mode. The signature is the authentication. Each event is applied once: a redelivery answers `duplicate: true` and changes nothing. An event that names data of the other mode than its `livemode` is 400 `livemode_mismatch`: recorded, nothing applied. A 500 asks Stripe to retry.
         */
        post: operations["webhooks.stripe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Your endpoints in this mode, oldest first (secrets are never shown again, only their prefix).
         */
        get: operations["webhooks.endpoints.list"];
        put?: never;
        /**
         * Add a webhook endpoint
         * @description Registers a URL to receive your events in this mode, signed as Standard Webhooks prescribe. The answer holds the signing secret (`whsec_…`) — the only time it is shown. Live endpoints must be https; at most 20 per mode.
         */
        post: operations["webhooks.endpoints.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description One endpoint of this mode.
         */
        get: operations["webhooks.endpoints.get"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Deletes the endpoint and its delivery log; pending retries to it stop.
         */
        delete: operations["webhooks.endpoints.delete"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Changes the given fields: url, events (null = every type), description, enabled. A disabled endpoint is sent nothing.
         */
        patch: operations["webhooks.endpoints.update"];
        trace?: never;
    };
    "/api/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an endpoint's signing secret
         * @description Issues a new signing secret, shown only in this answer. For 24 hours deliveries carry two signatures (the new secret's and the old one's), so you can deploy the new secret without missing a delivery.
         */
        post: operations["webhooks.endpoints.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `ping` event to this endpoint only (whatever types it subscribes to), signed and retried like any event. Its delivery appears in the event log.
         */
        post: operations["webhooks.endpoints.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description The events of the last 30 days in this mode, newest first, each with its deliveries and every attempt. Follow `nextCursor` for the next page.
         */
        get: operations["webhooks.events.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event
         * @description One event of the last 30 days, with its deliveries and every attempt.
         */
        get: operations["webhooks.events.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events/{eventId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend an event
         * @description Sends the event again, with the same id, to every enabled endpoint that takes it: one more attempt each, queued now.
         */
        post: operations["webhooks.events.resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List requests
         * @description Your platform's requests in this mode over the last 7 days, newest first: time, method, route pattern, status, error code, userId, latency and caller — never a body, a query string, a secret or an email. Lines are written off the request's path, so a request shows a few seconds after it was answered. Follow `nextCursor` for older ones.
         */
        get: operations["logs.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logs/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a request
         * @description One request of the last 7 days by its `X-Request-Id` (404 for another mode's, another platform's or an unknown one).
         */
        get: operations["logs.get"];
        put?: never;
        post?: never;
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
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API reference
         * @description This reference as an HTML page.
         */
        get: operations["docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ping
         * @description Sent by POST /api/webhook-endpoints/:id/test (and the dashboard's Send test) to that endpoint only.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "ping",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "endpointId": "we_3nR8kL2pQ6sT9vX1"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PingEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "usage.threshold_reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Usage: threshold reached
         * @description An end-user's usage reached one of your alert thresholds (Settings; default 80 % and 100 % of the tier limit). Sent once per end-user, threshold and billing period; never for unlimited tiers.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "usage.threshold_reached",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "threshold": 0.8,
                     *         "usage": {
                     *           "plan": "free",
                     *           "credits": 0,
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z",
                     *           "count": 80,
                     *           "limit": 100,
                     *           "remaining": 20
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UsageThresholdReachedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "usage.limit_reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Usage: limit reached
         * @description An end-user used up the tier's limit, or a track was refused for it (403 usage_limit_exceeded). Sent once per end-user and billing period.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "usage.limit_reached",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "usage": {
                     *           "plan": "free",
                     *           "credits": 0,
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z",
                     *           "count": 100,
                     *           "limit": 100,
                     *           "remaining": 0
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UsageLimitReachedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Customer: created
         * @description An end-user was registered: by POST /api/customers, a first track, or joining through your pricing page.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "customer.created",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "email": "ada@example.com",
                     *         "plan": "free"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerCreatedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.plan_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Customer: plan changed
         * @description An end-user's plan (tier) changed.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "customer.plan_changed",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "from": "free",
                     *         "to": "pro",
                     *         "cause": "checkout"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerPlanChangedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.subscription_updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Customer: subscription updated
         * @description An end-user's subscription was created or changed (status, renewal, cancellation at period end).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "customer.subscription_updated",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "subscriptionId": "sub_1QxYz",
                     *         "status": "active",
                     *         "cancelAtPeriodEnd": true,
                     *         "currentPeriodEnd": "2026-12-01T00:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerSubscriptionUpdatedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.payment_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invoice: payment failed
         * @description A payment of an end-user's subscription failed; Stripe retries it on your account's schedule.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "invoice.payment_failed",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "invoiceId": "in_1QxYz",
                     *         "subscriptionId": "sub_1QxYz",
                     *         "amountDue": 1500,
                     *         "currency": "usd",
                     *         "attemptCount": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["InvoicePaymentFailedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.granted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credits: granted
         * @description Credits were added to an end-user's balance: a paid credit pack, or your POST /api/customers/:userId/credits (or the dashboard's Grant credits).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "credits.granted",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "grant": {
                     *           "id": "cg_5f1e0c9a7b3d2e4f6a8b9c0d",
                     *           "source": "purchase",
                     *           "amount": 100,
                     *           "remaining": 100,
                     *           "expiresAt": "2027-11-14T09:30:00.000Z",
                     *           "expired": false,
                     *           "reason": "Bought 100 credits",
                     *           "createdAt": "2026-11-14T09:30:00.000Z"
                     *         },
                     *         "balance": 100
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreditsGrantedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credits: exhausted
         * @description A track spent an end-user's last credit (its balance is now 0 and the period's allowance is used up). Sent once for the track that spent it.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.
                     * @example evt_5kQ2mN8xT1vW3yZ7
                     */
                    "webhook-id": string;
                    /**
                     * @description When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).
                     * @example 1793491200
                     */
                    "webhook-timestamp": string;
                    /**
                     * @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.
                     * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                     */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_5kQ2mN8xT1vW3yZ7",
                     *       "type": "credits.exhausted",
                     *       "createdAt": "2026-11-14T09:30:00.000Z",
                     *       "mode": "live",
                     *       "data": {
                     *         "userId": "user_42",
                     *         "usage": {
                     *           "plan": "free",
                     *           "credits": 0,
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z",
                     *           "count": 150,
                     *           "limit": 100,
                     *           "remaining": 0
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreditsExhaustedEvent"];
                };
            };
            responses: {
                /** @description Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        OpenApiDocument: {
            /** @constant */
            openapi: "3.1.0";
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Which world the answer comes from: "preview" for a free developer's test key (at most 100 end-users), else the key's mode.
         * @enum {string}
         */
        ApiMode: "preview" | "test" | "live";
        /**
         * @description An end-user's usage in the current billing period.
         * @example {
         *       "count": 42,
         *       "limit": 100,
         *       "remaining": 58,
         *       "credits": 0,
         *       "plan": "free",
         *       "periodStart": "2026-11-01T00:00:00.000Z",
         *       "periodEnd": "2026-12-01T00:00:00.000Z"
         *     }
         */
        Usage: {
            /** @description Units counted in the current period. */
            count: number;
            /** @description The tier's monthly limit; null on an unlimited tier. */
            limit: number | null;
            /** @description What can still be used: what the period's allowance has left plus the unexpired credits; null on an unlimited tier. */
            remaining: number | null;
            /** @description Unexpired prepaid credits, spent only once the period's allowance is used up (never on an unlimited tier). */
            credits: number;
            /** @description The tier the end-user is on. */
            plan: string;
            /**
             * Format: date-time
             * @description Start of the period (inclusive): the UTC month, or a paying end-user's subscription period.
             * @example 2026-11-01T00:00:00.000Z
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             * @example 2026-11-01T00:00:00.000Z
             */
            periodEnd: string;
        };
        /** @description One movement of an end-user's credits: a grant, or a deduction. */
        CreditGrant: {
            /**
             * @description The movement's id.
             * @example cg_5f1e0c9a7b3d2e4f6a8b9c0d
             */
            id: string;
            /**
             * @description What made it: a paid credit pack, your API call, the dashboard, or the tier's own credits.
             * @enum {string}
             */
            source: "purchase" | "api" | "dashboard" | "plan";
            /** @description Credits added (a grant, > 0) or taken away (a deduction, < 0). */
            amount: number;
            /** @description Of a grant, what is left to spend (0 for a deduction, or once spent or expired). */
            remaining: number;
            /** @description After this moment the grant's remaining credits are never spent; null: they never expire. */
            expiresAt: string | null;
            /** @description The grant has expired: what it has left no longer counts. */
            expired: boolean;
            /** @description Why, as given (a purchase says which pack). */
            reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
        };
        /** @description The end-user's latest subscription, summarised. */
        SubscriptionSummary: {
            /**
             * @description Stripe's subscription status: active, trialing, past_due, canceled, …
             * @example active
             */
            status: string;
            cancelAtPeriodEnd: boolean;
            currentPeriodEnd: string | null;
            canceledAt: string | null;
        };
        /** @description The end-user's latest subscription. */
        CustomerSubscription: {
            /**
             * @description Stripe subscription id.
             * @example sub_1QxYz
             */
            id: string;
            /**
             * @description Stripe's subscription status: active, trialing, past_due, canceled, …
             * @example active
             */
            status: string;
            /** @description The tier the subscription pays for. */
            plan: string;
            currentPeriodEnd: string | null;
            cancelAtPeriodEnd: boolean;
            canceledAt: string | null;
        };
        /** @description An end-user of your platform. */
        Customer: {
            /**
             * @description Your id for the end-user.
             * @example user_42
             */
            userId: string;
            /** @example ada@example.com */
            email: string | null;
            /**
             * @description The end-user's tier.
             * @example free
             */
            plan: string;
            /** @description The end-user's id in the shared Clerk app; null for end-users registered by a first track. */
            clerkUserId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            updatedAt: string;
            usage: components["schemas"]["Usage"];
            subscription: components["schemas"]["CustomerSubscription"] | null;
        };
        /** @description An end-user as lists show it. */
        CustomerListItem: {
            /**
             * @description Your id for the end-user.
             * @example user_42
             */
            userId: string;
            /** @example ada@example.com */
            email: string | null;
            /**
             * @description The end-user's tier.
             * @example free
             */
            plan: string;
            /** @description The end-user's id in the shared Clerk app; null for end-users registered by a first track. */
            clerkUserId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            updatedAt: string;
            usage: components["schemas"]["Usage"];
            subscription: components["schemas"]["SubscriptionSummary"] | null;
        };
        /** @enum {string} */
        TierKind: "subscription" | "one_off";
        /** @description A pricing tier. */
        Tier: {
            /**
             * @description The tier's key, used in `plan` and `tier` fields.
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
            /**
             * @description Monthly limit; null = unlimited (always null for one-off tiers).
             * @example 10000
             */
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
            /** @description Stripe price on your connected account; null for free tiers. */
            priceId: string | null;
            productId: string | null;
            sortOrder: number;
            archived: boolean;
        };
        /** @description A tier as your public pricing page shows it: no Stripe ids. */
        PublicTier: {
            /**
             * @description The tier's key, used in `plan` and `tier` fields.
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
            /**
             * @description Monthly limit; null = unlimited (always null for one-off tiers).
             * @example 10000
             */
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
            /** @description A one-off tier whose inventory is 0. */
            soldOut: boolean;
        };
        /** @description How your hosted pages present you, as set in the dashboard's Settings for the key's mode; each field null when unset. */
        Brand: {
            /**
             * @description The name to show instead of the platform's; null: none set.
             * @example Acme AI
             */
            displayName: string | null;
            /**
             * @description The logo to show.
             * @example https://app.example/logo.png
             */
            logoUrl: string | null;
            /**
             * @description Buttons and highlights, `#RRGGBB`.
             * @example #4f46e5
             */
            accentColor: string | null;
            /**
             * @description Where end-users write with questions ("Questions? support@…").
             * @example support@app.example
             */
            supportEmail: string | null;
        };
        /** @description Everything the dashboard shows about your platform. */
        Dashboard: {
            /** @example plt_8dJ2kQ */
            platformId: string;
            /** @description The current calendar-month period. */
            period: {
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                end: string;
            };
            keys: {
                keyId: string;
                /** @enum {string} */
                mode: "test" | "live";
                publishableKey: string;
                /**
                 * @description e.g. sk_test_AbCd…: the secret itself is never returned.
                 * @example sk_test_AbCd
                 */
                secretPrefix: string;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                createdAt: string;
                /** @description End of a rotated-out key's grace period. */
                expiresAt: string | null;
                active: boolean;
            }[];
            /** @description All tiers, archived ones included. */
            tiers: components["schemas"]["Tier"][];
            /** @description The 50 newest customers. */
            customers: components["schemas"]["CustomerListItem"][];
            subscriptions: {
                subscriptionId: string;
                userId: string;
                plan: string;
                priceId: string | null;
                /**
                 * @description Stripe's subscription status: active, trialing, past_due, canceled, …
                 * @example active
                 */
                status: string;
                currentPeriodStart: string | null;
                currentPeriodEnd: string | null;
                cancelAtPeriodEnd: boolean;
                canceledAt: string | null;
                /** @description Why the latest payment failed, while it is unsettled. */
                lastPaymentError: string | null;
            }[];
            recentEvents: {
                eventId: string;
                type: string;
                outcome: string | null;
                error: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                receivedAt: string;
            }[];
            /** @description Calls per UTC day, last 30 days, oldest first. */
            dailyUsage: {
                /** @example 2026-11-23 */
                day: string;
                calls: number;
            }[];
            totals: {
                customers: number;
                callsThisPeriod: number;
                activeSubscriptions: number;
                /** @description Monthly recurring revenue per currency. */
                mrr: {
                    currency: string;
                    /** @description Minor units. */
                    amount: number;
                }[];
                activeByTier: {
                    tier: string;
                    subscribers: number;
                }[];
                oneOffRevenue: {
                    currency: string;
                    /** @description Minor units. */
                    amount: number;
                    purchases: number;
                }[];
            };
        };
        UsageResponse: {
            usage: components["schemas"]["Usage"];
            mode: components["schemas"]["ApiMode"];
        };
        CustomerResponse: {
            customer: components["schemas"]["Customer"];
            mode: components["schemas"]["ApiMode"];
        };
        CustomerPage: {
            /** @description Newest first. */
            data: components["schemas"]["CustomerListItem"][];
            hasMore: boolean;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            mode: components["schemas"]["ApiMode"];
        };
        CreditBalance: {
            userId: string;
            /** @description Unexpired credits: what tracks past the period's allowance can still spend. */
            balance: number;
            /** @description Grants and deductions, newest first. */
            grants: components["schemas"]["CreditGrant"][];
            hasMore: boolean;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            mode: components["schemas"]["ApiMode"];
        };
        CreditMovementResponse: {
            userId: string;
            grant: components["schemas"]["CreditGrant"];
            /** @description Unexpired credits after this movement. */
            balance: number;
            mode: components["schemas"]["ApiMode"];
        };
        TierList: {
            /** @description Active tiers in display order. */
            tiers: components["schemas"]["Tier"][];
            mode: components["schemas"]["ApiMode"];
        };
        PublicTierList: {
            /**
             * @description The platform: its pricing page is `/p/<platformId>` (live) or `/p/<platformId>/test`, whatever keys it has.
             * @example plt_8dJ2kQ4mN7rT1vW3
             */
            platformId: string;
            /**
             * @description The Clerk organization of this platform and mode in the shared end-user app (null until someone joins): a session with it active acts here.
             * @example org_2x9Kq
             */
            organizationId: string | null;
            tiers: components["schemas"]["PublicTier"][];
            brand: components["schemas"]["Brand"];
            mode: components["schemas"]["ApiMode"];
        };
        Joined: {
            /**
             * @description Make it the session's active organization (Clerk `setActive`); its tokens then act as this customer.
             * @example org_2x9Kq
             */
            organizationId: string;
            /**
             * @description The person's customer id here.
             * @example user_2NNEqL2nrIRdJ194ndJqAHwEfxC
             */
            userId: string;
            /**
             * @description Their plan here.
             * @example free
             */
            plan: string;
            mode: components["schemas"]["ApiMode"];
        };
        DeletedCustomer: {
            userId: string;
            /** @constant */
            deleted: true;
            mode: components["schemas"]["ApiMode"];
        };
        CheckoutSession: {
            /**
             * @description Stripe Checkout session id.
             * @example cs_test_a1B2
             */
            id: string;
            /**
             * @description Where to send the end-user to pay.
             * @example https://checkout.stripe.com/c/pay/cs_test_a1B2
             */
            url: string;
            mode: components["schemas"]["ApiMode"];
        };
        PortalSession: {
            /**
             * @description Stripe billing portal URL for the end-user.
             * @example https://billing.stripe.com/p/session/test_YWNj
             */
            url: string;
            mode: components["schemas"]["ApiMode"];
        };
        DashboardResponse: {
            /** @example plt_8dJ2kQ */
            platformId: string;
            /** @description The current calendar-month period. */
            period: {
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                end: string;
            };
            keys: {
                keyId: string;
                /** @enum {string} */
                mode: "test" | "live";
                publishableKey: string;
                /**
                 * @description e.g. sk_test_AbCd…: the secret itself is never returned.
                 * @example sk_test_AbCd
                 */
                secretPrefix: string;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                createdAt: string;
                /** @description End of a rotated-out key's grace period. */
                expiresAt: string | null;
                active: boolean;
            }[];
            /** @description All tiers, archived ones included. */
            tiers: components["schemas"]["Tier"][];
            /** @description The 50 newest customers. */
            customers: components["schemas"]["CustomerListItem"][];
            subscriptions: {
                subscriptionId: string;
                userId: string;
                plan: string;
                priceId: string | null;
                /**
                 * @description Stripe's subscription status: active, trialing, past_due, canceled, …
                 * @example active
                 */
                status: string;
                currentPeriodStart: string | null;
                currentPeriodEnd: string | null;
                cancelAtPeriodEnd: boolean;
                canceledAt: string | null;
                /** @description Why the latest payment failed, while it is unsettled. */
                lastPaymentError: string | null;
            }[];
            recentEvents: {
                eventId: string;
                type: string;
                outcome: string | null;
                error: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-01T00:00:00.000Z
                 */
                receivedAt: string;
            }[];
            /** @description Calls per UTC day, last 30 days, oldest first. */
            dailyUsage: {
                /** @example 2026-11-23 */
                day: string;
                calls: number;
            }[];
            totals: {
                customers: number;
                callsThisPeriod: number;
                activeSubscriptions: number;
                /** @description Monthly recurring revenue per currency. */
                mrr: {
                    currency: string;
                    /** @description Minor units. */
                    amount: number;
                }[];
                activeByTier: {
                    tier: string;
                    subscribers: number;
                }[];
                oneOffRevenue: {
                    currency: string;
                    /** @description Minor units. */
                    amount: number;
                    purchases: number;
                }[];
            };
            mode: components["schemas"]["ApiMode"];
        };
        /** @description Where dream-api posts your events, signed as Standard Webhooks prescribe. */
        WebhookEndpoint: {
            /** @example we_3kT9xQ2mP7rL1vW8nB4cD6fH */
            id: string;
            /** @example https://api.example.com/webhooks/dream */
            url: string;
            description: string | null;
            /**
             * @description The event types it receives; null = every type.
             * @example [
             *       "usage.threshold_reached",
             *       "customer.plan_changed"
             *     ]
             */
            events: string[] | null;
            enabled: boolean;
            /** @description "failing": dream-api disabled it after 5 days of failed deliveries; enable it again (PATCH enabled: true) once it answers 2xx. */
            disabledReason: ("manual" | "failing") | null;
            /** @description The first failed attempt since the last success; null while deliveries succeed. */
            failingSince: string | null;
            /**
             * @description The start of the signing secret, to tell secrets apart; the whole secret is shown only when created or rotated.
             * @example whsec_K3q9
             */
            secretPrefix: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            updatedAt: string;
        };
        WebhookAttempt: {
            attempt: number;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            attemptedAt: string;
            /** @description The endpoint's HTTP status; null when it did not answer. */
            responseStatus: number | null;
            latencyMs: number;
            /** @description The first 1 KB of the answer. */
            responseBody: string | null;
            /** @description Why there was no answer (timeout, connection refused), or why nothing was sent. */
            error: string | null;
        };
        /** @description One event to one endpoint. */
        WebhookDelivery: {
            /** @example wdl_5b1e9c0d7a3f4e2b8c6d1a09 */
            id: string;
            endpointId: string;
            url: string;
            /**
             * @description pending: an attempt is due (nextAttemptAt); failed: every attempt of the schedule failed.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            attemptCount: number;
            nextAttemptAt: string | null;
            /** @description Oldest first. */
            attempts: components["schemas"]["WebhookAttempt"][];
        };
        /** @description An event and its deliveries, kept 30 days. */
        WebhookEvent: {
            /**
             * @description Also the `webhook-id` header: the same on every attempt.
             * @example evt_9f8e7d6c5b4a39281706f5e4
             */
            id: string;
            /** @example usage.threshold_reached */
            type: string;
            /**
             * Format: date-time
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /** @description The end-user the event is about, if any. */
            userId: string | null;
            /** @description The event's data, as delivered (see the `webhooks` section). */
            data: {
                [key: string]: unknown;
            };
            deliveries: components["schemas"]["WebhookDelivery"][];
        };
        WebhookEndpointResponse: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            mode: components["schemas"]["ApiMode"];
        };
        WebhookEndpointWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /**
             * @description The signing secret — shown only now. Verify deliveries with it (SDK: `dream.webhooks.verify`).
             * @example whsec_K3q9mX2pL7vR1tW8nB4cD6fH0jA5sE9gY3uI7oP1zQ=
             */
            secret: string;
            mode: components["schemas"]["ApiMode"];
        };
        WebhookEndpointList: {
            /** @description Oldest first; at most 20 per mode. */
            endpoints: components["schemas"]["WebhookEndpoint"][];
            mode: components["schemas"]["ApiMode"];
        };
        DeletedWebhookEndpoint: {
            endpointId: string;
            /** @constant */
            deleted: true;
            mode: components["schemas"]["ApiMode"];
        };
        WebhookEventResponse: {
            event: components["schemas"]["WebhookEvent"];
            mode: components["schemas"]["ApiMode"];
        };
        WebhookEventPage: {
            /** @description Newest first. */
            events: components["schemas"]["WebhookEvent"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            mode: components["schemas"]["ApiMode"];
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
            /** @description On 403 usage_limit_exceeded: the usage that refused the call. */
            usage?: components["schemas"]["Usage"];
            /** @description On 409 already_subscribed: a billing-portal session where the end-user changes plan instead (null when Stripe could not make one; call POST /api/portal). */
            portalUrl?: string | null;
        };
        /** @description One request of your platform in this mode, as the request log keeps it for 7 days: never a body, a query string, a secret or an email. */
        RequestLogEntry: {
            /**
             * @description The request's id: its `X-Request-Id` header and the `requestId` of its error body.
             * @example req_4fT9kQ2mN7rT1vW3xY5z
             */
            requestId: string;
            /**
             * Format: date-time
             * @description When the request arrived.
             * @example 2026-11-01T00:00:00.000Z
             */
            time: string;
            /** @example POST */
            method: string;
            /**
             * @description The route's pattern, never the raw path (`/api/*` for a path no route has).
             * @example /api/usage/track
             */
            route: string;
            /**
             * @description The HTTP status answered.
             * @example 200
             */
            status: number;
            /**
             * @description The `error.code` of an error answer; null on success.
             * @example null
             */
            errorCode: string | null;
            /**
             * @description The end-user the request acted for, when it named one. A userId shaped like an email is kept only as a hash (`hashed:…`); filter with the email itself.
             * @example user_42
             */
            userId: string | null;
            /**
             * @description Time from arrival to response, in milliseconds.
             * @example 12
             */
            latencyMs: number;
            /**
             * @description Who called: a secret key's display prefix (`sk_test_AbCd…`), `dashboard` or `end-user session`.
             * @example sk_test_AbCd…
             */
            caller: string;
        };
        RequestLogPage: {
            /** @description Newest first. */
            logs: components["schemas"]["RequestLogEntry"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            mode: components["schemas"]["ApiMode"];
        };
        RequestLogResponse: {
            log: components["schemas"]["RequestLogEntry"];
            mode: components["schemas"]["ApiMode"];
        };
        /**
         * @description What moved the plan: a paid Checkout, the billing portal, your PATCH /api/customers/:userId, or the end of a subscription.
         * @enum {string}
         */
        PlanChangeCause: "checkout" | "portal" | "api" | "cancellation";
        WebhookReceipt: {
            /** @constant */
            received: true;
            /** @description The event was already handled: nothing was applied again. */
            duplicate: boolean;
            /**
             * @description What the event did, e.g. applied, ignored, duplicate.
             * @example applied
             */
            outcome: string;
        };
        /** @description The body of a `ping` delivery. Sent by POST /api/webhook-endpoints/:id/test (and the dashboard's Send test) to that endpoint only. */
        PingEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "ping";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description Sent by POST /api/webhook-endpoints/:id/test (and the dashboard's Send test) to that endpoint only. */
            data: {
                /** @description The endpoint the test was sent to. */
                endpointId: string;
            };
        };
        /** @description The body of a `usage.threshold_reached` delivery. An end-user's usage reached one of your alert thresholds (Settings; default 80 % and 100 % of the tier limit). Sent once per end-user, threshold and billing period; never for unlimited tiers. */
        UsageThresholdReachedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "usage.threshold_reached";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description An end-user's usage reached one of your alert thresholds (Settings; default 80 % and 100 % of the tier limit). Sent once per end-user, threshold and billing period; never for unlimited tiers. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                /**
                 * @description The fraction of the tier limit that was reached (0.8 = 80 %).
                 * @example 0.8
                 */
                threshold: number;
                usage: components["schemas"]["Usage"];
            };
        };
        /** @description The body of a `usage.limit_reached` delivery. An end-user used up the tier's limit, or a track was refused for it (403 usage_limit_exceeded). Sent once per end-user and billing period. */
        UsageLimitReachedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "usage.limit_reached";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description An end-user used up the tier's limit, or a track was refused for it (403 usage_limit_exceeded). Sent once per end-user and billing period. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                usage: components["schemas"]["Usage"];
            };
        };
        /** @description The body of a `customer.created` delivery. An end-user was registered: by POST /api/customers, a first track, or joining through your pricing page. */
        CustomerCreatedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "customer.created";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description An end-user was registered: by POST /api/customers, a first track, or joining through your pricing page. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                /** @description null for end-users registered by a first track. */
                email: string | null;
                /** @description The tier the end-user starts on. */
                plan: string;
            };
        };
        /** @description The body of a `customer.plan_changed` delivery. An end-user's plan (tier) changed. */
        CustomerPlanChangedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "customer.plan_changed";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description An end-user's plan (tier) changed. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                /** @description The previous tier. */
                from: string | null;
                /** @description The new tier. */
                to: string;
                cause: components["schemas"]["PlanChangeCause"];
            };
        };
        /** @description The body of a `customer.subscription_updated` delivery. An end-user's subscription was created or changed (status, renewal, cancellation at period end). */
        CustomerSubscriptionUpdatedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "customer.subscription_updated";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description An end-user's subscription was created or changed (status, renewal, cancellation at period end). */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                /**
                 * @description The Stripe subscription on your connected account.
                 * @example sub_1QxYz
                 */
                subscriptionId: string;
                /**
                 * @description Stripe's subscription status: active, trialing, past_due, canceled, …
                 * @example active
                 */
                status: string;
                cancelAtPeriodEnd: boolean;
                currentPeriodEnd: string | null;
            };
        };
        /** @description The body of a `invoice.payment_failed` delivery. A payment of an end-user's subscription failed; Stripe retries it on your account's schedule. */
        InvoicePaymentFailedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "invoice.payment_failed";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description A payment of an end-user's subscription failed; Stripe retries it on your account's schedule. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                /** @example in_1QxYz */
                invoiceId: string;
                subscriptionId: string | null;
                /** @description Minor units (cents). */
                amountDue: number;
                /**
                 * @description ISO 4217, lower case.
                 * @example usd
                 */
                currency: string;
                /** @description Stripe's payment attempts on this invoice so far. */
                attemptCount: number;
            };
        };
        /** @description The body of a `credits.granted` delivery. Credits were added to an end-user's balance: a paid credit pack, or your POST /api/customers/:userId/credits (or the dashboard's Grant credits). */
        CreditsGrantedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "credits.granted";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description Credits were added to an end-user's balance: a paid credit pack, or your POST /api/customers/:userId/credits (or the dashboard's Grant credits). */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                grant: components["schemas"]["CreditGrant"];
                /** @description The end-user's unexpired credits after the grant. */
                balance: number;
            };
        };
        /** @description The body of a `credits.exhausted` delivery. A track spent an end-user's last credit (its balance is now 0 and the period's allowance is used up). Sent once for the track that spent it. */
        CreditsExhaustedEvent: {
            /**
             * @description `evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.
             * @example evt_5kQ2mN8xT1vW3yZ7
             */
            id: string;
            /** @constant */
            type: "credits.exhausted";
            /**
             * Format: date-time
             * @description When the event happened (not when this attempt was sent).
             * @example 2026-11-01T00:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The mode of the keys and end-user the event belongs to.
             * @enum {string}
             */
            mode: "test" | "live";
            /** @description A track spent an end-user's last credit (its balance is now 0 and the period's allowance is used up). Sent once for the track that spent it. */
            data: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
                usage: components["schemas"]["Usage"];
            };
        };
        Health: {
            /** @constant */
            ok: true;
            /** @constant */
            service: "api-multi";
        };
        HtmlPage: string;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "usage.track": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The end-user, when the body or query does not name it.
                 * @example user_42
                 */
                "X-User-Id"?: string;
                /**
                 * @description 1–255 visible ASCII characters, unique per logical call; kept 24 hours.
                 * @example job_7781
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "user_42",
                 *       "amount": 1
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Your id for the end-user (1–128 of A–Z a–z 0–9 _ . : @ + -); or send it as X-User-Id.
                     * @example user_42
                     */
                    userId?: string;
                    /**
                     * @description Units to count.
                     * @default 1
                     */
                    amount?: number;
                };
            };
        };
        responses: {
            /** @description Counted. The usage after this call. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    /** @description `true` when this is the stored answer of an earlier call with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "usage": {
                     *         "count": 42,
                     *         "limit": 100,
                     *         "remaining": 58,
                     *         "credits": 0,
                     *         "plan": "free",
                     *         "periodStart": "2026-11-01T00:00:00.000Z",
                     *         "periodEnd": "2026-12-01T00:00:00.000Z"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["UsageResponse"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `usage_limit_exceeded`, `preview_limit_reached` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `no_tiers_configured`, `idempotency_key_reused`, `idempotency_key_in_progress`, `conflict` */
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
    "usage.check": {
        parameters: {
            query?: {
                /**
                 * @description The end-user, when the body or query does not name it.
                 * @example user_42
                 */
                userId?: string;
            };
            header?: {
                /**
                 * @description The end-user, when the body or query does not name it.
                 * @example user_42
                 */
                "X-User-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage in the current period. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "usage": {
                     *         "count": 42,
                     *         "limit": 100,
                     *         "remaining": 58,
                     *         "credits": 0,
                     *         "plan": "free",
                     *         "periodStart": "2026-11-01T00:00:00.000Z",
                     *         "periodEnd": "2026-12-01T00:00:00.000Z"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["UsageResponse"];
                };
            };
            /** @description `invalid_request`, `invalid_id` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `forbidden`, `preview_limit_reached` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `customer_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `no_tiers_configured`, `conflict` */
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
    "customers.list": {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Prefix of a userId or email. */
                q?: string;
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "userId": "user_42",
                     *           "email": "ada@example.com",
                     *           "plan": "free",
                     *           "clerkUserId": null,
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "updatedAt": "2026-11-01T00:00:00.000Z",
                     *           "usage": {
                     *             "count": 42,
                     *             "limit": 100,
                     *             "remaining": 58,
                     *             "credits": 0,
                     *             "plan": "free",
                     *             "periodStart": "2026-11-01T00:00:00.000Z",
                     *             "periodEnd": "2026-12-01T00:00:00.000Z"
                     *           },
                     *           "subscription": {
                     *             "status": "active",
                     *             "cancelAtPeriodEnd": false,
                     *             "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *             "canceledAt": "2026-11-01T00:00:00.000Z"
                     *           }
                     *         }
                     *       ],
                     *       "hasMore": false,
                     *       "nextCursor": null,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerPage"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "customers.create": {
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
                 *       "userId": "user_42",
                 *       "email": "ada@example.com",
                 *       "plan": "free"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Your id for the end-user; defaults to its Clerk user id.
                     * @example user_42
                     */
                    userId?: string;
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @description A tier name; defaults to your cheapest tier. */
                    plan?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "customer": {
                     *         "userId": "user_42",
                     *         "email": "ada@example.com",
                     *         "plan": "free",
                     *         "clerkUserId": null,
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z",
                     *         "usage": {
                     *           "count": 42,
                     *           "limit": 100,
                     *           "remaining": 58,
                     *           "credits": 0,
                     *           "plan": "free",
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z"
                     *         },
                     *         "subscription": {
                     *           "id": "sub_1QxYz",
                     *           "status": "active",
                     *           "plan": "string",
                     *           "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *           "cancelAtPeriodEnd": false,
                     *           "canceledAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large`, `invalid_id`, `unknown_plan` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `preview_limit_reached` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `customer_exists`, `email_in_use`, `no_tiers_configured` */
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
    "customers.get": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "customer": {
                     *         "userId": "user_42",
                     *         "email": "ada@example.com",
                     *         "plan": "free",
                     *         "clerkUserId": null,
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z",
                     *         "usage": {
                     *           "count": 42,
                     *           "limit": 100,
                     *           "remaining": 58,
                     *           "credits": 0,
                     *           "plan": "free",
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z"
                     *         },
                     *         "subscription": {
                     *           "id": "sub_1QxYz",
                     *           "status": "active",
                     *           "plan": "string",
                     *           "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *           "cancelAtPeriodEnd": false,
                     *           "canceledAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description `invalid_request`, `invalid_id` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
            /** @description `customer_not_found`, `not_found` */
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
    "customers.delete": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer is gone. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "string",
                     *       "deleted": true,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedCustomer"];
                };
            };
            /** @description `invalid_request`, `invalid_id` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
            /** @description `customer_not_found` */
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
    "customers.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "plan": "pro"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description The tier to move the end-user to.
                     * @example pro
                     */
                    plan: string;
                };
            };
        };
        responses: {
            /** @description The customer on its new plan. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "customer": {
                     *         "userId": "user_42",
                     *         "email": "ada@example.com",
                     *         "plan": "free",
                     *         "clerkUserId": null,
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z",
                     *         "usage": {
                     *           "count": 42,
                     *           "limit": 100,
                     *           "remaining": 58,
                     *           "credits": 0,
                     *           "plan": "free",
                     *           "periodStart": "2026-11-01T00:00:00.000Z",
                     *           "periodEnd": "2026-12-01T00:00:00.000Z"
                     *         },
                     *         "subscription": {
                     *           "id": "sub_1QxYz",
                     *           "status": "active",
                     *           "plan": "string",
                     *           "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *           "cancelAtPeriodEnd": false,
                     *           "canceledAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large`, `invalid_id`, `unknown_plan` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
            /** @description `customer_not_found` */
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
    "customers.credits.list": {
        parameters: {
            query?: {
                /** @description Movements per page. */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance and a page of movements. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "string",
                     *       "balance": 0,
                     *       "grants": [
                     *         {
                     *           "id": "cg_5f1e0c9a7b3d2e4f6a8b9c0d",
                     *           "source": "purchase",
                     *           "amount": -9007199254740991,
                     *           "remaining": 0,
                     *           "expiresAt": "2026-11-01T00:00:00.000Z",
                     *           "expired": false,
                     *           "reason": null,
                     *           "createdAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ],
                     *       "hasMore": false,
                     *       "nextCursor": null,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CreditBalance"];
                };
            };
            /** @description `invalid_request`, `invalid_id` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
            /** @description `customer_not_found`, `not_found` */
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
    "customers.credits.grant": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, unique per logical grant.
                 * @example grant_7781
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /**
                 * @description Your id for the end-user.
                 * @example user_42
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 500,
                 *       "reason": "Support credit for the outage of Dec 1"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Credits to add (> 0) or take away (< 0; never below a zero balance).
                     * @example 500
                     */
                    amount: number;
                    /**
                     * @description Why, for your records and the customer's history.
                     * @example Support credit for the outage of Dec 1
                     */
                    reason: string;
                    /**
                     * Format: date-time
                     * @description When a grant's credits expire (in the future); omit for credits that never expire. Not for deductions.
                     */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description The movement and the balance after it. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    /** @description `true` when this is the result of an earlier call with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "string",
                     *       "grant": {
                     *         "id": "cg_5f1e0c9a7b3d2e4f6a8b9c0d",
                     *         "source": "purchase",
                     *         "amount": -9007199254740991,
                     *         "remaining": 0,
                     *         "expiresAt": "2026-11-01T00:00:00.000Z",
                     *         "expired": false,
                     *         "reason": null,
                     *         "createdAt": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "balance": 0,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CreditMovementResponse"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
            /** @description `customer_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `insufficient_credits`, `idempotency_key_reused` */
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
    "tiers.list": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active tiers. */
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
                     *           "limit": 10000,
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
                     *       "mode": "preview"
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "tiers.listPublic": {
        parameters: {
            query: {
                /**
                 * @description Your publishable key.
                 * @example pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b
                 */
                pk: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active tiers and the brand. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN7rT1vW3",
                     *       "organizationId": "org_2x9Kq",
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": 10000,
                     *           "features": [
                     *             "string"
                     *           ],
                     *           "popular": false,
                     *           "inventory": -9007199254740991,
                     *           "credits": -9007199254740991,
                     *           "creditValidityDays": -9007199254740991,
                     *           "imageUrl": null,
                     *           "description": null,
                     *           "soldOut": false
                     *         }
                     *       ],
                     *       "brand": {
                     *         "displayName": "Acme AI",
                     *         "logoUrl": "https://app.example/logo.png",
                     *         "accentColor": "#4f46e5",
                     *         "supportEmail": "support@app.example"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["PublicTierList"];
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
            /** @description `invalid_api_key` */
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
    "platforms.getPublic": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's page: live (the default) or test.
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The platform (dashboard › Keys): it never changes.
                 * @example plt_8dJ2kQ4mN7rT1vW3
                 */
                platformId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active tiers, the brand and the organization of that mode. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ4mN7rT1vW3",
                     *       "organizationId": "org_2x9Kq",
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": 10000,
                     *           "features": [
                     *             "string"
                     *           ],
                     *           "popular": false,
                     *           "inventory": -9007199254740991,
                     *           "credits": -9007199254740991,
                     *           "creditValidityDays": -9007199254740991,
                     *           "imageUrl": null,
                     *           "description": null,
                     *           "soldOut": false
                     *         }
                     *       ],
                     *       "brand": {
                     *         "displayName": "Acme AI",
                     *         "logoUrl": "https://app.example/logo.png",
                     *         "accentColor": "#4f46e5",
                     *         "supportEmail": "support@app.example"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["PublicTierList"];
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
    "platforms.join": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's page: live (the default) or test.
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The platform (dashboard › Keys): it never changes.
                 * @example plt_8dJ2kQ4mN7rT1vW3
                 */
                platformId: string;
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
            /** @description The person is a customer here. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organizationId": "org_2x9Kq",
                     *       "userId": "user_2NNEqL2nrIRdJ194ndJqAHwEfxC",
                     *       "plan": "free",
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["Joined"];
                };
            };
            /** @description `invalid_request`, `invalid_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `preview_limit_reached` */
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
            /** @description `no_tiers_configured`, `conflict` */
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
            /** @description `internal_error` */
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
    "checkout.create": {
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
                 *       "userId": "user_42",
                 *       "tier": "pro",
                 *       "successUrl": "https://app.example.com/billing/done",
                 *       "cancelUrl": "https://app.example.com/pricing"
                 *     }
                 */
                "application/json": {
                    /** @description The paying end-user. Required with a secret key; with an end-user token it defaults to (and must be) the token's user. */
                    userId?: string;
                    /**
                     * @description A paid tier's name.
                     * @example pro
                     */
                    tier: string;
                    /**
                     * Format: uri
                     * @description Where Stripe sends the end-user after paying; with a live key, on one of your allowed origins.
                     */
                    successUrl?: string;
                    /**
                     * Format: uri
                     * @description Where Stripe sends the end-user who cancels.
                     */
                    cancelUrl?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
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
                     *       "url": "https://checkout.stripe.com/c/pay/cs_test_a1B2",
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            /** @description `invalid_json`, `invalid_request`, `body_too_large`, `invalid_id`, `unknown_tier` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `forbidden`, `preview_limit_reached` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `customer_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `sold_out`, `already_subscribed`, `conflict`, `no_tiers_configured`, `stripe_not_connected` */
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
    "portal.create": {
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
                 *       "userId": "user_42",
                 *       "returnUrl": "https://app.example.com/account"
                 *     }
                 */
                "application/json": {
                    /** @description Required with a secret key; with an end-user token it defaults to (and must be) the token's user. */
                    userId?: string;
                    /**
                     * Format: uri
                     * @description Where the portal's back link goes.
                     */
                    returnUrl?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://billing.stripe.com/p/session/test_YWNj",
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["PortalSession"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `live_mode_unavailable`, `forbidden`, `preview_limit_reached` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `customer_not_found`, `no_billing_account` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`, `no_tiers_configured`, `stripe_not_connected` */
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
    "dashboard.get": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "platformId": "plt_8dJ2kQ",
                     *       "period": {
                     *         "start": "2026-11-01T00:00:00.000Z",
                     *         "end": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "keys": [
                     *         {
                     *           "keyId": "string",
                     *           "mode": "test",
                     *           "publishableKey": "string",
                     *           "secretPrefix": "sk_test_AbCd",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "expiresAt": "2026-11-01T00:00:00.000Z",
                     *           "active": false
                     *         }
                     *       ],
                     *       "tiers": [
                     *         {
                     *           "name": "pro",
                     *           "displayName": "Pro",
                     *           "kind": "subscription",
                     *           "price": 1900,
                     *           "currency": "usd",
                     *           "limit": 10000,
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
                     *       "customers": [
                     *         {
                     *           "userId": "user_42",
                     *           "email": "ada@example.com",
                     *           "plan": "free",
                     *           "clerkUserId": null,
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "updatedAt": "2026-11-01T00:00:00.000Z",
                     *           "usage": {
                     *             "count": 42,
                     *             "limit": 100,
                     *             "remaining": 58,
                     *             "credits": 0,
                     *             "plan": "free",
                     *             "periodStart": "2026-11-01T00:00:00.000Z",
                     *             "periodEnd": "2026-12-01T00:00:00.000Z"
                     *           },
                     *           "subscription": {
                     *             "status": "active",
                     *             "cancelAtPeriodEnd": false,
                     *             "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *             "canceledAt": "2026-11-01T00:00:00.000Z"
                     *           }
                     *         }
                     *       ],
                     *       "subscriptions": [
                     *         {
                     *           "subscriptionId": "string",
                     *           "userId": "string",
                     *           "plan": "string",
                     *           "priceId": null,
                     *           "status": "active",
                     *           "currentPeriodStart": "2026-11-01T00:00:00.000Z",
                     *           "currentPeriodEnd": "2026-11-01T00:00:00.000Z",
                     *           "cancelAtPeriodEnd": false,
                     *           "canceledAt": "2026-11-01T00:00:00.000Z",
                     *           "lastPaymentError": null
                     *         }
                     *       ],
                     *       "recentEvents": [
                     *         {
                     *           "eventId": "string",
                     *           "type": "string",
                     *           "outcome": null,
                     *           "error": null,
                     *           "receivedAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ],
                     *       "dailyUsage": [
                     *         {
                     *           "day": "2026-11-23",
                     *           "calls": -9007199254740991
                     *         }
                     *       ],
                     *       "totals": {
                     *         "customers": -9007199254740991,
                     *         "callsThisPeriod": -9007199254740991,
                     *         "activeSubscriptions": -9007199254740991,
                     *         "mrr": [
                     *           {
                     *             "currency": "string",
                     *             "amount": -9007199254740991
                     *           }
                     *         ],
                     *         "activeByTier": [
                     *           {
                     *             "tier": "string",
                     *             "subscribers": -9007199254740991
                     *           }
                     *         ],
                     *         "oneOffRevenue": [
                     *           {
                     *             "currency": "string",
                     *             "amount": -9007199254740991,
                     *             "purchases": -9007199254740991
                     *           }
                     *         ]
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["DashboardResponse"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
                 *       "type": "customer.subscription.updated"
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
                     *       "outcome": "applied"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookReceipt"];
                };
            };
            /** @description `invalid_signature`, `body_too_large`, `invalid_json`, `invalid_request`, `livemode_mismatch` */
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
    "webhooks.endpoints.list": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoints": [
                     *         {
                     *           "id": "we_3kT9xQ2mP7rL1vW8nB4cD6fH",
                     *           "url": "https://api.example.com/webhooks/dream",
                     *           "description": null,
                     *           "events": [
                     *             "usage.threshold_reached",
                     *             "customer.plan_changed"
                     *           ],
                     *           "enabled": false,
                     *           "disabledReason": "manual",
                     *           "failingSince": "2026-11-01T00:00:00.000Z",
                     *           "secretPrefix": "whsec_K3q9",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "updatedAt": "2026-11-01T00:00:00.000Z"
                     *         }
                     *       ],
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointList"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.create": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://api.example.com/webhooks/dream",
                 *       "events": [
                 *         "usage.threshold_reached"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where events are posted. Live endpoints must be https.
                     * @example https://api.example.com/webhooks/dream
                     */
                    url: string;
                    /**
                     * @description Event types to receive; null or left out = every type.
                     * @example [
                     *       "usage.threshold_reached"
                     *     ]
                     */
                    events?: ("usage.threshold_reached" | "usage.limit_reached" | "customer.created" | "customer.plan_changed" | "customer.subscription_updated" | "invoice.payment_failed" | "credits.granted" | "credits.exhausted")[] | null;
                    /**
                     * @description A note for yourself.
                     * @example Production alerts
                     */
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The endpoint and its signing secret (shown once). */
            201: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "we_3kT9xQ2mP7rL1vW8nB4cD6fH",
                     *         "url": "https://api.example.com/webhooks/dream",
                     *         "description": null,
                     *         "events": [
                     *           "usage.threshold_reached",
                     *           "customer.plan_changed"
                     *         ],
                     *         "enabled": false,
                     *         "disabledReason": "manual",
                     *         "failingSince": "2026-11-01T00:00:00.000Z",
                     *         "secretPrefix": "whsec_K3q9",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "secret": "whsec_K3q9mX2pL7vR1tW8nB4cD6fH0jA5sE9gY3uI7oP1zQ=",
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.get": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The endpoint's id (`we_…`).
                 * @example we_3kT9xQ2mP7rL1vW8nB4cD6fH
                 */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "we_3kT9xQ2mP7rL1vW8nB4cD6fH",
                     *         "url": "https://api.example.com/webhooks/dream",
                     *         "description": null,
                     *         "events": [
                     *           "usage.threshold_reached",
                     *           "customer.plan_changed"
                     *         ],
                     *         "enabled": false,
                     *         "disabledReason": "manual",
                     *         "failingSince": "2026-11-01T00:00:00.000Z",
                     *         "secretPrefix": "whsec_K3q9",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointResponse"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.delete": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The endpoint's id (`we_…`).
                 * @example we_3kT9xQ2mP7rL1vW8nB4cD6fH
                 */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpointId": "string",
                     *       "deleted": true,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedWebhookEndpoint"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.update": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The endpoint's id (`we_…`).
                 * @example we_3kT9xQ2mP7rL1vW8nB4cD6fH
                 */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where events are posted. Live endpoints must be https.
                     * @example https://api.example.com/webhooks/dream
                     */
                    url?: string;
                    /**
                     * @description Event types to receive; null or left out = every type.
                     * @example [
                     *       "usage.threshold_reached"
                     *     ]
                     */
                    events?: ("usage.threshold_reached" | "usage.limit_reached" | "customer.created" | "customer.plan_changed" | "customer.subscription_updated" | "invoice.payment_failed" | "credits.granted" | "credits.exhausted")[] | null;
                    /**
                     * @description A note for yourself.
                     * @example Production alerts
                     */
                    description?: string | null;
                    /** @description false stops deliveries to it; true resumes them (and clears a 'failing' state). */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint as changed. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "we_3kT9xQ2mP7rL1vW8nB4cD6fH",
                     *         "url": "https://api.example.com/webhooks/dream",
                     *         "description": null,
                     *         "events": [
                     *           "usage.threshold_reached",
                     *           "customer.plan_changed"
                     *         ],
                     *         "enabled": false,
                     *         "disabledReason": "manual",
                     *         "failingSince": "2026-11-01T00:00:00.000Z",
                     *         "secretPrefix": "whsec_K3q9",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointResponse"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.rotateSecret": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The endpoint's id (`we_…`).
                 * @example we_3kT9xQ2mP7rL1vW8nB4cD6fH
                 */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint and its new secret (shown once). */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "we_3kT9xQ2mP7rL1vW8nB4cD6fH",
                     *         "url": "https://api.example.com/webhooks/dream",
                     *         "description": null,
                     *         "events": [
                     *           "usage.threshold_reached",
                     *           "customer.plan_changed"
                     *         ],
                     *         "enabled": false,
                     *         "disabledReason": "manual",
                     *         "failingSince": "2026-11-01T00:00:00.000Z",
                     *         "secretPrefix": "whsec_K3q9",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "updatedAt": "2026-11-01T00:00:00.000Z"
                     *       },
                     *       "secret": "whsec_K3q9mX2pL7vR1tW8nB4cD6fH0jA5sE9gY3uI7oP1zQ=",
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.endpoints.test": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The endpoint's id (`we_…`).
                 * @example we_3kT9xQ2mP7rL1vW8nB4cD6fH
                 */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping, queued. */
            202: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event": {
                     *         "id": "evt_9f8e7d6c5b4a39281706f5e4",
                     *         "type": "usage.threshold_reached",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "userId": null,
                     *         "data": {},
                     *         "deliveries": [
                     *           {
                     *             "id": "wdl_5b1e9c0d7a3f4e2b8c6d1a09",
                     *             "endpointId": "string",
                     *             "url": "string",
                     *             "status": "pending",
                     *             "attemptCount": 0,
                     *             "nextAttemptAt": "2026-11-01T00:00:00.000Z",
                     *             "attempts": [
                     *               {
                     *                 "attempt": 1,
                     *                 "attemptedAt": "2026-11-01T00:00:00.000Z",
                     *                 "responseStatus": -9007199254740991,
                     *                 "latencyMs": 0,
                     *                 "responseBody": null,
                     *                 "error": null
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEventResponse"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.events.list": {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only events of this type. */
                type?: "ping" | "usage.threshold_reached" | "usage.limit_reached" | "customer.created" | "customer.plan_changed" | "customer.subscription_updated" | "invoice.payment_failed" | "credits.granted" | "credits.exhausted";
                /** @description Only events about this end-user. */
                userId?: string;
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "id": "evt_9f8e7d6c5b4a39281706f5e4",
                     *           "type": "usage.threshold_reached",
                     *           "createdAt": "2026-11-01T00:00:00.000Z",
                     *           "userId": null,
                     *           "data": {},
                     *           "deliveries": [
                     *             {
                     *               "id": "wdl_5b1e9c0d7a3f4e2b8c6d1a09",
                     *               "endpointId": "string",
                     *               "url": "string",
                     *               "status": "pending",
                     *               "attemptCount": 0,
                     *               "nextAttemptAt": "2026-11-01T00:00:00.000Z",
                     *               "attempts": [
                     *                 {
                     *                   "attempt": 1,
                     *                   "attemptedAt": "2026-11-01T00:00:00.000Z",
                     *                   "responseStatus": -9007199254740991,
                     *                   "latencyMs": 0,
                     *                   "responseBody": null,
                     *                   "error": null
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEventPage"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.events.get": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The event's id (`evt_…`).
                 * @example evt_9f8e7d6c5b4a39281706f5e4
                 */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event": {
                     *         "id": "evt_9f8e7d6c5b4a39281706f5e4",
                     *         "type": "usage.threshold_reached",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "userId": null,
                     *         "data": {},
                     *         "deliveries": [
                     *           {
                     *             "id": "wdl_5b1e9c0d7a3f4e2b8c6d1a09",
                     *             "endpointId": "string",
                     *             "url": "string",
                     *             "status": "pending",
                     *             "attemptCount": 0,
                     *             "nextAttemptAt": "2026-11-01T00:00:00.000Z",
                     *             "attempts": [
                     *               {
                     *                 "attempt": 1,
                     *                 "attemptedAt": "2026-11-01T00:00:00.000Z",
                     *                 "responseStatus": -9007199254740991,
                     *                 "latencyMs": 0,
                     *                 "responseBody": null,
                     *                 "error": null
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEventResponse"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "webhooks.events.resend": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The event's id (`evt_…`).
                 * @example evt_9f8e7d6c5b4a39281706f5e4
                 */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event, its deliveries pending again. */
            202: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event": {
                     *         "id": "evt_9f8e7d6c5b4a39281706f5e4",
                     *         "type": "usage.threshold_reached",
                     *         "createdAt": "2026-11-01T00:00:00.000Z",
                     *         "userId": null,
                     *         "data": {},
                     *         "deliveries": [
                     *           {
                     *             "id": "wdl_5b1e9c0d7a3f4e2b8c6d1a09",
                     *             "endpointId": "string",
                     *             "url": "string",
                     *             "status": "pending",
                     *             "attemptCount": 0,
                     *             "nextAttemptAt": "2026-11-01T00:00:00.000Z",
                     *             "attempts": [
                     *               {
                     *                 "attempt": 1,
                     *                 "attemptedAt": "2026-11-01T00:00:00.000Z",
                     *                 "responseStatus": -9007199254740991,
                     *                 "latencyMs": 0,
                     *                 "responseBody": null,
                     *                 "error": null
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEventResponse"];
                };
            };
            /** @description `invalid_id`, `invalid_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "logs.list": {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /**
                 * @description One status code (`429`) or a class (`2xx`, `4xx`, `5xx`).
                 * @example 4xx
                 */
                status?: string;
                /**
                 * @description Only requests that acted for this end-user.
                 * @example user_42
                 */
                userId?: string;
                /**
                 * @description Only this route pattern, exactly as the lines show it.
                 * @example /api/usage/track
                 */
                route?: string;
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of request-log lines. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logs": [
                     *         {
                     *           "requestId": "req_4fT9kQ2mN7rT1vW3xY5z",
                     *           "time": "2026-11-01T00:00:00.000Z",
                     *           "method": "POST",
                     *           "route": "/api/usage/track",
                     *           "status": 200,
                     *           "errorCode": null,
                     *           "userId": "user_42",
                     *           "latencyMs": 12,
                     *           "caller": "sk_test_AbCd…"
                     *         }
                     *       ],
                     *       "nextCursor": null,
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["RequestLogPage"];
                };
            };
            /** @description `invalid_request`, `invalid_id` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
    "logs.get": {
        parameters: {
            query?: {
                /**
                 * @description Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).
                 * @example test
                 */
                mode?: "test" | "live";
            };
            header?: never;
            path: {
                /**
                 * @description The request's `X-Request-Id`.
                 * @example req_4fT9kQ2mN7rT1vW3xY5z
                 */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request's line. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "log": {
                     *         "requestId": "req_4fT9kQ2mN7rT1vW3xY5z",
                     *         "time": "2026-11-01T00:00:00.000Z",
                     *         "method": "POST",
                     *         "route": "/api/usage/track",
                     *         "status": 200,
                     *         "errorCode": null,
                     *         "userId": "user_42",
                     *         "latencyMs": 12,
                     *         "caller": "sk_test_AbCd…"
                     *       },
                     *       "mode": "preview"
                     *     }
                     */
                    "application/json": components["schemas"]["RequestLogResponse"];
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
            /** @description `unauthorized`, `invalid_api_key`, `invalid_token` */
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
                     *       "service": "api-multi"
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
    docs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    /** @description This call's id; quote it to support. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
        };
    };
}
