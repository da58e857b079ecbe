import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["tests/reliability/**/*.test.ts"], testTimeout: 600_000, hookTimeout: 240_000, fileParallelism: false },
});
