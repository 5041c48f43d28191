import { ok, type Result } from '../result'
import { addTrialToSums, emptyFixedEffectSums } from './fixedEffectSums'
import { poolLook } from './poolLook'
import { includedEffects } from './includedEffects'
import type {
  CumulativeLook,
  CumulativeMetaAnalysisResult,
  MetaAnalysisOptions,
  MetaTrial
} from './types'

/**
 * Cumulative meta-analysis (methods.md §3): one look per included trial in the given order; look k pools the
 * included trials 1..k with both models, and reports τ², I², D², Q, the cumulative participants and events and the
 * statistical information Σ1/v (IV weights). Excluded trials get no look and are listed with their reason.
 * Cost: the fixed effect, Q and DL's τ² come from running sums (O(1) per look); the random-effects estimate needs
 * one pass over the k trials (O(k) per look, 1000 trials ≈ 5·10⁵ operations); REML/PM/SJ/BT iterate per look.
 */
export function cumulativeMetaAnalysis(
  trials: readonly MetaTrial[],
  options: MetaAnalysisOptions
): Result<CumulativeMetaAnalysisResult> {
  const start = includedEffects(trials, options)
  if (!start.ok) return start
  const { opts, effects } = start.value
  const included = effects.effects
  const y = included.map((e) => e.y)
  const v = included.map((e) => e.v)
  const sums = emptyFixedEffectSums()
  const looks: CumulativeLook[] = []
  for (let i = 0; i < included.length; i++) {
    const e = included[i] as (typeof included)[number]
    addTrialToSums(sums, e)
    const look = poolLook(y, v, i + 1, sums, opts)
    looks.push({
      look: i + 1,
      trial: e.name,
      k: look.k,
      fixed: look.fixed,
      random: look.random,
      pooled: look.pooled,
      heterogeneity: look.heterogeneity,
      participants: look.participants,
      events: look.events,
      information: look.information
    })
  }
  return ok({
    measure: opts.measure,
    fixedMethod: opts.fixedMethod,
    tau2Method: opts.tau2Method,
    looks,
    excluded: effects.excluded,
    effects: included
  })
}
