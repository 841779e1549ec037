import { defineConfig } from 'vitest/config';

/**
 * Test settings shared by every workspace package: Node environment, tests
 * beside the code, generous timeouts because wasm start-up and small
 * training runs take seconds on a 2-core machine (no test asserts speed).
 */
export const sharedTestConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
