import { ownedBytes } from './owned-bytes.js';

/** Computes a SHA-256 digest as lower-case hex; pluggable so Node can use node:crypto. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/** SHA-256 through the Web Crypto API (`crypto.subtle`), available in browsers and Node ≥ 18. */
export async function subtleSha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ownedBytes(bytes)));
  return Array.from(digest, (value) => value.toString(16).padStart(2, '0')).join('');
}
