// Measures one loadMnist() of the embedded set: wall time and memory growth.
// Run by hand after a build: node --expose-gc scripts/measure-load.mjs [--checksum]
import { performance } from 'node:perf_hooks';
import { loadMnist } from '../dist/index.js';

const checksum = process.argv.includes('--checksum');
const megabytes = (bytes) => (bytes / 2 ** 20).toFixed(1);

globalThis.gc?.();
const before = process.memoryUsage();
const start = performance.now();
const data = await loadMnist({ checksum });
const elapsed = performance.now() - start;
globalThis.gc?.();
const after = process.memoryUsage();

const line = [
  `loadMnist(${checksum ? '{ checksum: true }' : ''}): ${elapsed.toFixed(0)} ms`,
  `train/validation/test ${data.train.count}/${data.validation.count}/${data.test.count}`,
  `RSS +${megabytes(after.rss - before.rss)} MB`,
  `arrayBuffers +${megabytes(after.arrayBuffers - before.arrayBuffers)} MB`,
  `heapUsed +${megabytes(after.heapUsed - before.heapUsed)} MB`,
  checksum ? `verified ${data.verified}` : '',
];
process.stdout.write(`${line.filter(Boolean).join(', ')}\n`);
