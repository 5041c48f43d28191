import { petoTerms } from './dichotomousEffect'
import type { ResolvedOptions } from './resolveOptions'
import type { TrialEffect, TwoByTwo } from './types'

/** The weight of one table in an MH estimate: c·n1/N (RR), b·c/N (OR), n1·n2/N (RD) (Mantel & Haenszel 1959). */
function mantelHaenszelWeight(t: TwoByTwo, measure: string): number {
  const n1 = t.a + t.b
  const n2 = t.c + t.d
  const n = n1 + n2
  if (measure === 'RR') return (t.c * n1) / n
  if (measure === 'OR') return (t.b * t.c) / n
  return (n1 * n2) / n
}

/**
 * Per-trial fixed-effect weights in percent: IV 1/v_i; MH the MH weight of the table; Peto V_i (of the counts the
 * estimate uses). metafor's weights() of rma.uni / rma.mh / rma.peto fits.
 */
export function fixedWeights(effects: readonly TrialEffect[], opts: ResolvedOptions): number[] {
  const raw = effects.map((e) => {
    if (opts.fixedMethod === 'IV') return 1 / e.v
    const table = (opts.fixedCounts === 'raw' ? e.raw : e.corrected) as TwoByTwo
    if (opts.fixedMethod === 'Peto') return petoTerms(table).variance
    return mantelHaenszelWeight(table, opts.measure)
  })
  const total = raw.reduce((s, w) => s + w, 0)
  return raw.map((w) => (total > 0 ? (100 * w) / total : 0))
}
