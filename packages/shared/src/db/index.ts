export * from "./api-keys";
export * from "./platforms";
export * from "./tiers";
export * from "./end-users";
export * from "./usage";
export * from "./subscriptions";
export * from "./platform-usage";
export * from "./events";
