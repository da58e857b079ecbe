/** `fetch`, with a failure to connect told as such: which address, and why (ECONNREFUSED, ENOTFOUND…). */
export async function reach(address: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(address, init);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ((error.cause as NodeJS.ErrnoException).code ?? error.cause.message) : String(error);
    throw new Error(`could not reach ${new URL(address).origin} (${cause}) for ${init.method ?? "GET"} ${new URL(address).pathname}: is it running at that address?`);
  }
}
