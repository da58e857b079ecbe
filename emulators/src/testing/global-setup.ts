/**
 * The vitest globalSetup every worker's tests use: starts the local cloud
 * (Clerk + Stripe stand-ins and the webhook inbox) for the run and hands
 * its URLs and secrets to the workers' bindings through provide/inject.
 */
import type { TestProject } from "vitest/node";
import { startLocalCloud } from "./local-cloud.js";

declare module "vitest" {
  interface ProvidedContext {
    clerkApiUrl: string;
    dreamApiClerkSecret: string;
    dreamApiJwtKey: string;
    endUserClerkSecret: string;
    endUserJwtKey: string;
    stripeApiBase: string;
    stripeFaultyApiBase: string;
    clerkFaultyApiUrl: string;
    stripeSecretKey: string;
    platformWebhookSecret: string;
    connectWebhookSecret: string;
    previewWebhookSecret: string;
    inboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cloud = await startLocalCloud();
  project.provide("clerkApiUrl", cloud.clerkApiUrl);
  project.provide("dreamApiClerkSecret", cloud.dreamApiClerkSecret);
  project.provide("dreamApiJwtKey", cloud.dreamApiJwtKey);
  project.provide("endUserClerkSecret", cloud.endUserClerkSecret);
  project.provide("endUserJwtKey", cloud.endUserJwtKey);
  project.provide("stripeApiBase", cloud.stripeApiBase);
  project.provide("stripeFaultyApiBase", cloud.stripeFaultyApiBase);
  project.provide("clerkFaultyApiUrl", cloud.clerkFaultyApiUrl);
  project.provide("stripeSecretKey", cloud.stripeSecretKey);
  project.provide("platformWebhookSecret", cloud.platformWebhookSecret);
  project.provide("connectWebhookSecret", cloud.connectWebhookSecret);
  project.provide("previewWebhookSecret", cloud.previewWebhookSecret);
  project.provide("inboxUrl", cloud.inboxUrl);
  return () => cloud.close();
}
