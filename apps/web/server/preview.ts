import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.js';

/** `pnpm preview`: serves dist/ on 127.0.0.1 (PORT, default 4173) until stopped. */
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer({ root, port });
process.stdout.write(`serving ${root} at ${server.url} (COOP/COEP + CSP)\n`);
