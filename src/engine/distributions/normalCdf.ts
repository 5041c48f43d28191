import erfc from '@stdlib/math-base-special-erfc'

/**
 * Standard normal CDF Φ(z) = ½·erfc(−z/√2): full relative accuracy in the lower tail (Φ(−9) ≈ 1.13e-19).
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2)
}
