/**
 * The soak test (not in CI): one long training run of the comparison network
 * on a 2,000-image subset, watching for leaks. It records the resident memory
 * (process.memoryUsage().rss, after a full garbage collection) and the live
 * tfjs tensor count after every epoch, with V8's heap and the wasm heap to
 * tell where a change comes from; compares epoch 50 with epoch 5 (after
 * warm-up: the wasm heap has grown to size by then), prints the figures on
 * stderr and the verdict, and saves them to bench/soak.json. Exits 1 when
 * either figure changed by 5 % or more. run.mjs starts it with --expose-gc
 * and a fixed young generation (--max-semi-space-size=2).
 *
 *   node tooling/bench/run.mjs --soak [--epochs 50] [--no-save]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadMnist } from '@rrelu/data-mnist';
import { initBackend, type RunConfig, train } from '@rrelu/trainer';
import { BackendWasm, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

/** The run: every per-step code path at once (RReLU noise, batch norm, Adam moments). */
const RUN: Partial<RunConfig> = { activation: 'rrelu', batchNorm: true, seed: 0 };
const TRAIN_SIZE = 2000;
const VALIDATION_SIZE = 500;
const TEST_SIZE = 1000;
const DEFAULT_EPOCHS = 50;
/** The epoch compared with the last one. */
const BASELINE_EPOCH = 5;
/** Largest growth from the baseline epoch to the last that still passes. */
const TOLERANCE = 0.05;

/** Memory after one epoch. */
interface Sample {
  epoch: number;
  rssMb: number;
  heapUsedMb: number;
  /** V8 heap reserved from the system, used or not. */
  heapTotalMb: number;
  /** ArrayBuffers outside the V8 heap (the data set's typed arrays among them). */
  arrayBuffersMb: number;
  /** The wasm module's linear memory: it grows and never shrinks. */
  wasmHeapMb: number | null;
  numTensors: number;
  numBytes: number;
  seconds: number;
}

const argv = process.argv.slice(2);
const epochsFlag = argv.indexOf('--epochs');
const epochs = epochsFlag === -1 ? DEFAULT_EPOCHS : Number(argv[epochsFlag + 1]);
const save = !argv.includes('--no-save');
const root = path.resolve(path.dirname(new URL(importMetaUrlOf()).pathname), '../../..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => bytes / (1024 * 1024);

async function main(): Promise<void> {
  if (!Number.isSafeInteger(epochs) || epochs <= BASELINE_EPOCH) {
    throw new RangeError(`--epochs must be a whole number > ${BASELINE_EPOCH}, got ${epochs}`);
  }
  if (globalThis.gc === undefined) log('note: run with --expose-gc for steadier RSS figures');

  const wasmDir = path.dirname(
    createRequire(path.join(root, 'tooling', 'package.json')).resolve(
      '@tensorflow/tfjs-backend-wasm/package.json',
    ),
  );
  setWasmPaths(`${path.join(wasmDir, 'dist')}/`);
  const backend = await initBackend('wasm');
  const data = await loadMnist({
    trainSize: TRAIN_SIZE,
    validationSize: VALIDATION_SIZE,
    testSize: TEST_SIZE,
  });
  log(
    `soak: ${RUN.activation}${RUN.batchNorm ? '+bn' : ''}, ${epochs} epochs on ` +
      `${data.train.count} training images, wasm SIMD ${backend.simd}`,
  );

  const samples: Sample[] = [];
  const result = await train({ ...RUN, epochs }, data, {
    onEvent: (event) => {
      if (event.type !== 'epoch') return;
      globalThis.gc?.();
      const memory = process.memoryUsage();
      const tensors = tf.memory();
      const wasm = wasmHeapBytes();
      const sample: Sample = {
        epoch: event.metrics.epoch,
        rssMb: mb(memory.rss),
        heapUsedMb: mb(memory.heapUsed),
        heapTotalMb: mb(memory.heapTotal),
        arrayBuffersMb: mb(memory.arrayBuffers),
        wasmHeapMb: wasm === null ? null : mb(wasm),
        numTensors: tensors.numTensors,
        numBytes: tensors.numBytes,
        seconds: event.metrics.seconds,
      };
      samples.push(sample);
      const accuracy = (100 * event.metrics.testAccuracy).toFixed(2);
      log(
        `epoch ${String(sample.epoch).padStart(2)}: RSS ${sample.rssMb.toFixed(1)} MB, ` +
          `heap ${sample.heapUsedMb.toFixed(1)}/${sample.heapTotalMb.toFixed(1)} MB, ` +
          `wasm ${sample.wasmHeapMb?.toFixed(1)} MB, ` +
          `${sample.numTensors} tensors ` +
          `(${mb(sample.numBytes).toFixed(2)} MB), test ${accuracy} %`,
      );
    },
  });

  const first = samples.find((s) => s.epoch === BASELINE_EPOCH);
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last.epoch !== epochs) {
    const why = result.divergence === null ? 'interrupted' : 'diverged';
    throw new Error(`the run ${why} after ${samples.length} of ${epochs} epochs`);
  }
  const growth = {
    rss: last.rssMb / first.rssMb - 1,
    numTensors: last.numTensors / first.numTensors - 1,
  };
  const pass = Math.abs(growth.rss) < TOLERANCE && Math.abs(growth.numTensors) < TOLERANCE;
  const percent = (x: number) => `${(100 * x).toFixed(2)} %`;
  log(
    `after epoch ${BASELINE_EPOCH}: RSS ${first.rssMb.toFixed(1)} MB, ${first.numTensors} tensors`,
  );
  log(`after epoch ${epochs}: RSS ${last.rssMb.toFixed(1)} MB, ${last.numTensors} tensors`);
  log(
    `change: RSS ${percent(growth.rss)}, tensors ${percent(growth.numTensors)} → ` +
      `${pass ? 'within' : 'NOT within'} ${percent(TOLERANCE)}`,
  );

  const figures = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      node: process.version,
      nodeFlags: process.execArgv,
    },
    run: {
      ...RUN,
      epochs,
      trainSize: data.train.count,
      validationSize: VALIDATION_SIZE,
      testSize: TEST_SIZE,
    },
    backend,
    baselineEpoch: BASELINE_EPOCH,
    tolerance: TOLERANCE,
    atBaseline: first,
    atEnd: last,
    growth,
    pass,
    finalTestAccuracy: result.epochs.at(-1)?.testAccuracy ?? null,
    samples,
  };
  if (save) {
    writeFileSync(path.join(root, 'bench', 'soak.json'), `${JSON.stringify(figures, null, 2)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ atBaseline: first, atEnd: last, growth, pass })}\n`);
  process.exitCode = pass ? 0 : 1;
}

/** Size of the wasm backend's linear memory (the buffer under any tensor), or null elsewhere. */
function wasmHeapBytes(): number | null {
  const backend = tf.backend();
  if (!(backend instanceof BackendWasm)) return null;
  const probe = tf.scalar(0);
  const bytes = backend.typedArrayFromHeap(probe).buffer.byteLength;
  probe.dispose();
  return bytes;
}

function importMetaUrlOf(): string {
  return import.meta.url;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
