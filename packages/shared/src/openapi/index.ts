export * from "./document";
export * from "./operations";
export * from "./models";
export * from "./contract";
