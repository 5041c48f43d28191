import type { MetaTrial } from '../metaAnalysis/types'
import type { TsaInput, TsaTrialInput } from './types'

/**
 * The arm data a trial needs, per outcome type, in the order of the trial table. The project file (src/shared)
 * keeps the same lists for the importers and the grid, tied to these at compile time (it may not import engine code).
 */
export const TRIAL_DATA_FIELDS = {
  dichotomous: ['eventsIntervention', 'totalIntervention', 'eventsControl', 'totalControl'],
  continuous: [
    'meanIntervention',
    'sdIntervention',
    'totalIntervention',
    'meanControl',
    'sdControl',
    'totalControl'
  ]
} as const satisfies Record<TsaInput['outcome']['type'], readonly (keyof TsaTrialInput)[]>

export interface PreparedTrials {
  /** trials to analyse, in analysis order */
  trials: MetaTrial[]
  /** the input trial behind each analysed trial */
  sources: TsaTrialInput[]
  excluded: { trial: string; reason: string }[]
}

/**
 * Analysis order (methods.md §3: as entered, or "year, then name" as the CTU program does), the user's include flag,
 * and incomplete rows: a trial with an empty cell is excluded with the reason, never analysed as 0.
 */
export function prepareTrials(input: TsaInput): PreparedTrials {
  const fields = TRIAL_DATA_FIELDS[input.outcome.type]
  const ordered = input.trials.map((trial, index) => ({ trial, index }))
  if (input.analysis.order === 'yearThenName') {
    ordered.sort(
      (a, b) =>
        (a.trial.year ?? Infinity) - (b.trial.year ?? Infinity) ||
        a.trial.name.localeCompare(b.trial.name) ||
        a.index - b.index
    )
  }
  const trials: MetaTrial[] = []
  const sources: TsaTrialInput[] = []
  const excluded: { trial: string; reason: string }[] = []
  for (const { trial } of ordered) {
    const name = trial.name.trim() === '' ? '(unnamed trial)' : trial.name
    if (trial.include === false) {
      excluded.push({ trial: name, reason: 'excluded by the user' })
      continue
    }
    const missing = fields.filter((f) => typeof trial[f] !== 'number')
    if (missing.length > 0) {
      excluded.push({ trial: name, reason: `incomplete data (${missing.join(', ')})` })
      continue
    }
    const record: Record<string, unknown> = { name }
    for (const f of fields) record[f] = trial[f]
    trials.push(record as unknown as MetaTrial)
    sources.push(trial)
  }
  return { trials, sources, excluded }
}
