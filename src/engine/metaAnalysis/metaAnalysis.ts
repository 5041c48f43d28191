import { ok, type Result } from '../result'
import { addTrialToSums, emptyFixedEffectSums } from './fixedEffectSums'
import { fixedWeights } from './fixedWeights'
import { poolLook } from './poolLook'
import { includedEffects } from './includedEffects'
import type { MetaAnalysisOptions, MetaAnalysisResult, MetaTrial, TrialEffects } from './types'

const percent = (w: readonly number[]): number[] => {
  const total = w.reduce((s, x) => s + x, 0)
  return w.map((x) => (total > 0 ? (100 * x) / total : 0))
}

/**
 * One meta-analysis of all included trials (methods.md §1–2): both models always reported on the analysis scale
 * (the caller exponentiates ratio measures), heterogeneity (Q, I², τ², D²) and the per-trial weights.
 * Errors (Result): invalid trials (named), unknown options, or no trial left after the exclusions.
 */
export function metaAnalysis(
  trials: readonly MetaTrial[],
  options: MetaAnalysisOptions
): Result<MetaAnalysisResult & { trials: TrialEffects }> {
  const start = includedEffects(trials, options)
  if (!start.ok) return start
  const { opts, effects } = start.value
  const included = effects.effects
  const sums = emptyFixedEffectSums()
  for (const e of included) addTrialToSums(sums, e)
  const y = included.map((e) => e.y)
  const v = included.map((e) => e.v)
  const look = poolLook(y, v, included.length, sums, opts, () => fixedWeights(included, opts))
  const weights = look.weights as { fixed: number[]; random: number[] }
  return ok({
    k: look.k,
    fixedMethod: opts.fixedMethod,
    tau2Method: opts.tau2Method,
    fixed: look.fixed,
    random: look.random,
    pooled: look.pooled,
    heterogeneity: look.heterogeneity,
    weights: { fixed: weights.fixed, random: percent(weights.random) },
    participants: look.participants,
    events: look.events,
    information: look.information,
    trials: effects
  })
}
