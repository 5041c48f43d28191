import type { MantelHaenszelSums } from './fixedEffectSums'
import type { RiskDifferenceVariance } from './types'

/**
 * Mantel–Haenszel pooled estimate and its variance on the analysis scale, from the running sums of fixedEffectSums.ts
 * (Mantel & Haenszel 1959, J Natl Cancer Inst 22:719):
 *   RR:  ln(r/s),  Var = p/(r·s)                                   (Greenland & Robins 1985, Biometrics 41:55)
 *   OR:  ln(R/S),  Var = ½[ΣPR/R² + Σ(PS + QR)/(R·S) + ΣQS/S²]      (Robins, Breslow & Greenland 1986, Biometrics 42:311)
 *   RD:  num/w,    Var = gr/w²                                      (Greenland & Robins 1985; RevMan)
 *        or Var = (RD·satoA + satoB)/w²                            (Sato, Greenland & Robins 1989, Biometrics 45:1323;
 *                                                                    metafor 3.8 rma.mh)
 * Returns null when the estimate or its variance is not finite and positive (e.g. no events in one arm of every
 * trial with raw counts: metafor then reports NA).
 */
export function mantelHaenszel(
  m: MantelHaenszelSums,
  measure: 'RR' | 'OR' | 'RD',
  rdVariance: RiskDifferenceVariance
): { estimate: number; variance: number } | null {
  let estimate: number
  let variance: number
  if (measure === 'RR') {
    estimate = Math.log(m.rrR / m.rrS)
    variance = m.rrP / (m.rrR * m.rrS)
  } else if (measure === 'OR') {
    const r = m.orR
    const s = m.orS
    estimate = Math.log(r / s)
    variance = 0.5 * (m.orPR / (r * r) + m.orPSQR / (r * s) + m.orQS / (s * s))
  } else {
    estimate = m.rdNum / m.rdW
    const numerator = rdVariance === 'sato' ? estimate * m.rdSatoA + m.rdSatoB : m.rdGR
    variance = numerator / (m.rdW * m.rdW)
  }
  if (!Number.isFinite(estimate) || !Number.isFinite(variance) || variance < 0) return null
  return { estimate, variance }
}
