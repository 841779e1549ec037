import { defineConfig } from 'vitest/config';
import { WORKSPACE_ALIASES } from './build/workspace-aliases.js';

export default defineConfig({
  resolve: { alias: WORKSPACE_ALIASES },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'build/**/*.test.ts'],
    pool: 'forks',
  },
});
