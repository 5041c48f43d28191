import { fail, ok, type Result } from '../result'
import { DEFAULT_ZERO_CELL_VALUE } from './constants'
import { dichotomousEffect, type DichotomousMeasure } from './dichotomousEffect'
import { empiricalPriorOddsRatio } from './empiricalPriorOddsRatio'
import { meanDifferenceEffect } from './meanDifferenceEffect'
import { validateTrials } from './validateTrials'
import { zeroCellCorrection } from './zeroCellCorrection'
import type {
  ContinuousTrial,
  DichotomousTrial,
  ExclusionReason,
  MetaAnalysisOptions,
  MetaTrial,
  TrialEffect,
  TrialEffects,
  TrialExclusion,
  TwoByTwo,
  ZeroEventsOptions
} from './types'

interface Candidate {
  index: number
  trial: DichotomousTrial
  raw: TwoByTwo
}

const hasZeroCell = (t: TwoByTwo): boolean => t.a === 0 || t.b === 0 || t.c === 0 || t.d === 0

/** No events in both arms, or all events in both arms (metafor's drop00 covers both). */
function doubleZeroReason(t: TwoByTwo): ExclusionReason | null {
  if (t.a === 0 && t.c === 0) return 'zero events in both arms'
  if (t.b === 0 && t.d === 0) return 'all events in both arms'
  return null
}

function rawTable(t: DichotomousTrial): TwoByTwo {
  return {
    a: t.eventsIntervention,
    b: t.totalIntervention - t.eventsIntervention,
    c: t.eventsControl,
    d: t.totalControl - t.eventsControl
  }
}

function addCorrection(t: TwoByTwo, k: { intervention: number; control: number }): TwoByTwo {
  return {
    a: t.a + k.intervention,
    b: t.b + k.intervention,
    c: t.c + k.control,
    d: t.d + k.control
  }
}

/** Which candidates the options correct (before the RD zero-variance rule). */
function correctionTargets(
  candidates: readonly Candidate[],
  zero: Required<ZeroEventsOptions>,
  needsNoCorrection: boolean
): boolean[] {
  if (zero.applyTo === 'none' || (needsNoCorrection && !zero.correctAllMeasures)) {
    return candidates.map(() => false)
  }
  if (zero.applyTo === 'all') return candidates.map(() => true)
  if (zero.applyTo === 'allIfAny') {
    const any = candidates.some((c) => hasZeroCell(c.raw))
    return candidates.map(() => any)
  }
  return candidates.map((c) => hasZeroCell(c.raw))
}

function zeroOptions(options: MetaAnalysisOptions): Required<ZeroEventsOptions> {
  const z = options.zeroEvents
  return {
    method: z?.method ?? 'constant',
    value: z?.value ?? DEFAULT_ZERO_CELL_VALUE,
    includeDoubleZero: z?.includeDoubleZero ?? options.measure === 'RD',
    applyTo: z?.applyTo ?? 'zeroTrials',
    correctAllMeasures: z?.correctAllMeasures ?? false
  }
}

/** Splits off the trials excluded before any correction: double-zero (or all-event) trials. */
function screenDoubleZero(
  trials: readonly DichotomousTrial[],
  includeDoubleZero: boolean,
  excluded: TrialExclusion[]
): Candidate[] {
  const candidates: Candidate[] = []
  trials.forEach((trial, index) => {
    const raw = rawTable(trial)
    const reason = doubleZeroReason(raw)
    if (reason !== null && !includeDoubleZero) {
      excluded.push({ trial: trial.name, index, reason })
      return
    }
    candidates.push({ index, trial, raw })
  })
  return candidates
}

