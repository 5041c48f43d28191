import { KERNEL_HALF_WIDTH_SD } from '../constants'
import { normalUpperTail } from '../distributions/normalUpperTail'
import type { Grid, GridRun } from './integrationGrid'

/**
 * The Armitage–McPherson–Rowe recursion (Jennison & Turnbull 2000, ch. 19, eq. 19.3–19.5) for Z_k = S_k/√t_k,
 * S a Brownian motion with drift θ per unit information fraction: S_k − S_{k−1} ~ N(θΔ, Δ), Δ = t_k − t_{k−1}.
 *
 * Notation: a look's density is held as points z (ascending, Z scale) and c = w·h(z), the quadrature weight times
 * the sub-density of Z_k on paths that have not stopped. Then
 *   h_k(z)             = Σ_j c_j · (√t_k/√Δ) · φ((z√t_k − z_j√t_{k−1} − θΔ)/√Δ)
 *   P(Z_k ≥ b, cont.)  = Σ_j c_j · Q((b√t_k − z_j√t_{k−1} − θΔ)/√Δ)
 *   P(Z_k ≤ a, cont.)  = Σ_j c_j · Φ((a√t_k − z_j√t_{k−1} − θΔ)/√Δ)
 * Kernel terms beyond KERNEL_HALF_WIDTH_SD are dropped (exactly 0 or 1 at double precision for the tails).
 * Inputs are trusted: callers validate ranges.
 */
export interface LookDensity {
  /** information fraction of this look */
  t: number
  z: Float64Array
  /** quadrature weight × sub-density at z */
  c: Float64Array
  /** the equally spaced runs of z (from the grid) */
  runs: GridRun[]
  /** the runs overlap, z is not ascending (a sparse ld98 grid, integrationGrid.ts) */
  unsorted?: true
}

const INV_SQRT_2PI = 0.3989422804014327
/** Q(u) for u beyond this is below 1e-33 and is dropped from crossing sums. */
const TAIL_CUTOFF = 12

/** The density of Z_1 on the grid of the first look: c = w·φ(z − θ√t_1). */
export function firstLookDensity(t: number, grid: Grid, drift: number): LookDensity {
  const mean = drift * Math.sqrt(t)
  const n = grid.z.length
  const c = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const u = (grid.z[i] as number) - mean
    c[i] = (grid.w[i] as number) * INV_SQRT_2PI * Math.exp(-0.5 * u * u)
  }
  return grid.unsorted
    ? { t, z: grid.z, c, runs: grid.runs, unsorted: true }
    : { t, z: grid.z, c, runs: grid.runs }
}

/**
 * The density at look k on `grid` from the density of look k − 1.
 *
 * Structure of the kernel: both grids are equally spaced runs, so the argument u of the Gaussian kernel between
 * new point i and old point j is u_ij = u_00 + i·A − j·B (A, B the two steps in kernel units). Hence
 *   g_ij = e^{−u_ij²/2} satisfies  g_{i,j+1} = g_ij·q_ij,  q_ij = e^{u_ij·B − B²/2},  q_{i,j+1} = q_ij·e^{−B²}
 *                                  g_{i+1,j} = g_ij·r_ij,  r_ij = e^{−u_ij·A − A²/2}, r_{i+1,j} = r_ij·e^{−A²}
 * (and q, r pick up a factor e^{±AB} when the other index moves). The whole band |u| ≤ KERNEL_HALF_WIDTH_SD is
 * walked with multiplications only: a handful of exponentials per pair of runs instead of one per pair of points.
 * With `symmetric` (H0, region symmetric about 0) only the lower half of the new points is computed and mirrored.
 */
export function propagateDensity(
  prev: LookDensity,
  t: number,
  grid: Grid,
  drift: number,
  symmetric = false
): LookDensity {
  const invSd = 1 / Math.sqrt(t - prev.t)
  const sqrtT = Math.sqrt(t)
  const sqrtPrev = Math.sqrt(prev.t)
  const shift = drift * (t - prev.t)
  const n = grid.z.length
  const sums = new Float64Array(n)
  const last = symmetric ? (n - 1) >> 1 : n - 1
  for (const oldRun of prev.runs) {
    for (const newRun of grid.runs) {
      if (newRun.offset > last) continue
      const pair: RunPair = {
        u00:
          ((grid.z[newRun.offset] as number) * sqrtT -
            (prev.z[oldRun.offset] as number) * sqrtPrev -
            shift) *
          invSd,
        A: newRun.step * sqrtT * invSd,
        B: oldRun.step * sqrtPrev * invSd,
        rows: Math.min(newRun.count, last - newRun.offset + 1),
        cols: oldRun.count
      }
      accumulateRunPair(pair, prev.c, oldRun.offset, sums, newRun.offset)
    }
  }
  const scale = sqrtT * invSd * INV_SQRT_2PI
  const c = new Float64Array(n)
  for (let i = 0; i <= last; i++) c[i] = (grid.w[i] as number) * scale * (sums[i] as number)
  if (symmetric) for (let i = last + 1; i < n; i++) c[i] = c[n - 1 - i] as number
  return grid.unsorted
    ? { t, z: grid.z, c, runs: grid.runs, unsorted: true }
    : { t, z: grid.z, c, runs: grid.runs }
}

/** Kernel geometry between one run of old points and one run of new points (see propagateDensity). */
interface RunPair {
  u00: number
  A: number
  B: number
  rows: number
  cols: number
}

