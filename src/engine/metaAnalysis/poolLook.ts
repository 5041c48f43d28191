import { cochranQ } from './cochranQ'
import { fixedEffect } from './fixedEffect'
import type { FixedEffectSums } from './fixedEffectSums'
import { heterogeneity } from './heterogeneity'
import { pooledEstimate } from './pooledEstimate'
import { randomEffects, type RandomEffectsFit } from './randomEffects'
import type { ResolvedOptions } from './resolveOptions'
import type { HeterogeneityResult, PooledEstimate } from './types'

/** The pooled results of one look, before the look's label is attached. */
export interface PooledLook {
  k: number
  fixed: PooledEstimate
  random: PooledEstimate
  pooled: PooledEstimate
  heterogeneity: HeterogeneityResult
  participants: number
  events: number | null
  information: number
  /** per-trial weights (fixed: MH/Peto/IV weights of the estimate's counts; random: w*), only when asked for */
  weights: { fixed: number[]; random: number[] } | null
}

/** The random-effects summary: HKSJ's t when asked (k ≥ 2), the fixed one at k = 1 under ctuCompatibility. */
function randomEstimate(
  k: number,
  fixed: PooledEstimate,
  re: RandomEffectsFit,
  opts: ResolvedOptions
): PooledEstimate {
  if (k === 1 && opts.ctuCompatibility) return fixed
  if (re.hksjVariance !== null) {
    return pooledEstimate(re.estimate, re.hksjVariance, opts.confidenceLevel, k - 1)
  }
  return pooledEstimate(re.estimate, re.variance, opts.confidenceLevel)
}

/**
 * Pools the first k included trials (methods.md §2–3): fixed effect (fixedEffect.ts), Q about the chosen centre
 * (cochranQ.ts), τ² and the random-effects model (randomEffects.ts), heterogeneity (heterogeneity.ts).
 * k = 1: τ² = 0, so random = the trial itself (= fixed with corrected counts); with ctuCompatibility both get the
 * CTU program's variance 1/w_MH. HKSJ needs k ≥ 2; a single trial keeps the z test (as metafor).
 * @param y, v  effects and variances of the included trials (at least k of them)
 * @param sums  running sums of trials 1..k
 */
export function poolLook(
  y: readonly number[],
  v: readonly number[],
  k: number,
  sums: FixedEffectSums,
  opts: ResolvedOptions,
  fixedWeights: ((k: number) => number[]) | null = null
): PooledLook {
  const level = opts.confidenceLevel
  const fe = fixedEffect(sums, opts)
  const q = cochranQ(sums, fe.estimate, opts)
  const re = randomEffects(y, v, k, sums, q, opts, fixedWeights !== null)
  const fixed = pooledEstimate(fe.estimate, fe.variance, level)
  const random = randomEstimate(k, fixed, re, opts)
  return {
    k,
    fixed,
    random,
    pooled: opts.model === 'fixed' ? fixed : random,
    heterogeneity: heterogeneity(sums, q, re.tau2, re.variance),
    participants: sums.participants,
    events: opts.measure === 'MD' ? null : sums.events,
    information: sums.s1,
    weights:
      fixedWeights === null || re.weights === null
        ? null
        : { fixed: fixedWeights(k), random: re.weights }
  }
}
