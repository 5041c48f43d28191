import { normalUpperQuantile } from '../distributions/normalQuantile'
import { cumulativeSpend, type SpendingSpec } from '../spending'
import type { AlphaBoundaries } from './solveAlphaBoundaries'
import { solveBetaBoundaries, type BetaPass } from './solveBetaBoundaries'
import { solveDesignDrift } from './solveDesignDrift'

/**
 * Design-style β-spending futility (methods.md §7), binding or non-binding, one- or two-sided, on looks t that end
 * at t_K = 1 (the caller appends the final analysis when needed).
 *
 *   β spent:   β*(t) = the β-spending family of methods.md §5 with total β (OBF: 2 − 2Φ(z_{1−β/2}/√t)), under the
 *              drift θ (E[Z_k] = θ√t_k); the last look spends the remainder β − β*(t_{K−1}).
 *   efficacy:  α-spending per side (α/sides) under H0: given (non-binding) or solved together with the futility
 *              region (binding), see solveBetaBoundaries.ts.
 *   drift:     θ with a_K = b_K (solveDesignDrift.ts); inflation factor R = (θ/θ_F)², θ_F = z_{1−α/sides} + z_{1−β}.
 *
 * Two-sided designs follow RTSA 0.2.2 `boundaries()` (R/boundaries.R, R/RTSA_helperfunctions.R `beta_boundary`,
 * `inf_warp`): the β bounds are computed as one-sided ones on the benefit side under θ, i.e. every path below a_k
 * stops (continuation (a_k, b_k)), and reported as the inner wedge ±a_k. A first pass finds the looks whose a_k is
 * negative (or −∞); their β-spending is then removed, so that β*(t) is first spent at the first look kept (RTSA's
 * `rm_bs`: spending time set to 0), and the design is solved again. RTSA does this once; here it is repeated until
 * no interim bound is negative (the same result whenever RTSA's single repetition suffices). Looks without futility
 * get −∞ (null in the DTO).
 *
 * Returns null when no drift meets the conditions (numerically impossible designs).
 */
export interface BetaSpendingDesignInput {
  /** information fractions, increasing, last = 1 */
  t: readonly number[]
  alphaPerSide: number
  sides: 1 | 2
  beta: number
  betaSpending: SpendingSpec
  /** non-binding: the efficacy bounds (any engine); binding: null, solved here with the α-spending function */
  efficacy: AlphaBoundaries | null
  spending: SpendingSpec
  r: number
}

export interface BetaSpendingDesign {
  upper: number[]
  spendPerSide: number[]
  /** a_k (a_K = b_K); −∞ where there is no futility stop */
  futility: number[]
  drift: number
  fixedDrift: number
  /** number of leading looks whose β-spending was removed (two-sided, RTSA's rm_bs) */
  deferredLooks: number
}

export function solveBetaSpendingDesign(input: BetaSpendingDesignInput): BetaSpendingDesign | null {
  const { t, alphaPerSide, sides, beta, betaSpending, efficacy, spending, r } = input
  const K = t.length
  const fixedDrift = normalUpperQuantile(alphaPerSide) + normalUpperQuantile(beta)
  const alphaIncrements = increments(t, (tk) => cumulativeSpend(spending, alphaPerSide, tk), 0)
  const solve = (deferred: number, start?: number): ReturnType<typeof solveDesignDrift> => {
    const betaIncrements = increments(t, (tk) => cumulativeSpend(betaSpending, beta, tk), deferred)
    const pass = (drift: number, guess: BetaPass | undefined): BetaPass =>
      solveBetaBoundaries({
        t,
        drift,
        betaIncrements,
        efficacy:
          efficacy === null
            ? { kind: 'binding', alphaIncrements }
            : { kind: 'fixed', upper: efficacy.upper },
        r,
        ...(guess !== undefined ? { guess } : {})
      })
    return solveDesignDrift(pass, fixedDrift, start)
  }
  let deferred = 0
  let solution = solve(deferred)
  while (sides === 2 && solution !== null) {
    const negative = solution.pass.futility.slice(0, K - 1).filter((a) => !(a >= 0)).length
    if (negative <= deferred) break
    deferred = negative
    solution = solve(deferred, solution.drift)
  }
  if (solution === null) return null
  const { upper } = solution.pass
  const futility = solution.pass.futility.map((a, k) =>
    k < deferred ? -Infinity : k === K - 1 ? (upper[k] as number) : a
  )
  return {
    upper,
    spendPerSide: efficacy === null ? alphaIncrements : efficacy.spendPerSide,
    futility,
    drift: solution.drift,
    fixedDrift,
    deferredLooks: deferred
  }
}

/**
 * Incremental spend per look from a cumulative spending function; the first `deferred` looks spend nothing and the
 * last look spends the remainder up to f(1).
 */
function increments(
  t: readonly number[],
  cumulative: (t: number) => number,
  deferred: number
): number[] {
  const out: number[] = []
  let before = 0
  for (let k = 0; k < t.length; k++) {
    const now = k < deferred ? 0 : k === t.length - 1 ? cumulative(1) : cumulative(t[k] as number)
    out.push(Math.max(0, now - before))
    before = Math.max(before, now)
  }
  return out
}