/** sums[rowOffset + i] += Σ_j c[colOffset + j]·e^{−u_ij²/2} over the band |u_ij| ≤ L, by recurrence. */
function accumulateRunPair(
  pair: RunPair,
  c: Float64Array,
  colOffset: number,
  sums: Float64Array,
  rowOffset: number
): void {
  const { u00, A, B, rows, cols } = pair
  const L = KERNEL_HALF_WIDTH_SD
  // A kernel much narrower than the old step (a tiny information increment) would overflow the factors; then
  // the band holds a few points and exponentials are cheap.
  if (B > 0.5 || A > 0.5) {
    for (let i = 0; i < rows; i++) {
      const u0 = u00 + i * A
      const jStart = Math.max(0, Math.ceil((u0 - L) / B))
      const jEnd = Math.min(cols - 1, Math.floor((u0 + L) / B))
      let sum = 0
      for (let j = jStart; j <= jEnd; j++) {
        const u = u0 - j * B
        sum += (c[colOffset + j] as number) * Math.exp(-0.5 * u * u)
      }
      sums[rowOffset + i] = (sums[rowOffset + i] as number) + sum
    }
    return
  }
  const eB = Math.exp(-B * B)
  const eB3 = eB * eB * eB
  const eA = Math.exp(-A * A)
  const eAB = Math.exp(A * B)
  // State at (i, js): g = e^{−u²/2}, q = e^{uB − B²/2}, r = e^{−uA − A²/2}; js = band start of row i.
  let js = -1
  let g = 0
  let q = 0
  let r = 0
  for (let i = 0; i < rows; i++) {
    const u0 = u00 + i * A
    const jStart = Math.max(0, Math.ceil((u0 - L) / B))
    const jEnd = Math.min(cols - 1, Math.floor((u0 + L) / B))
    if (jStart > jEnd) {
      if (js >= 0) break // the band has moved past the old run: no later row meets it
      continue
    }
    if (js < 0 || !(g > 0)) {
      js = jStart
      const u = u0 - js * B
      g = Math.exp(-0.5 * u * u)
      q = Math.exp(u * B - 0.5 * B * B)
      r = Math.exp(-u * A - 0.5 * A * A)
    } else {
      // one row down at column js, then along the row to the new band start
      g *= r
      q *= eAB
      r *= eA
      for (; js < jStart; js++) {
        g *= q
        q *= eB
        r *= eAB
      }
    }
    // Two interleaved chains (even and odd j): g_{j+2} = g_j·q_j·q_{j+1}; the factors then step by e^{−4B²}.
    const qq = q * q
    let gA = g
    let gB = g * q
    let qA = qq * eB
    let qB = qq * eB3
    const decay = eB3 * eB
    let sumA = 0
    let sumB = 0
    let j = colOffset + jStart
    const end = colOffset + jEnd
    for (; j < end; j += 2) {
      sumA += (c[j] as number) * gA
      sumB += (c[j + 1] as number) * gB
      gA *= qA
      gB *= qB
      qA *= decay
      qB *= decay
    }
    if (j === end) sumA += (c[j] as number) * gA
    sums[rowOffset + i] = (sums[rowOffset + i] as number) + sumA + sumB
  }
}

export type Side = 'upper' | 'lower'

/** A crossing probability and its first two derivatives in the bound (for Newton/Halley root finding). */
export interface Crossing {
  p: number
  dp: number
  d2p: number
}

/**
 * P(continue to look k − 1, Z_k ≥ x) for the upper side, P(continue, Z_k ≤ x) for the lower side, with the first
 * two derivatives in x. `prev` null means x is a first-look bound. Terms with |u| > `cutoff` are exactly 0 or 1 to
 * the accuracy asked for: the caller passes a cutoff relative to the probability it is matching.
 */
export function crossing(
  prev: LookDensity | null,
  t: number,
  x: number,
  drift: number,
  side: Side,
  cutoff: number = TAIL_CUTOFF
): Crossing {
  const sign = side === 'upper' ? 1 : -1
  if (x === sign * Infinity) return { p: 0, dp: 0, d2p: 0 }
  if (prev === null) {
    // v = distance into the crossing side's tail: P = Q(v)
    const v = sign * (x - drift * Math.sqrt(t))
    const phi = INV_SQRT_2PI * Math.exp(-0.5 * v * v)
    return { p: normalUpperTail(v), dp: -sign * phi, d2p: v * phi }
  }
  const delta = t - prev.t
  const invSd = 1 / Math.sqrt(delta)
  const sqrtPrev = Math.sqrt(prev.t)
  const centre = x * Math.sqrt(t) - drift * delta
  const z = prev.z
  const c = prev.c
  let p = 0
  let phiSum = 0
  let uPhiSum = 0
  // Within a run z rises, so v = sign·u falls as we walk towards the crossing side: each run's loop stops at its
  // first negligible term (runs of an unsorted grid are each sorted).
  const runs = prev.unsorted ? prev.runs : [{ offset: 0, count: z.length }]
  for (const run of runs) {
    const first = run.offset
    const last = run.offset + run.count - 1
    for (let n = 0; n < run.count; n++) {
      const j = sign === 1 ? last - n : first + n
      const v = sign * (centre - (z[j] as number) * sqrtPrev) * invSd
      if (v > cutoff) break
      const cj = c[j] as number
      if (v < -cutoff) {
        p += cj
        continue
      }
      const phi = Math.exp(-0.5 * v * v)
      p += cj * normalUpperTail(v)
      phiSum += cj * phi
      uPhiSum += cj * v * phi
    }
  }
  const k = Math.sqrt(t) * invSd
  return { p, dp: -sign * phiSum * INV_SQRT_2PI * k, d2p: uPhiSum * INV_SQRT_2PI * k * k }
}
