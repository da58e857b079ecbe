export * from "./request-context";
export * from "./validation";
export * from "./cors";
export * from "./base-app";
export * from "./rate-limit";
export * from "./developer-session";
