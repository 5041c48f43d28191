import { normalQuantile } from '../distributions/normalQuantile'
import { continuationIntervals } from './continuationRegion'
import { preciseGridRule } from './gridRules'
import type { Grid } from './integrationGrid'
import { crossing, firstLookDensity, propagateDensity, type LookDensity } from './recursiveDensity'
import { extrapolatedGuess } from './solveAlphaBoundaries'
import { solveCrossingBound } from './solveCrossingBound'

/**
 * β-spending futility bounds at a given drift θ (one pass of a futility design; methods.md §7), by the `precise`
 * recursion (Jennison & Turnbull 2000, ch. 19; gsDesign's gsbound1 for test.type 3/4). For each look k, a_k solves
 *   P_θ(a_j < Z_j < b_j, j < k; Z_k ≤ a_k) = Δβ_k                  (E[Z_k] = θ√t_k)
 * and the continuation region after look k is (a_k, b_k): every path below a_k stops for futility (one-sided
 * futility; RTSA's beta_boundary uses the same region for two-sided designs). Δβ_k = 0 means no futility stop at
 * look k (a_k = −∞).
 *
 * Efficacy bounds b_k are either given (non-binding: computed under H0 without the futility region) or, binding,
 * solved at the same look under H0 with the futility region ending paths too:
 *   P₀(a_j < Z_j < b_j, j < k; Z_k ≥ b_k) = Δα_k,
 * which needs a second density, under θ = 0, propagated over the same region (gsDesign test.type 3).
 *
 * Interim futility bounds above the efficacy bound are set to it (gsDesign: a_k = b_k), which ends every path.
 * At the last look the design requires a_K = b_K (futility and efficacy meet, so the whole β is spent by then), i.e.
 *   P_θ(continue to K, Z_K ≤ b_K) = Δβ_K.
 * `mismatch` = z_{Δβ_K} − z_{P_θ(continue, Z_K ≤ b_K)} is the function whose root in θ is the design: increasing in
 * θ, with slope 1 for a single look (the lower tail of Z_K ~ N(θ, 1) moves one-for-one with θ) and steeper with many
 * looks (2–20 for 100 looks, as the paths left at the last look thin out). Unlike a_K − b_K it stays finite past
 * the point where no a_K can spend Δβ_K any more (with 100 looks, within 1% of the root); it is +∞ only once every
 * path has stopped. Solving on it is also the more accurate formulation: the power-based one (P_θ(cross upper) =
 * 1 − β) is equivalent in exact arithmetic but inherits the recursion's total-mass error (1e-5 at 100 looks, R off
 * by 1e-4), whereas this one matches the grid-refined R to 1.1e-5.
 *
 * Shapes: every array has one entry per look; `guess` (a previous pass at a nearby θ) only seeds the root solves.
 */
export interface BetaPassInput {
  t: readonly number[]
  drift: number
  /** incremental β to spend at each look (0: no futility stop there) */
  betaIncrements: readonly number[]
  efficacy:
    | { kind: 'fixed'; upper: readonly number[] }
    | { kind: 'binding'; alphaIncrements: readonly number[] }
  r: number
  guess?: { upper: readonly number[]; futility: readonly number[] }
}

export interface BetaPass {
  /** efficacy bounds b_k (the given ones, or solved under H0 when binding) */
  upper: number[]
  /** a_k: −∞ where nothing is spent; interim values clipped to b_k; the last one = b_K */
  futility: number[]
  /** z_{Δβ_K} − z_{P_θ(continue, Z_K ≤ b_K)}: 0 when the design meets; +∞ when all paths have stopped */
  mismatch: number
}

export function solveBetaBoundaries(input: BetaPassInput): BetaPass {
  const { t, drift, betaIncrements, efficacy, r, guess } = input
  const K = t.length
  const gridAt = preciseGridRule(t, r)
  const upper: number[] = []
  const futility: number[] = []
  let prevDrift: LookDensity | null = null
  let prevNull: LookDensity | null = null
  for (let k = 0; k < K; k++) {
    const tk = t[k] as number
    const b =
      efficacy.kind === 'fixed'
        ? (efficacy.upper[k] as number)
        : solveCrossingBound(
            prevNull,
            tk,
            efficacy.alphaIncrements[k] as number,
            0,
            'upper',
            guess?.upper[k] ?? extrapolatedGuess(t, upper, k)
          )
    // all paths have stopped before this look: the drift is beyond any solution
    if (Number.isNaN(b)) return { upper, futility, mismatch: Infinity }
    const increment = betaIncrements[k] as number
    if (k === K - 1) {
      // the futility bound meets b_K exactly when P_θ(continue, Z_K ≤ b_K) = Δβ_K
      const below = crossing(prevDrift, tk, b, drift, 'lower').p
      upper.push(b)
      futility.push(b)
      const mismatch = below > 0 ? normalQuantile(increment) - normalQuantile(below) : Infinity
      return { upper, futility, mismatch }
    }
    const start = guess?.futility[k]
    const a = solveCrossingBound(
      prevDrift,
      tk,
      increment,
      drift,
      'lower',
      start !== undefined && Number.isFinite(start) ? start : undefined
    )
    if (Number.isNaN(a)) return { upper, futility, mismatch: Infinity }
    upper.push(b)
    futility.push(Math.min(a, b))
    const intervals = continuationIntervals({ lower: Math.min(a, b), upper: b })
    prevDrift = nextDensity(prevDrift, tk, gridAt(k, intervals, drift * Math.sqrt(tk)), drift)
    if (efficacy.kind === 'binding') {
      prevNull = nextDensity(prevNull, tk, gridAt(k, intervals, 0), 0)
    }
  }
  return { upper, futility, mismatch: Infinity }
}

/** The density at look k on `grid`: the first look's, or propagated from look k − 1. */
function nextDensity(prev: LookDensity | null, t: number, grid: Grid, drift: number): LookDensity {
  return prev === null ? firstLookDensity(t, grid, drift) : propagateDensity(prev, t, grid, drift)
}
