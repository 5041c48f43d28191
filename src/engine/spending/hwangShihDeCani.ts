/** Below this |γ| the family is a·t to double precision (relative difference |γ|/2 < 5e-13). */
const HSD_LINEAR_GAMMA = 1e-12

/**
 * Hwang–Shih–DeCani family, per side (methods.md §5).
 *
 *   α*(t) = a·(1 − e^{−γt})/(1 − e^{−γ}),  γ ≠ 0;  a·t when γ = 0;  t > 1 is treated as 1
 *
 * expm1 keeps full precision for small |γt|.
 *
 * @see Hwang IK, Shih WJ, DeCani JS. Group sequential designs using a family of type I error probability spending
 *      functions. Stat Med 1990;9:1439–1445.
 */
export function hwangShihDeCani(a: number, t: number, gamma: number): number {
  if (t <= 0) return 0
  const u = Math.min(t, 1)
  // |γ| this small is a·t to within |γ|/2 relative; dividing first avoids underflow for subnormal γ.
  if (Math.abs(gamma) < HSD_LINEAR_GAMMA) return a * u
  return a * (Math.expm1(-gamma * u) / Math.expm1(-gamma))
}
