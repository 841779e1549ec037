import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.js';
import * as node from './index.js';

const SOURCE_DIR = dirname(fileURLToPath(import.meta.url));

/** Every module specifier imported or re-exported by a source file. */
function specifiers(source: string): string[] {
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

/** Files reachable from `entry` through relative imports, with their external imports. */
async function externalImports(entry: string): Promise<Set<string>> {
  const external = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) {
      continue;
    }
    seen.add(file);
    for (const specifier of specifiers(await readFile(join(SOURCE_DIR, file), 'utf8'))) {
      if (specifier.startsWith('./')) {
        queue.push(specifier.slice(2).replace(/\.js$/, '.ts'));
      } else {
        external.add(specifier);
      }
    }
  }
  return external;
}

// TODO: the browser entry is checked by reading its import graph, not by running it in a
// real browser.
describe('entries', () => {
  it('the browser entry reaches no Node module', async () => {
    expect([...(await externalImports('browser.ts'))]).toEqual([]);
  });

  it('the Node entry is the browser entry plus loadMnist', () => {
    const extra = Object.keys(node).filter((key) => !(key in browser));

    expect(extra).toEqual(['loadMnist']);
    expect(Object.keys(browser)).not.toContain('loadMnist');
  });

  it('package.json exports both entries, types first', async () => {
    const manifest: unknown = JSON.parse(
      await readFile(join(SOURCE_DIR, '..', 'package.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './browser': { types: './dist/browser.d.ts', default: './dist/browser.js' },
      },
    });
    const exportsMap = JSON.stringify(manifest).match(/"\.\/browser":\{"[a-z]+"/)?.[0];
    expect(exportsMap).toContain('"types"');
  });
});
