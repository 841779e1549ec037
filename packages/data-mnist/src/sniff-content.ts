import { IdxError } from './idx-error.js';

/** How many leading bytes are inspected to tell HTML or text from binary. */
const SNIFF_BYTES = 256;

/** Longest excerpt of a text file quoted in an error message. */
const EXCERPT_CHARACTERS = 60;

/** Leading bytes of formats people mistake for IDX, used to word errors. */
const SIGNATURES: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive (.zip or .npz)' },
  { bytes: [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], name: 'a NumPy .npy array' },
  { bytes: [0x42, 0x5a, 0x68], name: 'a bzip2 stream' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'an xz stream' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-Zip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], name: 'a WebAssembly module' },
];

/** Markup openings that identify an HTML page (compared lower-cased). */
const HTML_OPENINGS = ['<!doctype html', '<html', '<head', '<body', '<!--'];

/** True when `bytes` start with the gzip member header `1f 8b`. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Throws an {@link IdxError} when `bytes` are plainly something other than
 * IDX: gzip-compressed data (code `gzip`), an HTML or XML page (`html`) or
 * text (`text`). Binary IDX always starts with `00 00`, so none of these
 * checks can reject a well-formed IDX file.
 */
export function refuseForeignContent(bytes: Uint8Array, source: string): void {
  if (isGzip(bytes)) {
    throw new IdxError(
      'gzip',
      source,
      'the bytes are gzip-compressed (they start 1f 8b); decompress them first ' +
        '(maybeGunzip does this when it sees 1f 8b)',
    );
  }
  if (bytes[0] === 0x00) {
    return;
  }

  const sample = bytes.subarray(0, SNIFF_BYTES);
  const opening = asciiOpening(sample).toLowerCase();
  if (HTML_OPENINGS.some((start) => opening.startsWith(start))) {
    throw new IdxError(
      'html',
      source,
      `is an HTML page, not an IDX file (a failed download?); it starts "${excerpt(sample)}"`,
    );
  }
  if (opening.startsWith('<?xml')) {
    throw new IdxError(
      'html',
      source,
      `is an XML document, not an IDX file (a server error page?); it starts ` +
        `"${excerpt(sample)}"`,
    );
  }
  if (!looksLikeText(sample)) {
    return;
  }

  if (opening.startsWith('version https://git-lfs')) {
    throw new IdxError(
      'text',
      source,
      'is a Git LFS pointer, not the data itself; fetch the real file (git lfs pull)',
    );
  }
  throw new IdxError(
    'text',
    source,
    `is text, not a binary IDX file; it starts "${excerpt(sample)}"`,
  );
}

/** Names a known non-IDX binary format from its leading bytes, if any. */
export function recognizeSignature(bytes: Uint8Array): string | undefined {
  const match = SIGNATURES.find((signature) =>
    signature.bytes.every((value, index) => bytes[index] === value),
  );
  return match?.name;
}

/** Formats up to `count` leading bytes as lower-case hex pairs: `00 00 08 03`. */
export function hexBytes(bytes: Uint8Array, count: number): string {
  return Array.from(bytes.subarray(0, count), (value) => value.toString(16).padStart(2, '0')).join(
    ' ',
  );
}

/** The sample as ASCII after a UTF-8 byte-order mark and leading whitespace. */
function asciiOpening(sample: Uint8Array): string {
  let start = 0;
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    start = 3;
  }
  while (start < sample.length && isWhitespace(sample[start]!)) {
    start += 1;
  }

  let text = '';
  for (let index = start; index < sample.length && index < start + 32; index += 1) {
    text += String.fromCharCode(sample[index]!);
  }
  return text;
}

/**
 * True when the sample holds no control bytes other than tab, line feed,
 * form feed and carriage return, and its non-ASCII bytes form valid UTF-8
 * (a multi-byte character cut off at the end of the sample is allowed).
 */
function looksLikeText(sample: Uint8Array): boolean {
  let ascii = true;
  for (const value of sample) {
    if ((value < 0x20 && !isWhitespace(value)) || value === 0x7f) {
      return false;
    }
    if (value >= 0x80) {
      ascii = false;
    }
  }
  if (ascii) {
    return true;
  }

  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function isWhitespace(value: number): boolean {
  return value === 0x09 || value === 0x0a || value === 0x0c || value === 0x0d || value === 0x20;
}

/** The first line of the sample, printable ASCII only, shortened. */
function excerpt(sample: Uint8Array): string {
  let text = '';
  for (const value of sample) {
    if (value === 0x0a || value === 0x0d) {
      if (text.trim().length > 0) {
        break;
      }
      continue;
    }
    text += value >= 0x20 && value < 0x7f && value !== 0x22 ? String.fromCharCode(value) : '?';
    if (text.length >= EXCERPT_CHARACTERS) {
      return `${text.trim()}…`;
    }
  }
  return text.trim();
}
