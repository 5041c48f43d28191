import { PRECISE_GRID_R } from '../constants'
import { continuationIntervals, type ContinuationRegion } from './continuationRegion'
import { ld98GridRule, preciseGridRule, type GridRule } from './gridRules'
import { crossing, firstLookDensity, propagateDensity, type LookDensity } from './recursiveDensity'

/**
 * Exit probabilities of a given boundary set under drift θ (E[Z_k] = θ√t_k), by the same recursion as the
 * boundaries (methods.md §6): the chance of stopping at each look across the upper bound, across the lower bound,
 * and (two-sided designs with an inner wedge) inside the futility wedge.
 *
 * Uses: type I error of any boundary set (θ = 0), power (θ = θ_A), the naive repeated-testing error of ±1.96 at
 * every look (0.142 at 5 equal looks; Armitage, McPherson & Rowe 1969), and the inflation factor.
 */
export interface BoundarySet {
  informationFractions: readonly number[]
  /** +∞ = no upper bound at that look */
  upper: readonly number[]
  /** −∞ = no lower bound */
  lower: readonly number[]
  /** half-width of an inner futility wedge per look (two-sided designs); 0 = none */
  wedge?: readonly number[]
}

export interface ExitProbabilities {
  upper: number[]
  lower: number[]
  wedge: number[]
  /** cumulative probability of having stopped by each look */
  cumulative: number[]
  total: number
}

export function gridRuleFor(
  engine: 'tsa' | 'precise',
  t: readonly number[],
  r = PRECISE_GRID_R
): GridRule {
  return engine === 'tsa' ? ld98GridRule(t) : preciseGridRule(t, r)
}

export function exitProbabilities(
  bounds: BoundarySet,
  drift: number,
  engine: 'tsa' | 'precise' = 'precise'
): ExitProbabilities {
  const t = bounds.informationFractions
  const gridAt = gridRuleFor(engine, t)
  const upper: number[] = []
  const lower: number[] = []
  const wedge: number[] = []
  const cumulative: number[] = []
  let prev: LookDensity | null = null
  let total = 0
  for (let k = 0; k < t.length; k++) {
    const tk = t[k] as number
    const b = bounds.upper[k] as number
    const a = bounds.lower[k] as number
    const w = bounds.wedge?.[k] ?? 0
    const up = crossing(prev, tk, b, drift, 'upper').p
    const down = crossing(prev, tk, a, drift, 'lower').p
    // Inside the wedge: P(Z ≤ w) − P(Z ≤ −w), both on continuing paths.
    const inside =
      w > 0 ? crossing(prev, tk, w, drift, 'lower').p - crossing(prev, tk, -w, drift, 'lower').p : 0
    upper.push(up)
    lower.push(down)
    wedge.push(Math.max(0, inside))
    total += up + down + Math.max(0, inside)
    cumulative.push(total)
    if (k === t.length - 1) break
    const region: ContinuationRegion =
      w > 0 ? { lower: a, upper: b, wedge: w } : { lower: a, upper: b }
    const grid = gridAt(k, continuationIntervals(region), drift * Math.sqrt(tk))
    prev =
      prev === null ? firstLookDensity(tk, grid, drift) : propagateDensity(prev, tk, grid, drift)
  }
  return { upper, lower, wedge, cumulative, total }
}
