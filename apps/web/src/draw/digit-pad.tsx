import { useEffect, useRef } from 'preact/hooks';
import { type GrayImage, preprocessDigit } from './preprocess-digit.js';

/** Side of the drawing canvas in canvas pixels (CSS may shrink it on a phone). */
export const PAD_SIDE = 280;
/** Pen width in canvas pixels: about two MNIST pixels after scaling. */
const PEN_WIDTH = 22;

/**
 * A square canvas to draw a digit on with mouse, pen or touch (pointer
 * events). After each stroke it hands the MNIST-preprocessed 28×28 image to
 * `onDigit`. `clearSignal` changing clears the pad.
 */
export function DigitPad(props: {
  onDigit: (pixels: Float32Array<ArrayBuffer>) => void;
  clearSignal: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context === null || context === undefined) return;
    context.fillStyle = '#000';
    context.fillRect(0, 0, PAD_SIDE, PAD_SIDE);
  }, [props.clearSignal]);

  const point = (event: PointerEvent): { x: number; y: number } => {
    const element = event.currentTarget as HTMLCanvasElement;
    const rect = element.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * PAD_SIDE,
      y: ((event.clientY - rect.top) / rect.height) * PAD_SIDE,
    };
  };

  const stroke = (to: { x: number; y: number }): void => {
    const context = canvas.current?.getContext('2d');
    if (context === null || context === undefined) return;
    const from = last.current ?? to;
    context.strokeStyle = '#fff';
    context.lineWidth = PEN_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last.current = to;
  };

  const finish = (): void => {
    if (last.current === null) return;
    last.current = null;
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (context === null || context === undefined) return;
    props.onDigit(preprocessDigit(readInk(context)));
  };

  return (
    <canvas
      ref={canvas}
      class="digit-pad"
      width={PAD_SIDE}
      height={PAD_SIDE}
      data-testid="digit-pad"
      aria-label="Drawing pad: draw one digit with the mouse, a pen or a finger"
      onPointerDown={(event) => {
        (event.currentTarget as HTMLCanvasElement).setPointerCapture(event.pointerId);
        last.current = null;
        stroke(point(event));
      }}
      onPointerMove={(event) => {
        if (last.current !== null) stroke(point(event));
      }}
      onPointerUp={finish}
      onPointerCancel={finish}
    />
  );
}

/** The canvas as ink values 0…1 (the red channel of a white-on-black drawing). */
function readInk(context: CanvasRenderingContext2D): GrayImage {
  const { data } = context.getImageData(0, 0, PAD_SIDE, PAD_SIDE);
  const pixels = new Float32Array(PAD_SIDE * PAD_SIDE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (data[i * 4] ?? 0) / 255;
  return { width: PAD_SIDE, height: PAD_SIDE, pixels };
}
