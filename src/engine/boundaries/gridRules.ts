import { PRECISE_GRID_HALF_WIDTH, PRECISE_PANEL_PER_SD } from '../constants'
import { ld98Grid, uniformSimpsonGrid, type Grid, type Interval } from './integrationGrid'

/** How an engine lays its grid at look k (0-based) over the continuation intervals; `mean` = E[Z_k]. */
export type GridRule = (k: number, intervals: readonly Interval[], mean: number) => Grid

/**
 * The `precise` engine's grid: Simpson panels of at most 3/(2r) (Jennison & Turnbull's core spacing) and at most
 * PRECISE_PANEL_PER_SD × σ_k, where σ_k = √(min(Δ_k, Δ_{k+1})/t_k) is the narrowest Gaussian scale the density of
 * look k meets: the kernel it came through and the kernel it goes through next.
 */
export function preciseGridRule(t: readonly number[], r: number): GridRule {
  const coreWidth = 3 / (2 * r)
  return (k, intervals, mean) => {
    const tk = t[k] as number
    const before = k === 0 ? tk : tk - (t[k - 1] as number)
    const after = k + 1 < t.length ? (t[k + 1] as number) - tk : before
    const sigma = Math.sqrt(Math.min(before, after) / tk)
    const panel = Math.min(coreWidth, PRECISE_PANEL_PER_SD * sigma)
    return uniformSimpsonGrid(intervals, mean, panel, PRECISE_GRID_HALF_WIDTH)
  }
}

/** The `tsa` engine's grid (ld98: trapezoid, step 0.05·√Δt_k on the Y scale). */
export function ld98GridRule(t: readonly number[]): GridRule {
  return (k, intervals) => {
    const tk = t[k] as number
    return ld98Grid(intervals, tk, k === 0 ? tk : tk - (t[k - 1] as number))
  }
}
