import type { ContinuousTrial, MeanDifferenceVariance } from './types'

/**
 * Mean difference y = m1 − m2 and its variance (methods.md §1):
 *   unequal (default, the CTU program; metafor vtype "LS"):  v = s1²/n1 + s2²/n2
 *   pooled  (metafor vtype "HO"):  v = s²(1/n1 + 1/n2),  s² = ((n1 − 1)s1² + (n2 − 1)s2²)/(n1 + n2 − 2)
 */
export function meanDifferenceEffect(
  t: ContinuousTrial,
  variance: MeanDifferenceVariance
): { y: number; v: number } {
  const n1 = t.totalIntervention
  const n2 = t.totalControl
  const s1 = t.sdIntervention * t.sdIntervention
  const s2 = t.sdControl * t.sdControl
  const y = t.meanIntervention - t.meanControl
  if (variance === 'pooled') {
    const pooled = ((n1 - 1) * s1 + (n2 - 1) * s2) / (n1 + n2 - 2)
    return { y, v: pooled * (1 / n1 + 1 / n2) }
  }
  return { y, v: s1 / n1 + s2 / n2 }
}
