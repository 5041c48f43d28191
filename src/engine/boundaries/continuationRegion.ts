import { Z_UNREACHABLE } from '../constants'
import type { Interval } from './integrationGrid'

/**
 * Where a path continues after look k, on the Z scale: between `lower` and `upper`, minus the open inner wedge
 * (−wedge, wedge) when a two-sided design stops for futility near zero. ±∞ bounds are clipped to ±Z_UNREACHABLE
 * (gsDesign's EXTREMEZ), beyond which the density is below 1e-88.
 */
export interface ContinuationRegion {
  lower: number
  upper: number
  /** two-sided futility: paths with |Z| < wedge stop; 0 or absent = no wedge */
  wedge?: number
}

export function continuationIntervals(region: ContinuationRegion): Interval[] {
  const lo = Math.max(region.lower, -Z_UNREACHABLE)
  const hi = Math.min(region.upper, Z_UNREACHABLE)
  const wedge = region.wedge ?? 0
  if (!(wedge > 0)) return [[lo, hi]]
  return [
    [lo, Math.min(-wedge, hi)],
    [Math.max(wedge, lo), hi]
  ]
}
