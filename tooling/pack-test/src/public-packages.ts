import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root, two levels above this package. */
export const WORKSPACE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A public package of the workspace, as the install test sees it. */
export interface PublicPackage {
  /** npm name, e.g. `@rrelu/layers`. */
  name: string;
  /** Folder under packages/. */
  dir: string;
  /** Peer dependencies the published manifest must state, with their ranges. */
  peers: Readonly<Record<string, string>>;
  /** Peers marked optional in peerDependenciesMeta. */
  optionalPeers: readonly string[];
}

const TFJS_VERSION = '4.22.0';

/** The four published packages, dependencies before dependents. */
export const PUBLIC_PACKAGES: readonly PublicPackage[] = [
  {
    name: '@rrelu/activations',
    dir: 'activations',
    peers: { '@tensorflow/tfjs-core': TFJS_VERSION },
    optionalPeers: [],
  },
  {
    name: '@rrelu/layers',
    dir: 'layers',
    peers: { '@tensorflow/tfjs-core': TFJS_VERSION },
    optionalPeers: [],
  },
  { name: '@rrelu/data-mnist', dir: 'data-mnist', peers: {}, optionalPeers: [] },
  {
    name: '@rrelu/trainer',
    dir: 'trainer',
    peers: {
      '@tensorflow/tfjs-core': TFJS_VERSION,
      '@tensorflow/tfjs-backend-wasm': TFJS_VERSION,
      '@tensorflow/tfjs-backend-cpu': TFJS_VERSION,
    },
    optionalPeers: ['@tensorflow/tfjs-backend-cpu'],
  },
];

/** Folder of a public package in the workspace. */
export function packageRoot(pkg: PublicPackage): string {
  return join(WORKSPACE_ROOT, 'packages', pkg.dir);
}

/** The tfjs packages consumers install from npm next to the tarballs. */
export const TFJS = {
  core: `@tensorflow/tfjs-core@${TFJS_VERSION}`,
  wasm: `@tensorflow/tfjs-backend-wasm@${TFJS_VERSION}`,
  cpu: `@tensorflow/tfjs-backend-cpu@${TFJS_VERSION}`,
} as const;
