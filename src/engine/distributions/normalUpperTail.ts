import erfc from '@stdlib/math-base-special-erfc'

/**
 * Standard normal upper tail Q(z) = 1 − Φ(z) = ½·erfc(z/√2), computed directly: `1 - normalCdf(9)` is exactly 0
 * in doubles, this returns ≈ 1.13e-19. Accuracy: that of @stdlib erfc (relative error < 1e-15).
 */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2)
}
