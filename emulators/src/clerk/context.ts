import type { ClerkState } from "./state.js";
import type { SessionTokenMinter } from "./tokens.js";

/** What the route modules share: all instance state and the token minter. */
export interface EmulatorContext {
  state: ClerkState;
  tokens: SessionTokenMinter;
}
