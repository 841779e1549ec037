/**
 * Node entry of @rrelu/data-mnist: the browser-safe API plus loadMnist,
 * which reads the embedded MNIST copy or a folder of IDX files.
 */
export * from './browser.js';
export { loadMnist } from './load-mnist.js';
