/**
 * Kubernetes resource quantities as a pod's requests write them (`k8s.io/apimachinery/pkg/api/resource`):
 * "500m" or "2" CPUs, "16Gi", "512Mi" or "1G" of memory. Only what a request needs: a decimal number
 * with an optional binary (Ki Mi Gi Ti Pi Ei), decimal (k M G T P E) or milli (m) suffix, or an exponent.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * The quantity's value in base units (CPUs, bytes), or null where it is not a quantity ("2 cores").
 * @example parseQuantity('500m') === 0.5; parseQuantity('16Gi') === 17179869184; parseQuantity(2) === 2
 */
export function parseQuantity(q: string | number): number | null {
  if (typeof q === 'number') return Number.isFinite(q) && q >= 0 ? q : null;
  const m = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/.exec(q.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix]!);
}

/** CPU request in millicores (rounded up, as the scheduler does). */
export function cpuMillis(q: string | number): number | null {
  const v = parseQuantity(q);
  return v === null ? null : Math.ceil(v * 1000 - 1e-9);
}

/** Memory request in MiB (rounded up). */
export function memoryMiB(q: string | number): number | null {
  const v = parseQuantity(q);
  return v === null ? null : Math.ceil(v / 2 ** 20 - 1e-9);
}
