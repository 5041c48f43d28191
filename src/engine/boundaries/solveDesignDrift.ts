import { increasingRoot } from './increasingRoot'
import type { BetaPass } from './solveBetaBoundaries'

/**
 * The drift θ of a β-spending futility design: the root of the pass's mismatch(θ) (solveBetaBoundaries.ts), i.e. the
 * θ at which futility and efficacy bounds meet at the last look (methods.md §7; gsDesign test.type 3/4, rpact,
 * RTSA's `inf_warp`).
 *
 * mismatch(θ_F) ≤ 0 at the fixed-sample drift θ_F = z_{1−α/sides} + z_{1−β}: no group-sequential test has more power
 * than the fixed-sample test at the same maximum information (Neyman–Pearson), so the inflation factor (θ/θ_F)² ≥ 1
 * and θ_F is a safe cold start. A warm start (`start`, e.g. the drift of a closely related design) saves passes.
 * The root is found by increasingRoot.ts (slope guess 1: on the probit scale the lower tail of Z_K moves one-for-one
 * with its mean; first step at most FIRST_STEP_RATIO); each pass is seeded with the bounds of the previous one, so
 * Halley needs 1–2 steps per look.
 */

/**
 * Brent stops at this bracket width on θ, or when the mismatch (a z-scale quantity) is below DRIFT_MISMATCH_TOLERANCE:
 * both move R = (θ/θ_F)² by < 1e-9, far below the grid's own accuracy (~1e-7).
 */
export const DRIFT_TOLERANCE = 1e-9
export const DRIFT_MISMATCH_TOLERANCE = 1e-8

/**
 * The first trial drift is at most θ_F·(√1.1 − 1) away (R = 1.1, mid-range of the inflation factors of OBF/Pocock
 * designs with β-spending, 1.01–1.25 in shared/reference/futility.json): with many looks the mismatch is much steeper
 * than slope 1, and a longer step would overshoot to drifts at which every path stops.
 */
export const FIRST_STEP_RATIO = Math.sqrt(1.1)

export function solveDesignDrift(
  pass: (drift: number, guess: BetaPass | undefined) => BetaPass,
  fixedDrift: number,
  start?: number
): { drift: number; pass: BetaPass } | null {
  let last: BetaPass | undefined
  const evaluated = new Map<number, BetaPass>()
  const mismatchAt = (drift: number): number => {
    const p = pass(drift, last)
    if (Number.isFinite(p.mismatch)) {
      last = p
      evaluated.set(drift, p)
    }
    return p.mismatch
  }
  const options = {
    slope: 1,
    maxStep: fixedDrift * (FIRST_STEP_RATIO - 1),
    tol: DRIFT_TOLERANCE,
    ftol: DRIFT_MISMATCH_TOLERANCE
  }
  let drift = start !== undefined ? increasingRoot(mismatchAt, start, options) : Number.NaN
  if (Number.isNaN(drift)) drift = increasingRoot(mismatchAt, fixedDrift, options)
  if (Number.isNaN(drift)) return null
  // Brent returns a point it has evaluated; re-run only if not.
  const known = evaluated.get(drift)
  if (known !== undefined) return { drift, pass: known }
  const final = pass(drift, last)
  return Number.isFinite(final.mismatch) ? { drift, pass: final } : null
}
