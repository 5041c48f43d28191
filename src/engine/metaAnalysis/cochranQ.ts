import type { FixedEffectSums } from './fixedEffectSums'
import type { ResolvedOptions } from './resolveOptions'

/**
 * Cochran's Q = Σw(y − θ_c)² with IV weights w = 1/v, from the running sums in O(1):
 *   Q = M2 + S1·(ȳ_w − θ_c)²,  M2 = Σw(y − ȳ_w)²  (exact algebra; M2 by West's stable update).
 * Centre θ_c (methods.md §2): the fixed-effect estimate of `fixedMethod` (MH of the corrected counts, as RevMan and
 * the CTU program; IV as metafor) or, with heterogeneityCentre = 'inverseVariance', always the IV estimate (metafor
 * rma.uni, RTSA). Peto with raw counts uses Peto's own statistic Σ(O − E)²/V − (Σ(O − E))²/ΣV (metafor rma.peto).
 */
export function cochranQ(
  sums: FixedEffectSums,
  fixedEstimate: number,
  opts: ResolvedOptions
): number {
  if (sums.k < 2) return 0
  // max(0, ·): M2 can round to a tiny negative value when all effects are (nearly) equal
  if (opts.heterogeneityCentre === 'inverseVariance' || opts.fixedMethod === 'IV') {
    return Math.max(0, sums.m2)
  }
  if (opts.fixedMethod === 'Peto' && opts.fixedCounts === 'raw' && sums.raw.petoV > 0) {
    const raw = sums.raw
    return Math.max(0, raw.petoQ - (raw.petoOE * raw.petoOE) / raw.petoV)
  }
  const d = sums.ivMean - fixedEstimate
  return Math.max(0, sums.m2 + sums.s1 * d * d)
}
