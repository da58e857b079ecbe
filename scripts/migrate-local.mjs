/** `pnpm db:migrate`: apply migrations/ to the local D1 state used by `pnpm dev`. */
import { applyLocalMigrations } from "./lib/local-d1.mjs";

applyLocalMigrations();
console.log("Local D1 is up to date.");
