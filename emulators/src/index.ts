export * from "./http-server";
