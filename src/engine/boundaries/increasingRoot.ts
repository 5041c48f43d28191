import { brentZeroin } from '../numerics/brentZeroin'

/**
 * Root of an increasing function f that costs a full recursion per evaluation (the drift of a futility design, of
 * the inflation factor): bracket from a starting point, then Brent (numerics/brentZeroin.ts).
 *
 *  1. From x0, a first step of −f(x0)/`slope` (the caller's slope guess), at most `maxStep` long.
 *  2. Secant steps through the last two points until f changes sign; each step at least 1% and at most twice the
 *     previous one. A +∞ value (f undefined beyond some point, e.g. "every path has stopped") halves the step back
 *     towards the last finite point.
 *  3. Brent's method inside the bracket, stopping at |Δx| ≤ `tol` or |f| ≤ `ftol`.
 *
 * With a starting point near the root (a warm start) this takes 3–4 evaluations; from a cold start 6–9.
 * Returns NaN when no sign change is found within the iteration budget.
 */
export function increasingRoot(
  f: (x: number) => number,
  x0: number,
  options: { slope: number; maxStep: number; tol: number; ftol: number }
): number {
  const { slope, maxStep, tol, ftol } = options
  let xa = x0
  let fa = f(xa)
  if (!Number.isFinite(fa) && !(fa > 0)) return Number.NaN
  if (Math.abs(fa) <= ftol) return xa
  const direction = fa < 0 ? 1 : -1
  let xb = xa + direction * Math.min(Math.abs(fa) / slope, maxStep)
  let fb = f(xb)
  for (let i = 0; i < 200; i++) {
    if (fb === Infinity || Number.isNaN(fb)) {
      // beyond the domain: halve back towards the last finite point
      xb = 0.5 * (xa + xb)
    } else if (Math.sign(fb) === Math.sign(fa) && fb !== 0) {
      const step = xb - xa
      const secant = (fb - fa) / step
      let next = secant > 0 ? xb - fb / secant : xb + 2 * step
      const lo = 0.01 * Math.abs(step)
      const hi = 2 * Math.abs(step)
      const size = Math.min(Math.max(Math.abs(next - xb), lo), hi)
      next = xb + direction * size
      xa = xb
      fa = fb
      xb = next
    } else {
      break
    }
    fb = f(xb)
  }
  if (!Number.isFinite(fb) || (Math.sign(fb) === Math.sign(fa) && fb !== 0)) return Number.NaN
  if (!Number.isFinite(fa)) return Number.NaN
  // Brent converges within a few dozen steps on these smooth, monotone functions; 100 is a safety net.
  return brentZeroin(f, xa, xb, fa, fb, tol, 100, ftol) ?? (Math.abs(fa) < Math.abs(fb) ? xa : xb)
}
