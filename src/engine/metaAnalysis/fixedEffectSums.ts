import { petoTerms } from './dichotomousEffect'
import type { TrialEffect, TwoByTwo } from './types'

/**
 * Running sums of the Mantel–Haenszel estimators for one source of counts (n1 = a + b, n2 = c + d, N = n1 + n2):
 *   RR: r = Σa·n2/N, s = Σc·n1/N, p = Σ(n1·n2·(a + c)/N² − a·c/N)
 *   OR: r = Σad/N, s = Σbc/N, pr = ΣP·R, psqr = Σ(P·S + Q·R), qs = ΣQ·S  with P = (a + d)/N, Q = (b + c)/N
 *   RD: num = Σ(a·n2 − c·n1)/N, w = Σn1·n2/N, gr = Σ(a·b·n2²/n1 + c·d·n1²/n2)/N²,
 *       satoA = Σ[c(n1/N)² − a(n2/N)² + (n1/N)(n2/N)(n2 − n1)/2], satoB = Σ[a(n2 − c) + c(n1 − a)]/(2N)
 *   Peto: oe = Σ(O − E), v = ΣV, q = Σ(O − E)²/V
 */
export interface MantelHaenszelSums {
  rrR: number
  rrS: number
  rrP: number
  orR: number
  orS: number
  orPR: number
  orPSQR: number
  orQS: number
  rdNum: number
  rdW: number
  rdGR: number
  rdSatoA: number
  rdSatoB: number
  petoOE: number
  petoV: number
  /** Σ(O − E)²/V over tables with V > 0 (Q of Peto's method, as metafor's rma.peto) */
  petoQ: number
}

/**
 * Everything a look needs that accumulates trial by trial (O(1) per added trial):
 * IV weights w = 1/v with S1 = Σw, S2 = Σw², S1² − S2; the IV mean and M2 = Σw(y − ȳ_w)² by West's (1979, Commun ACM 22:532)
 * weighted update, which stays accurate where Σwy² − (Σwy)²/Σw would cancel; MH/Peto sums of the corrected and the
 * raw counts; participants and events.
 */
export interface FixedEffectSums {
  k: number
  s1: number
  s2: number
  /** S1² − S2 = Σ_{i≠j} w_i·w_j, accumulated as 2·w_k·S1_{k−1} (all terms positive: no cancellation) */
  pairs: number
  ivMean: number
  m2: number
  corrected: MantelHaenszelSums
  raw: MantelHaenszelSums
  participants: number
  events: number
}

export const emptyMantelHaenszelSums = (): MantelHaenszelSums => ({
  rrR: 0,
  rrS: 0,
  rrP: 0,
  orR: 0,
  orS: 0,
  orPR: 0,
  orPSQR: 0,
  orQS: 0,
  rdNum: 0,
  rdW: 0,
  rdGR: 0,
  rdSatoA: 0,
  rdSatoB: 0,
  petoOE: 0,
  petoV: 0,
  petoQ: 0
})

export const emptyFixedEffectSums = (): FixedEffectSums => ({
  k: 0,
  s1: 0,
  s2: 0,
  pairs: 0,
  ivMean: 0,
  m2: 0,
  corrected: emptyMantelHaenszelSums(),
  raw: emptyMantelHaenszelSums(),
  participants: 0,
  events: 0
})

/** Adds one 2×2 table to MH/Peto sums (in place). */
export function addTableToSums(m: MantelHaenszelSums, t: TwoByTwo): void {
  const { a, b, c, d } = t
  const n1 = a + b
  const n2 = c + d
  const n = n1 + n2
  m.rrR += (a * n2) / n
  m.rrS += (c * n1) / n
  m.rrP += (n1 * n2 * (a + c)) / (n * n) - (a * c) / n
  const p = (a + d) / n
  const q = (b + c) / n
  const r = (a * d) / n
  const s = (b * c) / n
  m.orR += r
  m.orS += s
  m.orPR += p * r
  m.orPSQR += p * s + q * r
  m.orQS += q * s
  m.rdNum += (a * n2 - c * n1) / n
  m.rdW += (n1 * n2) / n
  m.rdGR += ((a * b * n2 * n2) / n1 + (c * d * n1 * n1) / n2) / (n * n)
  m.rdSatoA += c * (n1 / n) ** 2 - a * (n2 / n) ** 2 + ((n1 / n) * (n2 / n) * (n2 - n1)) / 2
  m.rdSatoB += (a * (n2 - c) + c * (n1 - a)) / (2 * n)
  const peto = petoTerms(t)
  m.petoOE += peto.oMinusE
  m.petoV += peto.variance
  if (peto.variance > 0) m.petoQ += (peto.oMinusE * peto.oMinusE) / peto.variance
}

/** Adds one trial to the running sums (in place). */
export function addTrialToSums(sums: FixedEffectSums, e: TrialEffect): void {
  const w = 1 / e.v
  sums.k += 1
  sums.pairs += 2 * w * sums.s1
  sums.s1 += w
  sums.s2 += w * w
  const delta = e.y - sums.ivMean
  sums.ivMean += (delta * w) / sums.s1
  sums.m2 += w * delta * (e.y - sums.ivMean)
  if (e.corrected !== null) addTableToSums(sums.corrected, e.corrected)
  if (e.raw !== null) addTableToSums(sums.raw, e.raw)
  sums.participants += e.participants
  sums.events += e.events ?? 0
}
