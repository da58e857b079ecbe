/** What global-setup.ts provides to the tests (vitest provide/inject), typed. */
declare module "vitest" {
  interface ProvidedContext {
    sdkApiUrl: string;
    sdkSecretKey: string;
    sdkPublishableKey: string;
    sdkPreviewSecretKey: string;
    sdkPaidUserId: string;
    sdkClerkApiUrl: string;
    /** The testkit's webhook inbox: POST /{box} records a delivery, GET /{box} reads them back. */
    sdkInboxUrl: string;
  }
}

export {};
