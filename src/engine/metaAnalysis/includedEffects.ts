import { fail, ok, type Result } from '../result'
import { resolveOptions, type ResolvedOptions } from './resolveOptions'
import { trialEffects } from './trialEffects'
import type { MetaAnalysisOptions, MetaTrial, TrialEffects } from './types'

/**
 * The common start of every analysis: options resolved, per-trial effects with their exclusions, and an error
 * when no trial is left to pool.
 */
export function includedEffects(
  trials: readonly MetaTrial[],
  options: MetaAnalysisOptions
): Result<{ opts: ResolvedOptions; effects: TrialEffects }> {
  const resolved = resolveOptions(options)
  if (!resolved.ok) return resolved
  const effects = trialEffects(trials, options)
  if (!effects.ok) return effects
  if (effects.value.effects.length === 0) {
    return fail('noSolution', 'no trial is left to pool after the exclusions', 'trials')
  }
  return ok({ opts: resolved.value, effects: effects.value })
}
