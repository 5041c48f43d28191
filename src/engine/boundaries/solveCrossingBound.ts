import { PRECISE_BOUND_TOLERANCE, Z_UNREACHABLE } from '../constants'
import { normalUpperQuantile } from '../distributions/normalQuantile'
import { crossing, type LookDensity, type Side } from './recursiveDensity'

/**
 * The bound x with P(continue to look k − 1, cross `side` at x at look k) = target.
 *
 * Halley's method on f(x) = ln P(x) − ln target (ln Q is concave, so the iteration is well behaved even for targets
 * of 1e-13), kept inside a bisection bracket on [−Z_UNREACHABLE, Z_UNREACHABLE]. Halley converges cubically
 * (error after a step ≈ κ·step³, κ ≈ 1/(4x²)), so the iteration stops once a step is below
 * PRECISE_BOUND_TOLERANCE. `guess` (e.g. extrapolated from earlier looks) saves iterations.
 * Returns ±∞ (no bound) when target ≤ 0 and NaN when no bound can spend that much.
 */
export function solveCrossingBound(
  prev: LookDensity | null,
  t: number,
  target: number,
  drift: number,
  side: Side,
  guess?: number
): number {
  const sign = side === 'upper' ? 1 : -1
  if (!(target > 0)) return sign * Infinity
  // Beyond ±cutoff, Q(u) is 1 or 0 to within 1e-16 of the target (capped at 12: Q(12) = 1.8e-33, so targets below
  // ~1e-17, which no later look can feel, are matched to a relative 1e-16 only where the grid allows).
  const cutoff = Math.min(12, Math.max(8, normalUpperQuantile(Math.min(target, 0.5) * 1e-16)))
  // x below `inner` crosses more than the target, x beyond `outer` less (in the direction of `sign`).
  let inner = -sign * Z_UNREACHABLE
  let outer = sign * Z_UNREACHABLE
  if (crossing(prev, t, inner, drift, side, cutoff).p < target) return Number.NaN
  const start =
    guess !== undefined && Number.isFinite(guess)
      ? guess
      : sign * normalUpperQuantile(Math.min(target, 0.5)) + drift * Math.sqrt(t)
  let x = sign * Math.min(Math.max(sign * start, -Z_UNREACHABLE), Z_UNREACHABLE)
  const lnTarget = Math.log(target)
  for (let iter = 0; iter < 200; iter++) {
    const { p, dp, d2p } = crossing(prev, t, x, drift, side, cutoff)
    if (p > target) inner = x
    else outer = x
    let next = Number.NaN
    if (p > 0) {
      const f = Math.log(p) - lnTarget
      const f1 = dp / p
      const f2 = d2p / p - f1 * f1
      next = x - (2 * f * f1) / (2 * f1 * f1 - f * f2)
      if (Math.abs(next - x) < PRECISE_BOUND_TOLERANCE) return next
    }
    const within = sign * (next - inner) > 0 && sign * (outer - next) > 0
    x = within ? next : 0.5 * (inner + outer)
    if (Math.abs(outer - inner) < PRECISE_BOUND_TOLERANCE) return x
  }
  return x
}
