import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { normalQuantile } from '../distributions/normalQuantile'

/**
 * Seeded random variates of the teaching simulator. One xoroshiro128+ generator (Blackman & Vigna 2018; pure-rand
 * 8.4.2) per simulation, advanced in a fixed order, so a seed always gives the same draws on every host.
 * Every variate is drawn by inversion from exactly one uniform, so each simulated trial consumes a fixed number of
 * uniforms and one run's draws never depend on another run's values.
 */
export interface UniformSource {
  /** a uniform in the open interval (0, 1), a multiple of 2⁻⁵³ plus 2⁻⁵⁴ */
  next: () => number
}

const TWO_POW_26 = 67108864
const TWO_POW_MINUS_53 = 1 / 9007199254740992
const HALF_ULP = TWO_POW_MINUS_53 / 2

/**
 * The seed is folded to 32 bits (pure-rand seeds xoroshiro128+ from an int32): seeds that differ only above bit 32
 * are mixed into the low word first, so e.g. 1 and 2³² + 1 give different streams.
 */
export function uniformSource(seed: number): UniformSource {
  const high = Math.floor(seed / 4294967296)
  const rng = xoroshiro128plus((seed ^ Math.imul(high, 0x9e3779b1)) | 0)
  return {
    next: () => {
      // 53 random bits as in pure-rand's uniformFloat64, shifted by half a step so that 0 (Φ⁻¹(0) = −∞) never occurs.
      const hi = (rng.next() >>> 5) * TWO_POW_26
      const lo = rng.next() >>> 6
      return (hi + lo) * TWO_POW_MINUS_53 + HALF_ULP
    }
  }
}

/** A standard normal deviate by inversion, Φ⁻¹(U) (the engine's normal quantile, relative error ~1e-15). */
export function standardNormal(u: UniformSource): number {
  return normalQuantile(u.next())
}

/** Above this mean, the binomial search starts at the mode instead of at 0 (cost O(√(npq)) instead of O(np)). */
const SEARCH_FROM_ZERO_BELOW = 16

/**
 * A Bin(n, p) draw by exact inversion of one uniform (Kachitvichyanukul & Schmeiser 1988, algorithm BINV, for small
 * means; for larger means the same inversion over the support ordered outward from the mode, m, m−1, m+1, …, which
 * is exact too and costs O(√(npq)) steps). p > ½ draws n − Bin(n, 1 − p) so the search runs over the short tail.
 */
export function binomial(u: UniformSource, n: number, p: number): number {
  if (p <= 0 || n === 0) {
    u.next() // keep the stream aligned: every draw uses one uniform
    return 0
  }
  if (p >= 1) {
    u.next()
    return n
  }
  if (p > 0.5) return n - binomial(u, n, 1 - p)
  const x = u.next()
  return n * p < SEARCH_FROM_ZERO_BELOW ? searchFromZero(x, n, p) : searchFromMode(x, n, p)
}

function searchFromZero(x: number, n: number, p: number): number {
  const ratio = p / (1 - p)
  let f = Math.pow(1 - p, n)
  let cumulative = f
  let k = 0
  while (x > cumulative && k < n) {
    f *= (ratio * (n - k)) / (k + 1)
    k++
    cumulative += f
  }
  return k
}

function searchFromMode(x: number, n: number, p: number): number {
  const q = 1 - p
  const ratio = p / q
  const mode = Math.min(n, Math.floor((n + 1) * p))
  const fMode = Math.exp(
    logFactorial(n) -
      logFactorial(mode) -
      logFactorial(n - mode) +
      mode * Math.log(p) +
      (n - mode) * Math.log(q)
  )
  let remaining = x - fMode
  if (remaining <= 0) return mode
  let down = mode
  let fDown = fMode
  let up = mode
  let fUp = fMode
  for (;;) {
    const canDown = down > 0
    const canUp = up < n
    if (!canDown && !canUp) return mode // only rounding leaves mass over: the mode is the safest answer
    if (canDown) {
      fDown *= down / ((n - down + 1) * ratio) // f(k−1) = f(k)·k/((n−k+1)·p/q)
      down--
      remaining -= fDown
      if (remaining <= 0) return down
    }
    if (canUp) {
      fUp *= ((n - up) * ratio) / (up + 1)
      up++
      remaining -= fUp
      if (remaining <= 0) return up
    }
  }
}

const LOG_FACTORIAL_TABLE_SIZE = 256
const logFactorialTable: number[] = [0]
for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
  logFactorialTable.push((logFactorialTable[k - 1] as number) + Math.log(k))
}

/** ln k!: a table below 256, Stirling's series beyond (truncation error < 1e-17 there). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k] as number
  const inv = 1 / k
  const inv2 = inv * inv
  return (
    (k + 0.5) * Math.log(k) -
    k +
    0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  )
}
