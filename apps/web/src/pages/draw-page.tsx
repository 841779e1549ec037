import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppServices } from '../app-services.js';
import { DigitPad } from '../draw/digit-pad.js';
import { MNIST_SIDE } from '../draw/preprocess-digit.js';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Page 3: draw a digit; every trained model's class probabilities side by side. */
export function DrawPage(props: { services: AppServices }) {
  const { tensors, models } = props.services;
  const [pixels, setPixels] = useState<Float32Array<ArrayBuffer> | null>(null);
  const [byRun, setByRun] = useState<Record<string, number[]>>({});
  const [clearCount, setClearCount] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const preview = useRef<HTMLCanvasElement>(null);
  const modelList = models.value;

  useEffect(() => {
    if (pixels === null) return;
    drawPreview(preview.current, pixels);
    tensors.predict(pixels).then(
      (result) => {
        setByRun(result);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [pixels, modelList.length]);

  const clear = (): void => {
    setClearCount(clearCount + 1);
    setPixels(null);
    setByRun({});
    drawPreview(preview.current, new Float32Array(MNIST_SIDE * MNIST_SIDE));
  };

  return (
    <section aria-labelledby="draw-title">
      <h2 id="draw-title">Draw a digit</h2>
      <p>
        Draw one digit, 0 to 9. It is cropped, scaled into a 20 × 20 box and centred by its mass in
        28 × 28 pixels, as MNIST was prepared; then every trained model classifies it.
      </p>
      {modelList.length === 0 && (
        <p class="note" data-testid="no-models">
          No trained model yet: train one on the Train page (models are kept across reloads).
        </p>
      )}
      <div class="draw-layout">
        <div>
          <DigitPad onDigit={setPixels} clearSignal={clearCount} />
          <div class="buttons">
            <button type="button" onClick={clear}>
              Clear
            </button>
          </div>
        </div>
        <figure class="preview">
          <canvas
            ref={preview}
            width={MNIST_SIDE}
            height={MNIST_SIDE}
            data-testid="digit-preview"
          />
          <figcaption>what the models see (28 × 28)</figcaption>
        </figure>
      </div>
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {modelList.length > 0 && (
        <div class="table-wrap">
          <table class="probabilities" data-testid="probabilities">
            <caption>Probability of each digit, per model (%)</caption>
            <thead>
              <tr>
                <th scope="col">model</th>
                {DIGITS.map((d) => (
                  <th scope="col" key={d}>
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {modelList.map((model) => {
                const p = byRun[model.id];
                const best = p === undefined ? -1 : p.indexOf(Math.max(...p));
                return (
                  <tr key={model.id} data-testid="probability-row">
                    <th scope="row">
                      {model.label} {model.batchNorm ? '+BN' : ''} s{model.seed}
                    </th>
                    {DIGITS.map((d) => (
                      <td
                        key={d}
                        class={d === best ? 'best' : undefined}
                        style={p === undefined ? undefined : { '--p': String(p[d] ?? 0) }}
                        data-testid="probability"
                      >
                        {p === undefined ? '—' : ((p[d] ?? 0) * 100).toFixed(1)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function drawPreview(canvas: HTMLCanvasElement | null, pixels: Float32Array): void {
  const context = canvas?.getContext('2d');
  if (context === null || context === undefined) return;
  const image = context.createImageData(MNIST_SIDE, MNIST_SIDE);
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.round((pixels[i] ?? 0) * 255);
    image.data.set([v, v, v, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}
