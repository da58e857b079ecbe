/** Shapes the workers answer with (see the README's API tables). */
export interface Usage {
  count: number;
  limit: number | null;
  remaining: number | null;
  plan: string;
  periodStart: string;
  periodEnd: string;
}

export interface KeyView {
  keyId: string;
  mode: "test" | "live";
  publishableKey: string;
  secretPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  secretKey?: string;
}

export interface Me {
  developerId: string;
  platformId: string;
  plan: "free" | "paid";
  usage: Usage;
  credentials: { platformId: string; keys: KeyView[] } | null;
  stripe: { connected: boolean; accountId: string | null; livemode: boolean | null };
  subscription: { status: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: string | null; canceledAt: string | null } | null;
}

export type TierKind = "subscription" | "one_off";

export interface Tier {
  name: string;
  displayName: string;
  kind: TierKind;
  price: number;
  currency: string;
  limit: number | null;
  features: string[];
  popular: boolean;
  inventory: number | null;
  imageUrl: string | null;
  description: string | null;
  priceId: string | null;
  productId: string | null;
  sortOrder: number;
  archived: boolean;
}

export type PublicTier = Omit<Tier, "priceId" | "productId" | "sortOrder" | "archived"> & { soldOut: boolean };

export interface SubscriptionSummary {
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string | null;
  canceledAt: string | null;
}

export interface Customer {
  userId: string;
  email: string | null;
  plan: string;
  clerkUserId: string | null;
  createdAt: string;
  updatedAt: string;
  usage: Usage;
  subscription: (SubscriptionSummary & { id?: string; plan?: string }) | null;
}

export interface CustomerPage {
  data: Customer[];
  hasMore: boolean;
  nextCursor: string | null;
}

export interface Dashboard {
  platformId: string;
  period: { start: string; end: string };
  tiers: Tier[];
  customers: Customer[];
  subscriptions: {
    subscriptionId: string;
    userId: string;
    plan: string;
    status: string;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    canceledAt: string | null;
    lastPaymentError: string | null;
  }[];
  recentEvents: { eventId: string; type: string; outcome: string | null; error: string | null; receivedAt: string }[];
  dailyUsage: { day: string; calls: number }[];
  totals: {
    customers: number;
    callsThisPeriod: number;
    activeSubscriptions: number;
    mrr: { currency: string; amount: number }[];
    activeByTier: { tier: string; subscribers: number }[];
    oneOffRevenue: { currency: string; amount: number; purchases: number }[];
  };
}

export interface TierInput {
  name: string;
  displayName: string;
  kind: TierKind;
  price: number;
  currency: string;
  limit?: number | null;
  features: string[];
  popular: boolean;
  inventory?: number | null;
  imageUrl?: string | null;
  description?: string | null;
  sortOrder?: number;
}
