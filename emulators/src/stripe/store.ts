/**
 * All emulator state, partitioned by Stripe account: the platform account and
 * every connected account own separate object collections, which is what makes
 * `Stripe-Account` isolation hold. Objects are plain JSON so the whole state
 * can be persisted to `stateFile` and loaded by the next run.
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
import type { Subscription } from "./objects/subscription.js";

export interface AccountData {
  customers: Record<string, Customer>;
  products: Record<string, Product>;
  prices: Record<string, Price>;
  checkout_sessions: Record<string, CheckoutSession>;
  subscriptions: Record<string, Subscription>;
  invoices: Record<string, Invoice>;
  payment_intents: Record<string, PaymentIntent>;
  portal_sessions: Record<string, PortalSession>;
  events: Record<string, StripeEvent>;
}

export type Collection = keyof AccountData;
export type ObjectOf<C extends Collection> = AccountData[C][string];

export interface AccountRecord {
  account: Account;
  /** False once the platform was deauthorized: the account then refuses API access. */
  connected: boolean;
  data: AccountData;
  /** Line items and nested params a checkout session needs at payment time. */
  checkoutExtras: Record<string, CheckoutExtras>;
}

export interface OAuthCode {
  account: string;
  scope: string;
  created: number;
  used: boolean;
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
  accessTokens: Record<string, { account: string; revoked: boolean }>;
  /** Keyed by `${account} ${Idempotency-Key}`. */
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

  get<C extends Collection>(account: string, collection: C, id: string): ObjectOf<C> | undefined {
    return (this.requireAccount(account).data[collection] as Record<string, ObjectOf<C>>)[id];
  }

  put<C extends Collection>(account: string, collection: C, object: ObjectOf<C>): void {
    (this.requireAccount(account).data[collection] as Record<string, ObjectOf<C>>)[object.id] = object;
    this.touch();
  }

  /** Insertion order, oldest first. */
  all<C extends Collection>(account: string, collection: C): Array<ObjectOf<C>> {
    return Object.values(this.requireAccount(account).data[collection]) as Array<ObjectOf<C>>;
  }

  /** Finds an object by id in any account: hosted pages and control endpoints carry no account header. */
  locate<C extends Collection>(collection: C, id: string): { account: string; object: ObjectOf<C> } | undefined {
    for (const [account, record] of Object.entries(this.state.accounts)) {
      const object = (record.data[collection] as Record<string, ObjectOf<C>>)[id];
      if (object) return { account, object };
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
    return state;
  }
}
