import { fail, ok, type Result } from '../result'
import type { ContinuousTrial, DichotomousTrial, EffectMeasure, MetaTrial } from './types'

const DICHOTOMOUS_FIELDS = [
  ['eventsIntervention', 'events in intervention'],
  ['totalIntervention', 'total in intervention'],
  ['eventsControl', 'events in control'],
  ['totalControl', 'total in control']
] as const

const CONTINUOUS_FIELDS = [
  ['meanIntervention', 'mean in intervention'],
  ['sdIntervention', 'SD in intervention'],
  ['totalIntervention', 'total in intervention'],
  ['meanControl', 'mean in control'],
  ['sdControl', 'SD in control'],
  ['totalControl', 'total in control']
] as const

/** "trial 3 'Greif 2000'" (1-based, as users count). */
function label(trial: MetaTrial, index: number): string {
  return `trial ${index + 1} '${String(trial.name)}'`
}

function invalid<T>(trial: MetaTrial, index: number, field: string, what: string): Result<T> {
  return fail('invalidInput', `${label(trial, index)}: ${what}`, `trials[${index}].${field}`)
}

/** Every field is a finite number; counts are ≥ 0, totals > 0. */
function checkNumbers(
  trial: MetaTrial,
  index: number,
  fields: readonly (readonly [string, string])[]
): Result<true> {
  const record = trial as unknown as Record<string, unknown>
  for (const [field, name] of fields) {
    const x = record[field]
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      return invalid(trial, index, field, `${name} must be a finite number, got ${String(x)}`)
    }
    if (x < 0 && !field.startsWith('mean')) {
      return invalid(trial, index, field, `${name} (${x}) is negative`)
    }
    if (field.startsWith('total') && x === 0) {
      return invalid(trial, index, field, `${name} is 0`)
    }
  }
  return ok(true)
}

function checkDichotomous(trial: DichotomousTrial, index: number): Result<true> {
  const numbers = checkNumbers(trial, index, DICHOTOMOUS_FIELDS)
  if (!numbers.ok) return numbers
  if (trial.eventsIntervention > trial.totalIntervention) {
    return invalid(
      trial,
      index,
      'eventsIntervention',
      `events in intervention (${trial.eventsIntervention}) exceed total (${trial.totalIntervention})`
    )
  }
  if (trial.eventsControl > trial.totalControl) {
    return invalid(
      trial,
      index,
      'eventsControl',
      `events in control (${trial.eventsControl}) exceed total (${trial.totalControl})`
    )
  }
  return ok(true)
}

function checkContinuous(trial: ContinuousTrial, index: number, pooled: boolean): Result<true> {
  const numbers = checkNumbers(trial, index, CONTINUOUS_FIELDS)
  if (!numbers.ok) return numbers
  if (!(trial.sdIntervention > 0)) {
    return invalid(
      trial,
      index,
      'sdIntervention',
      `SD in intervention (${trial.sdIntervention}) must be > 0`
    )
  }
  if (!(trial.sdControl > 0)) {
    return invalid(trial, index, 'sdControl', `SD in control (${trial.sdControl}) must be > 0`)
  }
  if (pooled && trial.totalIntervention + trial.totalControl <= 2) {
    return invalid(
      trial,
      index,
      'totalControl',
      'the pooled-SD variance needs more than 2 participants in total'
    )
  }
  return ok(true)
}

/**
 * Validates the trials of a meta-analysis: finite numbers, counts ≥ 0, totals > 0, events ≤ totals, SD > 0.
 * The error names the trial (1-based position and name) and the field, e.g.
 * "trial 3 'Greif 2000': events in intervention (260) exceed total (250)", field "trials[2].eventsIntervention".
 */
export function validateTrials(
  trials: readonly MetaTrial[],
  measure: EffectMeasure,
  pooledVariance = false
): Result<true> {
  if (!Array.isArray(trials) || trials.length === 0) {
    return fail('invalidInput', 'a meta-analysis needs at least one trial', 'trials')
  }
  for (let i = 0; i < trials.length; i++) {
    const trial = trials[i] as MetaTrial
    const checked =
      measure === 'MD'
        ? checkContinuous(trial as ContinuousTrial, i, pooledVariance)
        : checkDichotomous(trial as DichotomousTrial, i)
    if (!checked.ok) return checked
  }
  return ok(true)
}