function dichotomousEffects(
  trials: readonly DichotomousTrial[],
  measure: DichotomousMeasure,
  options: MetaAnalysisOptions
): TrialEffects {
  const zero = zeroOptions(options)
  const excluded: TrialExclusion[] = []
  const candidates = screenDoubleZero(trials, zero.includeDoubleZero, excluded)
  const optional = measure === 'RD' || measure === 'PetoOR'
  const targets = correctionTargets(candidates, zero, optional)
  const prior =
    zero.method === 'empirical' ? empiricalPriorOddsRatio(candidates.map((c) => c.raw)) : 1
  const effects: TrialEffect[] = []
  candidates.forEach((cand, j) => {
    let correct = targets[j] as boolean
    // RD (and Peto with includeDoubleZero) keeps double-zero trials, whose variance is 0 uncorrected: they are
    // corrected whenever a correction is configured at all (applyTo ≠ 'none').
    if (!correct && optional && zero.applyTo !== 'none') {
      correct = dichotomousEffect(measure, cand.raw) === null
    }
    const k = correct ? zeroCellCorrection(cand.raw, zero.method, zero.value, prior) : null
    const table = k === null ? cand.raw : addCorrection(cand.raw, k)
    const effect = dichotomousEffect(measure, table)
    if (effect === null) {
      excluded.push({
        trial: cand.trial.name,
        index: cand.index,
        reason: doubleZeroReason(cand.raw) ?? 'zero cell and no continuity correction'
      })
      return
    }
    effects.push({
      index: cand.index,
      name: cand.trial.name,
      y: effect.y,
      v: effect.v,
      participants: cand.trial.totalIntervention + cand.trial.totalControl,
      events: cand.trial.eventsIntervention + cand.trial.eventsControl,
      raw: cand.raw,
      corrected: table,
      correction: k
    })
  })
  excluded.sort((x, y) => x.index - y.index)
  return { measure, effects, excluded }
}

function continuousEffects(
  trials: readonly ContinuousTrial[],
  options: MetaAnalysisOptions
): TrialEffects {
  const variance = options.mdVariance ?? 'unequal'
  const effects = trials.map((trial, index): TrialEffect => {
    const { y, v } = meanDifferenceEffect(trial, variance)
    return {
      index,
      name: trial.name,
      y,
      v,
      participants: trial.totalIntervention + trial.totalControl,
      events: null,
      raw: null,
      corrected: null,
      correction: null
    }
  })
  return { measure: 'MD', effects, excluded: [] }
}

/**
 * Per-trial effects on the analysis scale (methods.md §1) with zero-cell handling and every exclusion reported:
 * - Trials with no events (or all events) in both arms are excluded unless `includeDoubleZero` (default: false for
 *   RR/OR/Peto, true for RD).
 * - Zero-cell correction (`constant` | `reciprocal` | `empirical`, per-cell `value`) applied to the trials chosen by
 *   `applyTo` (zero-cell trials | all | all if any | none), as metafor's escalc `to` (only0 | all | if0all | none).
 * - RD and Peto: not corrected unless `correctAllMeasures` (metafor's escalc corrects them); RD keeps double-zero
 *   trials, and an RD/Peto trial whose variance would be 0 (no events or all events in both arms) gets the configured
 *   correction so that it can be weighted.
 * - A trial whose effect cannot be formed (a zero cell left uncorrected) is excluded with its reason.
 * Invalid input (non-finite numbers, negative counts, events > total, total 0, SD ≤ 0) is an error naming the trial.
 */
export function trialEffects(
  trials: readonly MetaTrial[],
  options: MetaAnalysisOptions
): Result<TrialEffects> {
  const measure = options.measure
  const pooledVariance = options.mdVariance === 'pooled'
  const valid = validateTrials(trials, measure, pooledVariance)
  if (!valid.ok) return valid
  const value = options.zeroEvents?.value
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    return fail('invalidInput', `zeroEvents.value must be > 0, got ${value}`, 'zeroEvents.value')
  }
  if (measure === 'MD') return ok(continuousEffects(trials as readonly ContinuousTrial[], options))
  return ok(dichotomousEffects(trials as readonly DichotomousTrial[], measure, options))
}
