const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const UPPER = Array.from({ length: 26 }, (_, index) => String.fromCharCode(65 + index));
const LOWER = UPPER.map((letter) => letter.toLowerCase());

/**
 * Class names of the datasets this package knows, indexed by label.
 *
 * - `mnist`, `emnist-mnist`, `emnist-digits`: the digits 0–9.
 * - `fashion-mnist`: Xiao, Rasul and Vollgraf (2017), arXiv:1708.07747, table 1.
 * - `kmnist`: the ten hiragana of Kuzushiji-MNIST, Clanuwat et al. (2018),
 *   arXiv:1812.01718 (お き す つ な は ま や れ を).
 * - EMNIST, Cohen et al. (2017), arXiv:1702.05373, per the mapping files of
 *   the EMNIST distribution: `emnist-byclass` 0–9, A–Z, a–z (62 classes);
 *   `emnist-bymerge` and `emnist-balanced` 0–9, A–Z and the eleven
 *   lower-case letters kept apart, a b d e f g h n q r t (47);
 *   `emnist-letters` labels 1–26 for A–Z, so label 0 is an unused slot
 *   named `'(none)'` and there are 27 names.
 */
export const KNOWN_CLASS_NAMES: Readonly<Record<string, readonly string[]>> = {
  mnist: DIGITS,
  'fashion-mnist': [
    'T-shirt/top',
    'Trouser',
    'Pullover',
    'Dress',
    'Coat',
    'Sandal',
    'Shirt',
    'Sneaker',
    'Bag',
    'Ankle boot',
  ],
  kmnist: ['お', 'き', 'す', 'つ', 'な', 'は', 'ま', 'や', 'れ', 'を'],
  'emnist-mnist': DIGITS,
  'emnist-digits': DIGITS,
  'emnist-letters': ['(none)', ...UPPER],
  'emnist-byclass': [...DIGITS, ...UPPER, ...LOWER],
  'emnist-bymerge': [...DIGITS, ...UPPER, ...'abdefghnqrt'],
  'emnist-balanced': [...DIGITS, ...UPPER, ...'abdefghnqrt'],
};

/** Dataset name used when none is given. */
export const DEFAULT_DATASET_NAME = 'mnist';

/**
 * The class names for a dataset: `explicit` when given, else the known
 * names of `name`. Throws `RangeError` for an unknown name without explicit
 * names, or for an explicit list that is empty or longer than 256.
 */
export function resolveClassNames(
  name: string,
  explicit: readonly string[] | undefined,
): readonly string[] {
  if (explicit !== undefined) {
    if (explicit.length < 1 || explicit.length > 256) {
      throw new RangeError(
        `classNames must hold 1 to 256 names (labels are bytes), got ${explicit.length}`,
      );
    }
    return explicit;
  }

  const known = KNOWN_CLASS_NAMES[name];
  if (known === undefined) {
    throw new RangeError(
      `unknown dataset name '${name}': give options.classNames, or use one of ` +
        Object.keys(KNOWN_CLASS_NAMES).join(', '),
    );
  }
  return known;
}
