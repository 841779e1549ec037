import { defineConfig } from 'vitest/config';

/**
 * One test file that packs, installs and runs the public packages outside
 * the workspace. It spawns npm, Node, tsc and Chromium, so it gets long
 * timeouts and runs alone in a single fork.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
