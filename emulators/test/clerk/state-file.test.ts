import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClerkClient, verifyToken } from "@clerk/backend";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClerkEmulator } from "../../src/clerk/index.js";
import { startClerk } from "./helpers.js";

let dir: string;
let stateFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "clerk-emulator-"));
  stateFile = join(dir, "nested", "clerk.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("stateFile", () => {
  it("keeps users, sessions and signing keys across a restart", async () => {
    const first = await startClerk({ stateFile });
    const client = createClerkClient({ secretKey: first.emulator.instance("end-user-api").secretKey, apiUrl: first.url });
    const user = await client.users.createUser({ emailAddress: ["keeper@example.com"], publicMetadata: { publishableKey: "pk_test_k" } });
    const token = await first.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
    const oldPem = first.emulator.instance("end-user-api").jwtKeyPem;
    const sid = (await verifyToken(token, { jwtKey: oldPem })).sid;
    await first.close();

    const second = await startClerk({ stateFile });
    try {
      const reloadedPem = second.emulator.instance("end-user-api").jwtKeyPem;
      expect(reloadedPem).toBe(oldPem);
      expect(second.emulator.instance("dream-api").jwtKeyPem).not.toBe(reloadedPem);
      expect((await verifyToken(token, { jwtKey: reloadedPem })).sub).toBe(user.id);

      const again = createClerkClient({ secretKey: second.emulator.instance("end-user-api").secretKey, apiUrl: second.url });
      expect((await again.users.getUser(user.id)).publicMetadata).toEqual({ publishableKey: "pk_test_k" });
      expect(await again.users.getCount()).toBe(1);

      // The session survived too: it can still be refreshed.
      const refreshed = await fetch(`${second.url}/local/sessions/${sid}/tokens`, { method: "POST" });
      expect(refreshed.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("keeps organizations and memberships across a restart", async () => {
    const first = await startClerk({ stateFile });
    const secretKey = first.emulator.instance("end-user-api").secretKey;
    const client = createClerkClient({ secretKey, apiUrl: first.url });
    const user = await client.users.createUser({ emailAddress: ["member@example.com"] });
    const org = await client.organizations.createOrganization({ name: "Durable", slug: "durable", publicMetadata: { platformId: "plt_d" } });
    await client.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    await first.close();

    const second = await startClerk({ stateFile });
    try {
      const again = createClerkClient({ secretKey, apiUrl: second.url });
      expect((await again.organizations.getOrganization({ slug: "durable" })).publicMetadata).toEqual({ platformId: "plt_d" });
      const memberships = await again.users.getOrganizationMembershipList({ userId: user.id });
      expect(memberships.data.map((m) => [m.organization.id, m.role])).toEqual([[org.id, "org:member"]]);
    } finally {
      await second.close();
    }
  });

  it("opens a state file written before organizations existed", async () => {
    const first = await startClerk({ stateFile });
    const client = createClerkClient({ secretKey: first.emulator.instance("end-user-api").secretKey, apiUrl: first.url });
    const user = await client.users.createUser({ emailAddress: ["old@example.com"] });
    const token = await first.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
    const sid = (await verifyToken(token, { jwtKey: first.emulator.instance("end-user-api").jwtKeyPem })).sid;
    await first.close();
    // Strip what newer versions write, as an older stand-in left the file.
    const file = JSON.parse(readFileSync(stateFile, "utf8")) as { instances: Record<string, Record<string, unknown>> };
    for (const inst of Object.values(file.instances)) {
      delete inst.organizations;
      delete inst.memberships;
      delete inst.last_active_organizations;
      for (const session of inst.sessions as Array<Record<string, unknown>>) delete session.last_active_organization_id;
    }
    writeFileSync(stateFile, JSON.stringify(file));

    const second = await startClerk({ stateFile });
    try {
      const again = createClerkClient({ secretKey: second.emulator.instance("end-user-api").secretKey, apiUrl: second.url });
      expect((await again.users.getUser(user.id)).id).toBe(user.id);
      expect((await again.organizations.getOrganizationList()).totalCount).toBe(0);
      // Its sessions have no active organization and still get tokens.
      expect(await (await fetch(`${second.url}/local/sessions/${sid}`)).json()).toMatchObject({ status: "active", last_active_organization_id: null });
      const refreshed = await fetch(`${second.url}/local/sessions/${sid}/tokens`, { method: "POST" });
      const { jwt } = (await refreshed.json()) as { jwt: string };
      expect(await verifyToken(jwt, { jwtKey: second.emulator.instance("end-user-api").jwtKeyPem })).not.toHaveProperty("o");
    } finally {
      await second.close();
    }
  });

  it("saves after each mutation", async () => {
    const emulator = await createClerkEmulator({ publicUrl: "http://127.0.0.1:1", stateFile });
    const user = await emulator.createUser("dream-api", { email: "saved@example.com" });
    const read = () => JSON.parse(readFileSync(stateFile, "utf8")) as { instances: Record<string, { users: Array<{ id: string }> }> };
    expect(read().instances["dream-api"]?.users.map((u) => u.id)).toEqual([user.id]);

    const secretKey = emulator.instance("dream-api").secretKey;
    const res = await emulator.app.fetch(new Request(`http://127.0.0.1:1/v1/users/${user.id}`, { method: "DELETE", headers: { authorization: `Bearer ${secretKey}` } }));
    expect(res.status).toBe(200);
    expect(read().instances["dream-api"]?.users).toEqual([]);
  });

  it("refuses a corrupt state file instead of starting empty", async () => {
    writeFileSync(join(dir, "bad.json"), '{"version": 99}');
    await expect(createClerkEmulator({ publicUrl: "http://127.0.0.1:1", stateFile: join(dir, "bad.json") })).rejects.toThrow(/state file/);
  });
});
