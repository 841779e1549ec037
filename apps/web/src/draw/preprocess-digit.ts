/** Side of an MNIST image. */
export const MNIST_SIDE = 28;
/** Side of the box the digit's longer side is scaled to, as in MNIST. */
export const DIGIT_BOX = 20;

/** A grayscale image, ink 0…1, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Float32Array;
}

/**
 * Turns a drawing into a 28×28 MNIST-like image: crops to the ink's bounding
 * box, scales it (keeping its aspect ratio, by area averaging) so that its
 * longer side is 20 pixels, and places it so that its centre of mass falls
 * on the centre of the 28×28 frame, which is how LeCun et al. prepared
 * MNIST. Returns ink values 0…1 (white digit on black, as MNIST); all zeros
 * when nothing is drawn.
 *
 * @param image - the drawing; ink above `threshold` counts for the bounding box.
 */
export function preprocessDigit(image: GrayImage, threshold = 0.05): Float32Array<ArrayBuffer> {
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  const box = inkBox(image, threshold);
  if (box === null) return out;

  const scale = DIGIT_BOX / Math.max(box.width, box.height);
  const width = Math.max(1, Math.round(box.width * scale));
  const height = Math.max(1, Math.round(box.height * scale));
  const small = resampleArea(image, box, width, height);

  const { x: cx, y: cy } = centreOfMass(small, width, height);
  const left = clamp(Math.round(MNIST_SIDE / 2 - cx), 0, MNIST_SIDE - width);
  const top = clamp(Math.round(MNIST_SIDE / 2 - cy), 0, MNIST_SIDE - height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      out[(top + y) * MNIST_SIDE + left + x] = small[y * width + x] ?? 0;
    }
  }
  return out;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest box holding every pixel above the threshold, or null for a blank image. */
export function inkBox(image: GrayImage, threshold: number): Box | null {
  let left = image.width;
  let top = image.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 0) <= threshold) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return null;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** Centre of mass (x, y) in pixel-centre coordinates (+0.5), the ink as the mass. */
export function centreOfMass(
  pixels: Float32Array,
  width: number,
  height: number,
): { x: number; y: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const m = pixels[y * width + x] ?? 0;
      mass += m;
      sx += m * (x + 0.5);
      sy += m * (y + 0.5);
    }
  }
  return mass === 0 ? { x: width / 2, y: height / 2 } : { x: sx / mass, y: sy / mass };
}

/** Area-averaging resample of a box of the image to width × height. */
function resampleArea(image: GrayImage, box: Box, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const fx = box.width / width;
  const fy = box.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      out[y * width + x] = areaMean(image, box.left + x * fx, box.top + y * fy, fx, fy);
    }
  }
  return out;
}

/** Mean ink over the source rectangle [x0, x0+w) × [y0, y0+h), weighting partial pixels. */
function areaMean(image: GrayImage, x0: number, y0: number, w: number, h: number): number {
  let sum = 0;
  for (let y = Math.floor(y0); y < Math.ceil(y0 + h); y++) {
    const wy = Math.min(y + 1, y0 + h) - Math.max(y, y0);
    for (let x = Math.floor(x0); x < Math.ceil(x0 + w); x++) {
      const wx = Math.min(x + 1, x0 + w) - Math.max(x, x0);
      sum += wx * wy * (image.pixels[y * image.width + x] ?? 0);
    }
  }
  return sum / (w * h);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
