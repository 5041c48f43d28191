import { LD98_STEP } from '../constants'
import { normalCdf } from '../distributions/normalCdf'

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
  /** runs overlap (a sparse ld98 grid): z is not ascending as a whole */
  unsorted?: true
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

/** Φ(−ZETA) ≈ 1e-17: the window below is exactly 0 or 1 (to that) beyond ±ZETA transition widths. */
const WINDOW_ZETA = 8.5
/** Transition width of the window, in units of the kernel sd √Δt of this look. */
const WINDOW_WIDTH = 0.6
/**
 * An interval end at |Z| beyond this needs no fine end zone: under H0 the sub-density of Z_k is at most φ(z), so the
 * integrand there is below φ(7.5) ≈ 2.4e-13 of its peak, and so are the trapezoid's end corrections (the search
 * decides on 1e-7). This is the case at every capped look (±8), i.e. at most looks of an analysis of many small trials.
 */
const NEGLIGIBLE_END_Z = 7.5
/** Coarse step at most this many of the narrowest Gaussian scale the windowed integrand has (aliasing < 1e-20). */
const COARSE_STEP_PER_SCALE = 0.5

/**
 * The ld98 grid of one interval, stored sparsely for the next look (same sums to ~1e-15, several times fewer points).
 *
 * Every sum the recursion forms over a look's grid is the fine trapezoid sum Σ_j w_j·f(y_j) of a smooth function
 * f = h·(Gaussian kernel or its tail) of the next look. Split f = f·χ + f·(1 − χ), χ a smooth window (a product of
 * two normal cdfs, transition width τ) that is 0 within ~2·8.5τ of either end and 1 inside. The second part lives on
 * the end zones and keeps its fine points and weights w_j·(1 − χ_j). The first vanishes (to 1e-17) at both ends, so
 * its fine trapezoid sum has no end corrections and equals, up to aliasing of order exp(−2π²σ²/H²) (σ the narrowest
 * Gaussian scale of f·χ, H the coarse step), the same sum over every M-th fine point with weight M·h·χ_j. The fine
 * points are the same floating-point numbers as in `ld98Grid`, so the kernel sees the same arguments.
 * Returns null when the fine grid is already as cheap (short interval, or a next kernel too narrow for M ≥ 2).
 */
export function ld98SparseGrid(
  lo: number,
  hi: number,
  t: number,
  increment: number,
  nextIncrement: number
): Grid | null {
  const sqrtT = Math.sqrt(t)
  const stepY = LD98_STEP * Math.sqrt(increment)
  const n = Math.ceil(((hi - lo) * sqrtT) / stepY)
  const h = (hi - lo) / n // Z scale
  const sdNow = Math.sqrt(increment) / sqrtT // kernel scales on the Z scale of this look
  const sdNext = Math.sqrt(nextIncrement) / sqrtT
  const tau = WINDOW_WIDTH * sdNow
  const windowLo = Math.abs(lo) < NEGLIGIBLE_END_Z
  const windowHi = Math.abs(hi) < NEGLIGIBLE_END_Z
  const windowed = windowLo || windowHi
  const narrowest =
    1 / Math.sqrt(1 / (sdNow * sdNow) + 1 / (sdNext * sdNext) + (windowed ? 1 / (tau * tau) : 0))
  let M = Math.floor((COARSE_STEP_PER_SCALE * narrowest) / h)
  const zone = Math.ceil((2 * WINDOW_ZETA * tau) / h) // fine points kept at a windowed end
  const zoneLo = windowLo ? zone : -1
  const zoneHi = windowHi ? zone : -1
  // worth it only when it at least halves the points (the end zones keep their fine points)
  if (M < 2 || 2 * (zoneLo + zoneHi + 2 + n / M) > n) return null
  // coarse indices s, s + M, …, n − s: symmetric about the middle, so a symmetric interval gives a symmetric grid
  let s = -1
  for (; M >= 2; M--) {
    for (let c = 0; c < M; c++) {
      if ((n - 2 * c) % M === 0) {
        s = c
        break
      }
    }
    if (s >= 0) break
  }
  if (s < 0) return null
  const coarseCount = (n - 2 * s) / M + 1
  const total = zoneLo + 1 + coarseCount + zoneHi + 1
  const z = new Float64Array(total)
  const w = new Float64Array(total)
  const L = WINDOW_ZETA * tau
  const window = (x: number): number =>
    (windowLo ? normalCdf((x - lo - L) / tau) : 1) * (windowHi ? normalCdf((hi - L - x) / tau) : 1)
  const trapezoid = (j: number): number => (j === 0 || j === n ? 0.5 * h : h)
  let p = 0
  for (let j = 0; j <= zoneLo; j++, p++) {
    z[p] = lo + j * h
    w[p] = trapezoid(j) * (1 - window(z[p] as number))
  }
  for (let i = 0; i < coarseCount; i++, p++) {
    const j = s + i * M
    z[p] = lo + j * h
    w[p] = M * h * window(z[p] as number)
  }
  for (let j = n - zoneHi; j <= n && zoneHi >= 0; j++, p++) {
    z[p] = lo + j * h
    w[p] = trapezoid(j) * (1 - window(z[p] as number))
  }
  const runs: GridRun[] = [
    { offset: 0, count: zoneLo + 1, step: h },
    { offset: zoneLo + 1, count: coarseCount, step: M * h },
    { offset: zoneLo + 1 + coarseCount, count: zoneHi + 1, step: h }
  ].filter((run) => run.count > 0)
  return { z, w, runs, unsorted: true }
}
