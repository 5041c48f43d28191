import type { FixedEffectSums, MantelHaenszelSums } from './fixedEffectSums'
import { mantelHaenszel } from './mantelHaenszel'
import type { ResolvedOptions } from './resolveOptions'

/** A fixed-effect estimate and variance; `counts` tells which counts an MH/Peto estimate came from. */
export interface FixedEffectEstimate {
  estimate: number
  variance: number
  method: 'MH' | 'IV' | 'Peto'
}

function pick(sums: FixedEffectSums, counts: 'corrected' | 'raw'): MantelHaenszelSums {
  return counts === 'raw' ? sums.raw : sums.corrected
}

function peto(m: MantelHaenszelSums): { estimate: number; variance: number } | null {
  if (!(m.petoV > 0)) return null
  return { estimate: m.petoOE / m.petoV, variance: 1 / m.petoV }
}

/** 1/w_MH of a single trial: N/(c·n1) for RR, N/(b·c) for OR, N/(n1·n2) for RD (methods.md §10). */
function singleTrialMantelHaenszelVariance(m: MantelHaenszelSums, measure: string): number {
  if (measure === 'RR') return 1 / m.rrS
  if (measure === 'OR') return 1 / m.orS
  return 1 / m.rdW
}

/**
 * Fixed-effect pooled estimate of the first k trials (methods.md §2) from the running sums:
 *   IV: θ̂ = Σw·y/Σw, Var = 1/Σw;  MH: mantelHaenszel.ts;  Peto: θ̂ = Σ(O − E)/ΣV, Var = 1/ΣV.
 * MH/Peto use the counts of `fixedCounts` (corrected by default; metafor: raw). When raw counts give no MH/Peto
 * estimate (e.g. ΣR = 0: metafor reports NA there) the corrected counts are used, and failing those the IV estimate.
 * ctuCompatibility: a single-trial MH look gets the variance 1/w_MH (the CTU program's quirk, methods.md §10).
 */
export function fixedEffect(sums: FixedEffectSums, opts: ResolvedOptions): FixedEffectEstimate {
  const iv: FixedEffectEstimate = { estimate: sums.ivMean, variance: 1 / sums.s1, method: 'IV' }
  if (opts.fixedMethod === 'IV') return iv
  const primary = pick(sums, opts.fixedCounts)
  if (opts.fixedMethod === 'Peto') {
    const p = peto(primary) ?? peto(sums.corrected)
    return p === null ? iv : { ...p, method: 'Peto' }
  }
  const measure = opts.measure as 'RR' | 'OR' | 'RD'
  let counts = primary
  let mh = mantelHaenszel(primary, measure, opts.rdVariance)
  if (mh === null) {
    counts = sums.corrected
    mh = mantelHaenszel(counts, measure, opts.rdVariance)
  }
  if (mh === null) return iv
  if (opts.ctuCompatibility && sums.k === 1) {
    const variance = singleTrialMantelHaenszelVariance(counts, measure)
    if (Number.isFinite(variance) && variance > 0) {
      return { estimate: mh.estimate, variance, method: 'MH' }
    }
  }
  return { ...mh, method: 'MH' }
}
