import quantile from '@stdlib/stats-base-dists-normal-quantile'

/** Standard normal quantile z_p = Φ⁻¹(p) (@stdlib, relative error ~1e-15). p = 0 → −∞, p = 1 → +∞. */
export function normalQuantile(p: number): number {
  return quantile(p, 0, 1)
}

/** z_{1−q} computed from the upper-tail probability q without forming 1 − q (exact for tiny q). */
export function normalUpperQuantile(q: number): number {
  return -quantile(q, 0, 1)
}
