import { LD98_STEP } from '../constants'

/**
 * Integration grids for the group-sequential recursion, on the Z scale of one look.
 *
 * A grid covers the continuation region of a look, a union of disjoint intervals (one normally; two when an inner
 * futility wedge splits it). Each interval is an equally spaced run of points, so that the Gaussian kernel between
 * two looks can be evaluated by recurrence instead of one exponential per pair (see recursiveDensity.ts).
 */
export interface GridRun {
  /** index of the run's first point in z/w */
  offset: number
  count: number
  /** distance between consecutive points of the run */
  step: number
}

export interface Grid {
  z: Float64Array
  w: Float64Array
  runs: GridRun[]
}

/** A continuation interval on the Z scale. */
export type Interval = readonly [lo: number, hi: number]

function buildGrid(
  intervals: readonly Interval[],
  panels: (lo: number, hi: number) => number,
  weights: (i: number, n: number, h: number) => number,
  pointsPerPanel: number
): Grid {
  const usable = intervals.filter(
    ([lo, hi]) => hi > lo && Number.isFinite(lo) && Number.isFinite(hi)
  )
  const steps = usable.map(([lo, hi]) => pointsPerPanel * panels(lo, hi))
  const total = steps.reduce((sum, n) => sum + n + 1, 0)
  const z = new Float64Array(total)
  const w = new Float64Array(total)
  const runs: GridRun[] = []
  let offset = 0
  usable.forEach(([lo, hi], r) => {
    const n = steps[r] as number
    const h = (hi - lo) / n
    runs.push({ offset, count: n + 1, step: h })
    for (let i = 0; i <= n; i++) {
      z[offset + i] = lo + i * h
      w[offset + i] = weights(i, n, h)
    }
    offset += n + 1
  })
  return { z, w, runs }
}

const simpsonWeight = (i: number, n: number, h: number): number =>
  i === 0 || i === n ? h / 3 : i % 2 === 1 ? (4 * h) / 3 : (2 * h) / 3

/**
 * The `precise` grid: composite Simpson rule on each interval clipped to [mean − halfWidth, mean + halfWidth],
 * with panels (pairs of steps) no wider than `panelWidth`. Jennison & Turnbull (2000, ch. 19, p. 349) use panels of
 * 3/(2r) in the core and logarithmically spaced tails; here the whole run is uniform and the caller narrows the
 * panels to a fraction of the kernel's standard deviation when looks are close, which is what keeps 100-look designs
 * accurate (the tails beyond ±halfWidth hold < φ(10) ≈ 8e-23 of density).
 */
export function uniformSimpsonGrid(
  intervals: readonly Interval[],
  mean: number,
  panelWidth: number,
  halfWidth: number
): Grid {
  const clipped: Interval[] = []
  for (const [lo, hi] of intervals) {
    const a = Math.max(lo, mean - halfWidth)
    const b = Math.min(hi, mean + halfWidth)
    if (b > a) clipped.push([a, b])
  }
  return buildGrid(
    clipped,
    (lo, hi) => Math.max(1, Math.ceil((hi - lo) / panelWidth)),
    simpsonWeight,
    2
  )
}

/**
 * The ld98 grid (Reboussin, DeMets, Kim & Lan 2000; R ldbounds `landem`): on the Y = Z·√t scale, the interval
 * [ya, yb] cut into ceil((yb − ya)/(h·√Δt)) equal steps, h = 0.05, Δt the information increment that led to this
 * look (t itself at the first look); trapezoid weights. Returned on the Z scale (weights divided by √t).
 */
export function ld98Grid(intervals: readonly Interval[], t: number, increment: number): Grid {
  const sqrtT = Math.sqrt(t)
  const stepY = LD98_STEP * Math.sqrt(increment)
  return buildGrid(
    intervals,
    (lo, hi) => Math.ceil(((hi - lo) * sqrtT) / stepY),
    (i, n, h) => (i === 0 || i === n ? 0.5 * h : h),
    1
  )
}
