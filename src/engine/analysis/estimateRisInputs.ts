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
  const ris = input.monitoring.ris
  const subset = (from: 'data' | 'lowRiskOfBias'): MetaTrial[] =>
    trials.filter((_, i) => from === 'data' || sources[i]?.lowRiskOfBias === true)
  const pooledRatio = (from: 'data' | 'lowRiskOfBias'): Result<number> => {
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
  const out: RisInputs = {}
  const ctu = input.analysis.ctuCompatibility
  if (input.outcome.type === 'dichotomous') {
    if (typeof ris.controlRisk === 'object') {
      const chosen = subset(ris.controlRisk.from) as DichotomousTrial[]
      const events = chosen.reduce((s, t) => s + t.eventsControl, 0)
      const total = chosen.reduce((s, t) => s + t.totalControl, 0)
      if (total === 0) {
        return fail(
          'invalidInput',
          'no control participants to estimate the control event proportion from',
          'monitoring.ris.controlRisk'
        )
      }
      out.controlRisk = ctu ? roundPercent(events / total) : events / total
    } else if (ris.controlRisk !== undefined) out.controlRisk = ris.controlRisk
    const effect =
      input.outcome.direction === 'harmful'
        ? ris.relativeRiskReduction
        : ris.relativeBenefitIncrease
    if (typeof effect === 'object') {
      if (
        input.analysis.measure !== 'RR' &&
        input.analysis.measure !== 'OR' &&
        input.analysis.measure !== 'PetoOR'
      ) {
        return fail(
          'invalidInput',
          'an intervention effect estimated from the data needs a ratio measure (RR, OR)',
          'monitoring.ris'
        )
      }
      const logRatio = pooledRatio(effect.from)
      if (!logRatio.ok) return logRatio
      const ratio = Math.exp(logRatio.value)
      let rrr = 1 - ratio
      if (ctu && out.controlRisk !== undefined) {
        rrr = 1 - roundPercent(out.controlRisk * ratio) / out.controlRisk
      }
      if (input.outcome.direction === 'harmful') out.relativeRiskReduction = rrr
      else out.relativeBenefitIncrease = -rrr
    } else if (effect !== undefined) {
      if (input.outcome.direction === 'harmful') out.relativeRiskReduction = effect
      else out.relativeBenefitIncrease = effect
    }
    return ok(out)
  }
  if (typeof ris.difference === 'object') {
    const md = pooledRatio(ris.difference.from)
    if (!md.ok) return md
    out.difference = Math.abs(md.value)
  } else if (ris.difference !== undefined) out.difference = ris.difference
  if (typeof ris.variance === 'object') {
    const chosen = subset(ris.variance.from) as Extract<MetaTrial, { sdIntervention: number }>[]
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
  } else if (ris.variance !== undefined) out.variance = ris.variance
  return ok(out)
}
