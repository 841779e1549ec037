/**
 * Browser-safe entry of @rrelu/data-mnist: everything except the Node
 * loader. Nothing reachable from here imports a Node module.
 */
export { KNOWN_CLASS_NAMES } from './class-names.js';
export type { Dataset, LoadOptions, Split, SplitName } from './dataset.js';
export { DEFAULT_VALIDATION_SIZE } from './dataset.js';
export { datasetFromBytes, type IdxFileBytes } from './dataset-from-bytes.js';
export { epochOrder } from './epoch-order.js';
export {
  DEFAULT_FILE_NAMES,
  type FetchOptions,
  type FetchProgress,
  fetchDataset,
} from './fetch-dataset.js';
export { fillBatch } from './fill-batch.js';
export { IdxError, type IdxErrorCode } from './idx-error.js';
export { type IdxHeader, readIdxHeader } from './idx-header.js';
export { type IdxFileRole, MNIST_SHA256 } from './known-digests.js';
export { DEFAULT_MAX_GUNZIP_BYTES, maybeGunzip } from './maybe-gunzip.js';
export { IDX_IMAGES_MAGIC, type IdxImages, parseIdxImages } from './parse-idx-images.js';
export {
  DEFAULT_CLASS_COUNT,
  IDX_LABELS_MAGIC,
  type IdxLabels,
  parseIdxLabels,
} from './parse-idx-labels.js';
export { type PixelStats, pixelStats } from './pixel-stats.js';
