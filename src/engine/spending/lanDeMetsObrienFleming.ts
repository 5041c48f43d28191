import { normalUpperQuantile } from '../distributions/normalQuantile'
import { normalUpperTail } from '../distributions/normalUpperTail'

/**
 * Lan–DeMets O'Brien–Fleming-type spending function, per side (methods.md §5).
 *
 *   α*(t) = 2 − 2Φ(z_{1−a/2}/√t) = 2·Q(z_{1−a/2}/√t),  0 < t ≤ 1;  α*(0) = 0;  t > 1 is treated as 1
 *
 * The upper tail Q is computed directly (erfc): gsDesign's sfLDOF and ldbounds form 1 − Φ and lose ~1e-5
 * relative at t = 0.1 (shared/reference/README.md, "Tail precision").
 *
 * @param a per-side error to spend (α/sides, or β for futility)
 * @param t information fraction
 * @see Lan KKG, DeMets DL. Discrete sequential boundaries for clinical trials. Biometrika 1983;70:659–663.
 * @example lanDeMetsObrienFleming(0.025, 0.1) // ≈ 1.36125e-12 (boundaries.json, high-accuracy reference)
 */
export function lanDeMetsObrienFleming(a: number, t: number): number {
  if (t <= 0) return 0
  return 2 * normalUpperTail(normalUpperQuantile(a / 2) / Math.sqrt(Math.min(t, 1)))
}
