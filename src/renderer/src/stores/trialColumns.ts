// The trial table's columns for each outcome type, in the order of interfaces.md "Web build and accessible names":
// Study, Year, the arm data, then the flags. The store (paste by position) and TrialGrid (headers) share this list.
import type { ContinuousTrial, DichotomousTrial, ProjectFile } from '@shared/projectFile'

export type OutcomeType = ProjectFile['outcome']['type']
export type AnyTrial = DichotomousTrial | ContinuousTrial

/** Numeric data cells of a trial (the arm data). */
export type DataField =
  | 'eventsIntervention'
  | 'totalIntervention'
  | 'eventsControl'
  | 'totalControl'
  | 'meanIntervention'
  | 'sdIntervention'
  | 'meanControl'
  | 'sdControl'
/** Cells edited as text: the study name, the year and the arm data. */
export type CellField = 'name' | 'year' | DataField
/** Check boxes. */
export type FlagField = 'include' | 'lowRiskOfBias'
/** Every column that holds a value (everything but the row actions). */
export type ValueField = CellField | FlagField

export type ColumnKind = 'text' | 'year' | 'count' | 'mean' | 'sd' | 'flag'

export interface TrialColumn {
  field: ValueField
  /** The column header, which is also the accessible name of the column. */
  label: string
  kind: ColumnKind
}

const STUDY: TrialColumn = { field: 'name', label: 'Study', kind: 'text' }
const YEAR: TrialColumn = { field: 'year', label: 'Year', kind: 'year' }
const FLAGS: TrialColumn[] = [
  { field: 'include', label: 'Include', kind: 'flag' },
  { field: 'lowRiskOfBias', label: 'Low risk of bias', kind: 'flag' }
]

const DICHOTOMOUS_COLUMNS: readonly TrialColumn[] = [
  STUDY,
  YEAR,
  { field: 'eventsIntervention', label: 'Intervention events', kind: 'count' },
  { field: 'totalIntervention', label: 'Intervention total', kind: 'count' },
  { field: 'eventsControl', label: 'Control events', kind: 'count' },
  { field: 'totalControl', label: 'Control total', kind: 'count' },
  ...FLAGS
]

const CONTINUOUS_COLUMNS: readonly TrialColumn[] = [
  STUDY,
  YEAR,
  { field: 'meanIntervention', label: 'Intervention mean', kind: 'mean' },
  { field: 'sdIntervention', label: 'Intervention SD', kind: 'sd' },
  { field: 'totalIntervention', label: 'Intervention total', kind: 'count' },
  { field: 'meanControl', label: 'Control mean', kind: 'mean' },
  { field: 'sdControl', label: 'Control SD', kind: 'sd' },
  { field: 'totalControl', label: 'Control total', kind: 'count' },
  ...FLAGS
]

/** The value columns of the grid for an outcome type, left to right. */
export const trialColumns = (type: OutcomeType): readonly TrialColumn[] =>
  type === 'dichotomous' ? DICHOTOMOUS_COLUMNS : CONTINUOUS_COLUMNS

/** The arm-data fields an outcome type needs (all must be filled for the trial to be analysed). */
export const dataFields = (type: OutcomeType): DataField[] =>
  trialColumns(type)
    .map((c) => c.field)
    .filter((f): f is DataField => f !== 'name' && f !== 'year' && !isFlagField(f))

export const isFlagField = (field: ValueField): field is FlagField =>
  field === 'include' || field === 'lowRiskOfBias'

/** A new, empty row of the given outcome type. */
export function emptyTrial(type: OutcomeType): AnyTrial {
  const common = { name: '', year: null, lowRiskOfBias: false, include: true }
  return type === 'dichotomous'
    ? {
        ...common,
        eventsIntervention: null,
        totalIntervention: null,
        eventsControl: null,
        totalControl: null
      }
    : {
        ...common,
        meanIntervention: null,
        sdIntervention: null,
        totalIntervention: null,
        meanControl: null,
        sdControl: null,
        totalControl: null
      }
}
