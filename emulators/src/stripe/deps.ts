import type { AuthConfig } from "./auth.js";
import type { EventLog } from "./events.js";
import type { Store } from "./store.js";

/** What route modules share. */
export interface Deps {
  store: Store;
  events: EventLog;
  /** Unix seconds. */
  now: () => number;
  /** Base of hosted pages, no trailing slash. */
  publicUrl: string;
  connectClientId: string;
  auth: AuthConfig;
}
