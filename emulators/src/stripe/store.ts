/**
 * All emulator state, partitioned by Stripe account and, within an account, by
 * mode: the platform account and every connected account own separate object
 * collections for test mode and for live mode, which is what makes
 * `Stripe-Account` isolation and test/live isolation hold. Objects are plain
 * JSON so the whole state can be persisted to `stateFile` and loaded by the
 * next run.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildAccount, type Account } from "./objects/account.js";
import type { Price, Product } from "./objects/catalog.js";
import type { CheckoutExtras, CheckoutSession } from "./objects/checkout.js";
import type { Customer } from "./objects/customer.js";
import type { StripeEvent } from "./objects/event.js";
import type { Invoice } from "./objects/invoice.js";
import type { PaymentIntent } from "./objects/payment-intent.js";
import type { PortalSession } from "./objects/portal.js";
import type { PortalConfiguration } from "./objects/portal-configuration.js";
import type { Subscription } from "./objects/subscription.js";
import type { WebhookEndpointRecord } from "./objects/webhook-endpoint.js";

export interface AccountData {
  customers: Record<string, Customer>;
  products: Record<string, Product>;
  prices: Record<string, Price>;
  checkout_sessions: Record<string, CheckoutSession>;
  subscriptions: Record<string, Subscription>;
  invoices: Record<string, Invoice>;
  payment_intents: Record<string, PaymentIntent>;
  portal_sessions: Record<string, PortalSession>;
  portal_configurations: Record<string, PortalConfiguration>;
  webhook_endpoints: Record<string, WebhookEndpointRecord>;
  events: Record<string, StripeEvent>;
}

export type Collection = keyof AccountData;
export type ObjectOf<C extends Collection> = AccountData[C][string];

/**
 * What one request acts on: an account in one mode. The mode is the API key's
 * (`sk_test_…` → test, `sk_live_…` → live; an OAuth access token carries the
 * mode it was issued in).
 */
export interface Scope {
  account: string;
  livemode: boolean;
}

/** One mode's objects of an account. */
export interface ModeData {
  data: AccountData;
  /** Line items and nested params a checkout session needs at payment time. */
  checkoutExtras: Record<string, CheckoutExtras>;
}

/**
 * The account itself is shared by both modes (a Standard account connects
 * once); its objects are not. Test-mode objects sit at the top level, as in
 * state files written before live mode existed; live-mode ones under `live`.
 */
export interface AccountRecord extends ModeData {
  account: Account;
  /** False once the platform was deauthorized: the account then refuses API access. */
  connected: boolean;
  live?: ModeData;
}

export interface OAuthCode {
  account: string;
  scope: string;
  created: number;
  used: boolean;
}

export interface AccessToken {
  account: string;
  revoked: boolean;
  /** The mode the token was issued in; absent (older state files) means test. */
  livemode?: boolean;
}

export interface IdempotencyRecord {
  method: string;
  path: string;
  params: string;
  status: number;
  body: string;
}

export interface State {
  version: 1;
  accounts: Record<string, AccountRecord>;
  oauthCodes: Record<string, OAuthCode>;
  /** OAuth access tokens act as API keys of their connected account until deauthorization revokes them. */
  accessTokens: Record<string, AccessToken>;
  /** Keyed by `${account} ${Idempotency-Key}` in test mode, `${account} live ${Idempotency-Key}` in live mode. */
  idempotency: Record<string, IdempotencyRecord>;
}

function emptyData(): AccountData {
  return {
    customers: {},
    products: {},
    prices: {},
    checkout_sessions: {},
    subscriptions: {},
    invoices: {},
    payment_intents: {},
    portal_sessions: {},
    portal_configurations: {},
    webhook_endpoints: {},
    events: {},
  };
}

export function newAccountRecord(account: Account): AccountRecord {
  return { account, connected: true, data: emptyData(), checkoutExtras: {} };
}

export class Store {
  state: State;
  private dirty = false;

  constructor(private readonly config: { stateFile?: string; platformAccountId: string; now: () => number }) {
    this.state = this.load() ?? this.fresh();
  }

  get platformAccountId(): string {
    return this.config.platformAccountId;
  }

  account(id: string): AccountRecord | undefined {
    return this.state.accounts[id];
  }

  /** For ids that authentication already resolved; a miss is an emulator bug. */
  requireAccount(id: string): AccountRecord {
    const record = this.state.accounts[id];
    if (!record) throw new Error(`unknown account ${id}`);
    return record;
  }

