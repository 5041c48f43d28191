import { fail, ok, type Result } from '../result'
import { metaAnalysis } from '../metaAnalysis/metaAnalysis'
import type { DichotomousTrial, MetaAnalysisOptions, MetaTrial } from '../metaAnalysis/types'
import type { TsaInput, TsaTrialInput } from './types'

/** The RIS inputs actually used, after estimating those marked { from: 'data' | 'lowRiskOfBias' } (methods.md §4). */
export interface RisInputs {
  controlRisk?: number
  relativeRiskReduction?: number
  relativeBenefitIncrease?: number
  difference?: number
  variance?: number
}

/** The anticipated intervention event proportion P_I = P_C(1 − RRR), or P_C(1 + RBI) for a beneficial outcome. */
export function interventionRisk(controlRisk: number, est: RisInputs): number {
  return est.relativeRiskReduction !== undefined
    ? controlRisk * (1 - est.relativeRiskReduction)
    : controlRisk * (1 + (est.relativeBenefitIncrease ?? 0))
}

/** ctuCompatibility: the program rounds estimated proportions to 0.01 percentage points (methods.md §10). */
const roundPercent = (p: number): number => Math.round(p * 10000) / 10000

/** The trials an estimate is taken from, and the pooled estimate of the chosen model over them. */
interface EstimationSource {
  subset: (from: 'data' | 'lowRiskOfBias') => MetaTrial[]
  pooled: (from: 'data' | 'lowRiskOfBias') => Result<number>
}

function estimationSource(
  trials: readonly MetaTrial[],
  sources: readonly TsaTrialInput[],
  options: MetaAnalysisOptions
): EstimationSource {
  const subset = (from: 'data' | 'lowRiskOfBias'): MetaTrial[] =>
    trials.filter((_, i) => from === 'data' || sources[i]?.lowRiskOfBias === true)
  const pooled = (from: 'data' | 'lowRiskOfBias'): Result<number> => {
    const chosen = subset(from)
    if (chosen.length === 0) {
      return fail(
        'invalidInput',
        'no low-risk-of-bias trial to estimate the intervention effect from',
        'monitoring.ris'
      )
    }
    const fit = metaAnalysis(chosen, options)
    if (!fit.ok) return fit
    // degenerate data (e.g. zero variances) give no pooled estimate: an error, never a NaN input
    if (!Number.isFinite(fit.value.pooled.estimate)) {
      return fail(
        'invalidInput',
        'the pooled estimate to take the intervention effect from cannot be formed',
        'monitoring.ris'
      )
    }
    return ok(fit.value.pooled.estimate)
  }
  return { subset, pooled }
}

/**
 * Estimated inputs (methods.md §4): P_C = Σ control events / Σ control participants; the intervention effect from the
 * pooled estimate of the chosen model (RRR = 1 − RR for a harmful outcome, RBI = RR − 1 for a beneficial one);
 * continuous: δ = |pooled MD| and σ² = the participant-weighted mean of the arms' variances.
 * `lowRiskOfBias` restricts the trials to those flagged low risk of bias.
 */
export function estimateRisInputs(
  input: TsaInput,
  trials: readonly MetaTrial[],
  sources: readonly TsaTrialInput[],
  options: MetaAnalysisOptions
): Result<RisInputs> {
  const source = estimationSource(trials, sources, options)
  return input.outcome.type === 'dichotomous'
    ? dichotomousInputs(input, source)
    : continuousInputs(input, source)
}

function controlRiskInput(input: TsaInput, source: EstimationSource): Result<number | undefined> {
  const given = input.monitoring.ris.controlRisk
  if (typeof given !== 'object') return ok(given)
  const chosen = source.subset(given.from) as DichotomousTrial[]
  const events = chosen.reduce((s, t) => s + t.eventsControl, 0)
  const total = chosen.reduce((s, t) => s + t.totalControl, 0)
  if (total === 0) {
    return fail(
      'invalidInput',
      'no control participants to estimate the control event proportion from',
      'monitoring.ris.controlRisk'
    )
  }
  return ok(input.analysis.ctuCompatibility ? roundPercent(events / total) : events / total)
}

function dichotomousInputs(input: TsaInput, source: EstimationSource): Result<RisInputs> {
  const ris = input.monitoring.ris
  const out: RisInputs = {}
  const pc = controlRiskInput(input, source)
  if (!pc.ok) return pc
  if (pc.value !== undefined) out.controlRisk = pc.value
  const harmful = input.outcome.direction === 'harmful'
  const effect = harmful ? ris.relativeRiskReduction : ris.relativeBenefitIncrease
  if (typeof effect !== 'object') {
    if (effect !== undefined) {
      if (harmful) out.relativeRiskReduction = effect
      else out.relativeBenefitIncrease = effect
    }
    return ok(out)
  }
  if (!['RR', 'OR', 'PetoOR'].includes(input.analysis.measure)) {
    return fail(
      'invalidInput',
      'an intervention effect estimated from the data needs a ratio measure (RR, OR)',
      'monitoring.ris'
    )
  }
  const logRatio = source.pooled(effect.from)
  if (!logRatio.ok) return logRatio
  const ratio = Math.exp(logRatio.value)
  const rrr =
    input.analysis.ctuCompatibility && out.controlRisk !== undefined
      ? 1 - roundPercent(out.controlRisk * ratio) / out.controlRisk
      : 1 - ratio
  if (harmful) out.relativeRiskReduction = rrr
  else out.relativeBenefitIncrease = -rrr
  return ok(out)
}

function continuousInputs(input: TsaInput, source: EstimationSource): Result<RisInputs> {
  const ris = input.monitoring.ris
  const out: RisInputs = {}
  if (typeof ris.difference === 'object') {
    const md = source.pooled(ris.difference.from)
    if (!md.ok) return md
    out.difference = Math.abs(md.value)
  } else if (ris.difference !== undefined) out.difference = ris.difference
  if (typeof ris.variance !== 'object') {
    if (ris.variance !== undefined) out.variance = ris.variance
    return ok(out)
  }
  const chosen = source.subset(ris.variance.from) as Extract<
    MetaTrial,
    { sdIntervention: number }
  >[]
  let weighted = 0
  let n = 0
  for (const t of chosen) {
    weighted += t.sdIntervention ** 2 * t.totalIntervention + t.sdControl ** 2 * t.totalControl
    n += t.totalIntervention + t.totalControl
  }
  if (n === 0) {
    return fail(
      'invalidInput',
      'no trials to estimate the variance from',
      'monitoring.ris.variance'
    )
  }
  out.variance = weighted / n
  return ok(out)
}
