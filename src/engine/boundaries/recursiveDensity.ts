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
  return { t, z: grid.z, c, runs: grid.runs }
}

/**
 * The density at look k on `grid` from the density of look k − 1.
 *
 * Both grids are equally spaced runs, so along a run of old points the kernel argument is arithmetic,
 * u_j = u_0 − jB, and e^{−u²/2} follows by recurrence: g_{j+1} = g_j·q_j, q_{j+1} = q_j·e^{−B²}, with
 * q_j = e^{u_j·B − B²/2}. Two exponentials per new point and run instead of one per pair; only the band
 * |u| ≤ KERNEL_HALF_WIDTH_SD is visited. With `symmetric` (H0, region symmetric about 0) only the lower half of
 * the new points is computed and mirrored.
 */
export function propagateDensity(
  prev: LookDensity,
  t: number,
  grid: Grid,
  drift: number,
  symmetric = false
): LookDensity {
  const delta = t - prev.t
  const invSd = 1 / Math.sqrt(delta)
  const sqrtT = Math.sqrt(t)
  const sqrtPrev = Math.sqrt(prev.t)
  const shift = drift * delta
  const scale = sqrtT * invSd * INV_SQRT_2PI
  const n = grid.z.length
  const c = new Float64Array(n)
  const last = symmetric ? (n - 1) >> 1 : n - 1
  const L = KERNEL_HALF_WIDTH_SD
  const pz = prev.z
  const pc = prev.c
  for (const run of prev.runs) {
    const y0 = pz[run.offset] as number
    const B = run.step * sqrtPrev * invSd
    // A kernel much narrower than the run's step (a tiny information increment) would overflow q: use exp directly.
    const direct = B > 0.5
    const decay4 = Math.exp(-4 * B * B)
    const twoB2 = 2 * B * B
    const jMax = run.count - 1
    for (let i = 0; i <= last; i++) {
      const u0 = ((grid.z[i] as number) * sqrtT - y0 * sqrtPrev - shift) * invSd
      // band: |u0 − jB| ≤ L
      let jStart = Math.ceil((u0 - L) / B)
      let jEnd = Math.floor((u0 + L) / B)
      if (jStart < 0) jStart = 0
      if (jEnd > jMax) jEnd = jMax
      if (jStart > jEnd) continue
      let sum = 0
      const base = run.offset
      if (direct) {
        for (let j = jStart; j <= jEnd; j++) {
          const u = u0 - j * B
          sum += (pc[base + j] as number) * Math.exp(-0.5 * u * u)
        }
        c[i] = (c[i] as number) + sum
        continue
      }
      // Two interleaved recurrences (even and odd j) halve the dependency chain of the products:
      // g_{j+2} = g_j·q_j, q_j = e^{2u_j·B − 2B²}, q_{j+2} = q_j·e^{−4B²}. (Four chains measured slower.)
      const uA = u0 - jStart * B
      const uB = uA - B
      let gA = Math.exp(-0.5 * uA * uA)
      let gB = Math.exp(-0.5 * uB * uB)
      let qA = Math.exp(2 * uA * B - twoB2)
      let qB = Math.exp(2 * uB * B - twoB2)
      let sumB = 0
      let j = base + jStart
      const end = base + jEnd
      for (; j < end; j += 2) {
        sum += (pc[j] as number) * gA
        sumB += (pc[j + 1] as number) * gB
        gA *= qA
        gB *= qB
        qA *= decay4
        qB *= decay4
      }
      if (j === end) sum += (pc[j] as number) * gA
      sum += sumB
      c[i] = (c[i] as number) + sum
    }
  }
  for (let i = 0; i <= last; i++) c[i] = (grid.w[i] as number) * scale * (c[i] as number)
  if (symmetric) for (let i = last + 1; i < n; i++) c[i] = c[n - 1 - i] as number
  return { t, z: grid.z, c, runs: grid.runs }
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
  // v = sign·u falls as we walk towards the crossing side, so the loop stops at the first negligible term.
  const m = z.length
  for (let n = 0; n < m; n++) {
    const j = sign === 1 ? m - 1 - n : n
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
  const k = Math.sqrt(t) * invSd
  return { p, dp: -sign * phiSum * INV_SQRT_2PI * k, d2p: uPhiSum * INV_SQRT_2PI * k * k }
}
