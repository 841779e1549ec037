import { defineConfig } from 'vite';
import { WORKSPACE_ALIASES } from './build/workspace-aliases.js';
import { SECURITY_HEADERS } from './build/security-headers.js';
import { staticAssets } from './build/static-assets.js';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': SECURITY_HEADERS['Cross-Origin-Opener-Policy'] ?? 'same-origin',
  'Cross-Origin-Embedder-Policy':
    SECURITY_HEADERS['Cross-Origin-Embedder-Policy'] ?? 'require-corp',
};

export default defineConfig({
  base: './',
  resolve: { alias: WORKSPACE_ALIASES },
  plugins: [staticAssets()],
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