  addAccount(record: AccountRecord): void {
    this.state.accounts[record.account.id] = record;
    this.touch();
  }

  connectedAccounts(): AccountRecord[] {
    return Object.values(this.state.accounts).filter((r) => r.account.id !== this.platformAccountId);
  }

  /** The objects of one account in one mode (live-mode collections are created on first use). */
  modeData(scope: Scope): ModeData {
    const record = this.requireAccount(scope.account);
    if (!scope.livemode) return record;
    if (!record.live) {
      record.live = { data: emptyData(), checkoutExtras: {} };
      this.touch();
    }
    return record.live;
  }

  get<C extends Collection>(scope: Scope, collection: C, id: string): ObjectOf<C> | undefined {
    return (this.modeData(scope).data[collection] as Record<string, ObjectOf<C>>)[id];
  }

  put<C extends Collection>(scope: Scope, collection: C, object: ObjectOf<C>): void {
    (this.modeData(scope).data[collection] as Record<string, ObjectOf<C>>)[object.id] = object;
    this.touch();
  }

  /** Insertion order, oldest first. */
  all<C extends Collection>(scope: Scope, collection: C): Array<ObjectOf<C>> {
    return Object.values(this.modeData(scope).data[collection]) as Array<ObjectOf<C>>;
  }

  /** Checkout sessions' line items and nested params, by session id. */
  extras(scope: Scope): Record<string, CheckoutExtras> {
    return this.modeData(scope).checkoutExtras;
  }

  /**
   * Finds an object by id in any account and either mode (ids are unique
   * across both): hosted pages and control endpoints carry no API key.
   * With `account`, looks in that account only.
   */
  locate<C extends Collection>(collection: C, id: string, account?: string): { scope: Scope; object: ObjectOf<C> } | undefined {
    for (const [accountId, record] of Object.entries(this.state.accounts)) {
      if (account !== undefined && accountId !== account) continue;
      for (const [livemode, data] of [
        [false, record],
        [true, record.live],
      ] as const) {
        const object = data ? (data.data[collection] as Record<string, ObjectOf<C>>)[id] : undefined;
        if (object) return { scope: { account: accountId, livemode }, object };
      }
    }
    return undefined;
  }

  /** Marks state as changed; `commit` writes it out. */
  touch(): void {
    this.dirty = true;
  }

  /** Writes the state file if anything changed (atomically: temp file + rename). */
  commit(): void {
    if (!this.dirty || !this.config.stateFile) return;
    const file = this.config.stateFile;
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, file);
    this.dirty = false;
  }

  reset(): void {
    this.state = this.fresh();
    this.touch();
    this.commit();
  }

  private fresh(): State {
    const platform = buildAccount({
      id: this.config.platformAccountId,
      created: this.config.now(),
      name: "Platform (local)",
      email: null,
    });
    return {
      version: 1,
      accounts: { [platform.id]: newAccountRecord(platform) },
      oauthCodes: {},
      accessTokens: {},
      idempotency: {},
    };
  }

  private load(): State | undefined {
    const file = this.config.stateFile;
    if (!file || !existsSync(file)) return undefined;
    const state = JSON.parse(readFileSync(file, "utf8")) as State;
    if (state.version !== 1) throw new Error(`${file}: unsupported state version ${String(state.version)}`);
    if (!state.accounts[this.config.platformAccountId]) {
      const platform = this.fresh().accounts[this.config.platformAccountId];
      if (platform) state.accounts[platform.account.id] = platform;
    }
    dropSubscriptionPeriods(state);
    // State files written before a collection existed lack it: add it empty.
    for (const record of Object.values(state.accounts)) {
      for (const mode of [record, record.live]) if (mode) mode.data = { ...emptyData(), ...mode.data };
    }
    return state;
  }
}

/**
 * State files written before the stand-in followed API 2025-03-31 keep a
 * copy of the period on each subscription; the items hold the real one.
 */
function dropSubscriptionPeriods(state: State): void {
  for (const record of Object.values(state.accounts)) {
    for (const mode of [record, record.live]) {
      for (const subscription of Object.values(mode?.data.subscriptions ?? {})) {
        const legacy = subscription as Subscription & { current_period_start?: number; current_period_end?: number };
        delete legacy.current_period_start;
        delete legacy.current_period_end;
      }
    }
  }
}
