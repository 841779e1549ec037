import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from '../build/security-headers.js';

/** Content types by file extension; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.gz': 'application/octet-stream',
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder to serve, e.g. `dist`. */
  root: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Always loopback unless told otherwise; default 127.0.0.1. */
  host?: string;
}

/** A running server and how to stop it. */
export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A minimal static file server for the built app with cross-origin
 * isolation (COOP same-origin, COEP require-corp) and the app's CSP on every
 * response. Unknown paths get `index.html` with status 200, as single-page
 * hosts do; that is why a wrong wasm or data URL yields HTML bytes, which the
 * app detects and reports.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    resolveFile(root, request.url ?? '/').then(
      ({ file, size }) => {
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(size) });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}/`, port, close: () => closeServer(server) };
}

/** The file a URL path names inside root, or index.html for unknown paths. */
async function resolveFile(root: string, url: string): Promise<{ file: string; size: number }> {
  const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  const candidate = path.resolve(root, `.${pathname}`);
  const inside = candidate === root || candidate.startsWith(`${root}${path.sep}`);
  if (inside) {
    const found = await stat(candidate).catch(() => null);
    if (found?.isFile() === true) return { file: candidate, size: found.size };
  }
  const index = path.join(root, 'index.html');
  return { file: index, size: (await stat(index)).size };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
