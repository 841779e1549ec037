import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

const root = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The workspace libraries are bundled from their TypeScript sources, so the
 * app needs no prior `build` of them and sees their edits live. The Node
 * entry of @rrelu/data-mnist is replaced by its browser entry (its
 * `loadMnist` needs `node:fs`). Results (CSV, summary, figure specs) come
 * from @rrelu/trainer/report, the same code the CLI writes them with.
 */
export const WORKSPACE_ALIASES: Alias[] = [
  {
    find: /^@rrelu\/activations$/,
    replacement: root('../../../packages/activations/src/index.ts'),
  },
  { find: /^@rrelu\/layers$/, replacement: root('../../../packages/layers/src/index.ts') },
  { find: /^@rrelu\/trainer$/, replacement: root('../../../packages/trainer/src/index.ts') },
  {
    find: /^@rrelu\/trainer\/report$/,
    replacement: root('../../../packages/trainer/src/report/index.ts'),
  },
  {
    find: /^@rrelu\/data-mnist(\/browser)?$/,
    replacement: root('../../../packages/data-mnist/src/browser.ts'),
  },
];
