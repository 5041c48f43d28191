import { LD98_CAP, LD98_MIN_SPEND, LD98_SEARCH_TOLERANCE, LD98_ZERO_SPEND } from '../constants'
import { normalUpperQuantile } from '../distributions/normalQuantile'
import { cumulativeSpend, type SpendingSpec } from '../spending'
import { ld98GridRule } from './gridRules'
import { ld98SparseGrid } from './integrationGrid'
import { firstLookDensity, propagateDensity, type LookDensity } from './recursiveDensity'
import { solveCrossingBound } from './solveCrossingBound'
import type { AlphaBoundaries } from './solveAlphaBoundaries'

/**
 * Lan–DeMets boundaries by the ld98 algorithm, the `tsa` engine (Reboussin, DeMets, Kim & Lan 2000, Control Clin
 * Trials 21:190; as in R ldbounds 2.0 `landem`/`bsearch`/`qp`/`fcab`, which the CTU TSA program reproduces):
 *  - total incremental spend pd_k = sides·(α*(t_k) − α*(t_{k−1})) per side-function; pd_k < 1e-13 counts as 0;
 *  - look 1: b_1 = z_{1 − pd_1/sides}; later looks: the one-sided crossing probability on the Y = Z√t scale,
 *    trapezoid rule with step 0.05·√Δt, matched to pd_k/sides within 1e-7 (absolute) by a decimal step search
 *    that starts from the previous look's Y bound;
 *  - a look with pd_k < √eps (1.49e-8), or pd_1 = 0, gets the cap 8 and spends nothing; its alpha is not carried on;
 *  - one-sided designs carry a lower continuation limit of −8.
 * Reproduces ldbounds to ~1e-9 and so the CTU program to ~1e-3 (methods.md §6). Returns NaN at a look where the
 * search does not converge (ldbounds stops with "not converging").
 */
export function solveAlphaBoundariesLd98(
  t: readonly number[],
  alphaPerSide: number,
  sides: 1 | 2,
  spending: SpendingSpec
): AlphaBoundaries {
  const upper: number[] = []
  const lower: number[] = []
  const spendPerSide: number[] = []
  let prev: LookDensity | null = null
  let cumulativeBefore = 0
  const gridAt = ld98GridRule(t)
  /** the previous look's searched bound (ldbounds' yb[i−1]), which may exceed the cap shown */
  let searched = LD98_CAP
  for (let k = 0; k < t.length; k++) {
    const tk = t[k] as number
    const cumulative = sides * cumulativeSpend(spending, alphaPerSide, tk)
    let pd = cumulative - cumulativeBefore
    cumulativeBefore = cumulative
    if (pd < LD98_ZERO_SPEND) pd = 0
    let b: number
    if (prev === null) {
      b = pd === 0 ? LD98_CAP : pd < 1 ? normalUpperQuantile(pd / sides) : 0
    } else if (pd < LD98_MIN_SPEND) {
      b = LD98_CAP
    } else if (pd >= 1) {
      b = 0
    } else {
      b = decimalSearch(prev, tk, pd / sides, searched)
    }
    const capped = b === LD98_CAP
    // ldbounds shows a bound above 7.9995 as Inf; we show the cap. The recursion goes on with the searched value,
    // as ldbounds does (a spend below the search tolerance 1e-7 can land the search above 8).
    const shown = Math.min(b, LD98_CAP)
    upper.push(shown)
    lower.push(sides === 2 ? -shown : -LD98_CAP)
    spendPerSide.push(capped ? 0 : pd / sides)
    searched = b
    if (k === t.length - 1 || !Number.isFinite(b)) break
    const lo = sides === 2 ? -b : -LD98_CAP
    const increment = k === 0 ? tk : tk - (t[k - 1] as number)
    const grid =
      (b > lo ? ld98SparseGrid(lo, b, tk, increment, (t[k + 1] as number) - tk) : null) ??
      gridAt(k, [[lo, b]], 0)
    prev =
      prev === null
        ? firstLookDensity(tk, grid, 0)
        : propagateDensity(prev, tk, grid, 0, sides === 2) // symmetric under H0: half the work
  }
  while (upper.length < t.length) {
    upper.push(Number.NaN)
    lower.push(Number.NaN)
    spendPerSide.push(Number.NaN)
  }
  return { upper, lower, spendPerSide }
}

/**
 * ldbounds `bsearch`: decimal steps 1, 0.1, 0.01, … on the Y scale, from the previous look's Y bound, until the
 * one-sided crossing probability q(y) is within 1e-7 of the target.
 *
 * q is decreasing in y, so every test the search makes on q(y) is a test of y against the two points where
 * q = target + tol (yLow) and q = target − tol (yHigh). Those are found by Halley's method (solveCrossingBound, a
 * few evaluations of q) and the search then walks the same decimal lattice with the same floating-point steps,
 * without evaluating q at each of its (typically 30–70) points: same result, several times faster.
 */
function decimalSearch(prev: LookDensity, t: number, target: number, previousZ: number): number {
  const sqrtT = Math.sqrt(t)
  const tol = LD98_SEARCH_TOLERANCE
  const zLow = solveCrossingBound(prev, t, target + tol, 0, 'upper')
  const zHigh = solveCrossingBound(prev, t, target - tol, 0, 'upper')
  // NaN: no y crosses that much (q < target + tol everywhere); +∞: target − tol ≤ 0 (q ≥ it everywhere).
  const yLow = Number.isNaN(zLow) ? -Infinity : zLow * sqrtT
  const yHigh = Number.isNaN(zHigh) ? -Infinity : zHigh * sqrtT
  const tooLow = (y: number): boolean => y < yLow // q(y) > target + tol
  const tooHigh = (y: number): boolean => y > yHigh // q(y) < target − tol
  let y = previousZ * Math.sqrt(prev.t)
  let step = 10
  while (tooLow(y) || tooHigh(y)) {
    step /= 10
    if (step < 1e-15) return Number.NaN
    const direction = tooLow(y) ? 1 : -1
    for (let j = 1; j <= 50; j++) {
      y += direction * step
      if ((tooLow(y) || tooHigh(y)) && j === 50) return Number.NaN
      if ((direction === 1 && !tooLow(y)) || (direction === -1 && !tooHigh(y))) break
    }
  }
  return y / sqrtT
}
