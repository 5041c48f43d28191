import type { TwoByTwo } from './types'

/** Measures computed per trial from a 2×2 table. */
export type DichotomousMeasure = 'RR' | 'OR' | 'RD' | 'PetoOR'

/**
 * Effect y and variance v of one 2×2 table (a, b | c, d; n1 = a + b, n2 = c + d, N = n1 + n2), methods.md §1:
 *   RR:  y = ln[(a/n1)/(c/n2)],             v = 1/a − 1/n1 + 1/c − 1/n2
 *   OR:  y = ln(ad/bc),                     v = 1/a + 1/b + 1/c + 1/d
 *   RD:  y = a/n1 − c/n2,                   v = p1(1 − p1)/n1 + p2(1 − p2)/n2
 *   Peto: O − E = a − n1(a + c)/N,  V = n1·n2·(a + c)(b + d)/(N²(N − 1)),  y = (O − E)/V, v = 1/V
 * (metafor escalc measures RR, OR, RD with vtype "LS", PETO). Returns null when y or v is not finite or v ≤ 0 (a zero
 * cell left uncorrected, or no events / all events in both arms).
 */
export function dichotomousEffect(
  measure: DichotomousMeasure,
  t: TwoByTwo
): { y: number; v: number } | null {
  const n1 = t.a + t.b
  const n2 = t.c + t.d
  let y: number
  let v: number
  if (measure === 'RR') {
    y = Math.log(t.a / n1) - Math.log(t.c / n2)
    v = 1 / t.a - 1 / n1 + 1 / t.c - 1 / n2
  } else if (measure === 'OR') {
    y = Math.log(t.a / t.b) - Math.log(t.c / t.d)
    v = 1 / t.a + 1 / t.b + 1 / t.c + 1 / t.d
  } else if (measure === 'RD') {
    const p1 = t.a / n1
    const p2 = t.c / n2
    y = p1 - p2
    v = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2
  } else {
    const { oMinusE, variance } = petoTerms(t)
    y = oMinusE / variance
    v = 1 / variance
  }
  if (!Number.isFinite(y) || !Number.isFinite(v) || !(v > 0)) return null
  return { y, v }
}

/** Peto's O − E and hypergeometric variance V of one table (Yusuf et al. 1985, Prog Cardiovasc Dis 27:335). */
export function petoTerms(t: TwoByTwo): { oMinusE: number; variance: number } {
  const n1 = t.a + t.b
  const n2 = t.c + t.d
  const n = n1 + n2
  const events = t.a + t.c
  const nonEvents = t.b + t.d
  return {
    oMinusE: t.a - (n1 * events) / n,
    variance: (n1 * n2 * events * nonEvents) / (n * n * (n - 1))
  }
}
