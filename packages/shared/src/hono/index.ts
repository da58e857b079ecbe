export * from "./request-context";
export * from "./validation";
export * from "./cors";
export * from "./security-headers";
export * from "./rate-limit";
export * from "./developer-session";
export * from "./operation";
export * from "./worker-app";
