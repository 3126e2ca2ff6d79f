/** Resource quantities in the form people write them: `500m` CPUs, `512Mi` of memory, never raw byte counts. */

/** CPUs (`0.5`) as a quantity (`500m`; whole numbers stay whole: `2`). */
export function cpuQuantity(cpus: number): string {
  const milli = Math.round(cpus * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const BINARY_SUFFIXES = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
const BINARY_SIZES = [2 ** 60, 2 ** 50, 2 ** 40, 2 ** 30, 2 ** 20, 2 ** 10];

/** Bytes as the largest exact binary quantity (`536870912` -> `512Mi`), or plain bytes when none is exact. */
export function memoryQuantity(bytes: number): string {
  // Indexed, not `for (const [suffix, size] of ...)`: in cold code that destructuring allocates iterators per step.
  for (let i = 0; i < BINARY_SIZES.length; i++) {
    const size = BINARY_SIZES[i]!;
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${BINARY_SUFFIXES[i]!}`;
  }
  return String(bytes);
}

/** Milliseconds as whole seconds, rounded up, at least 1 (probe timings). */
export function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

/** True for a string Kubernetes accepts as a resource quantity (`20Gi`, `500m`, `1e3`). */
export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** The largest value of the int32 fields Kubernetes uses for counts and seconds. */
export const INT32_MAX = 2_147_483_647;

/**
 * A count or a number of seconds as an int32 field can hold it. Only absurd values are cut (68 years of seconds,
 * two billion replicas), where the cut changes nothing a cluster could observe.
 */
export function int32(n: number): number {
  return Math.min(n, INT32_MAX);
}
