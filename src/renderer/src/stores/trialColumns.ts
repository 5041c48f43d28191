// The trial table's columns for each outcome type, in the order of interfaces.md "Web build and accessible names":
// Study, Year, the arm data, then the flags. The store (paste by position) and TrialGrid (headers) share this list.
import {
  TRIAL_DATA_FIELDS,
  type ContinuousTrial,
  type DichotomousTrial,
  type ProjectFile
} from '@shared/projectFile'

export type OutcomeType = ProjectFile['outcome']['type']
export type AnyTrial = DichotomousTrial | ContinuousTrial

/** Numeric data cells of a trial (the arm data). */
export type DataField = (typeof TRIAL_DATA_FIELDS)[OutcomeType][number]
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

/** Header (= accessible name) and kind of each data column; the order comes from TRIAL_DATA_FIELDS. */
const DATA_COLUMNS: Record<DataField, Omit<TrialColumn, 'field'>> = {
  eventsIntervention: { label: 'Intervention events', kind: 'count' },
  totalIntervention: { label: 'Intervention total', kind: 'count' },
  eventsControl: { label: 'Control events', kind: 'count' },
  totalControl: { label: 'Control total', kind: 'count' },
  meanIntervention: { label: 'Intervention mean', kind: 'mean' },
  sdIntervention: { label: 'Intervention SD', kind: 'sd' },
  meanControl: { label: 'Control mean', kind: 'mean' },
  sdControl: { label: 'Control SD', kind: 'sd' }
}

const columnsOf = (type: OutcomeType): readonly TrialColumn[] => [
  STUDY,
  YEAR,
  ...TRIAL_DATA_FIELDS[type].map((field) => ({ field, ...DATA_COLUMNS[field] })),
  ...FLAGS
]

const COLUMNS: Record<OutcomeType, readonly TrialColumn[]> = {
  dichotomous: columnsOf('dichotomous'),
  continuous: columnsOf('continuous')
}

/** The value columns of the grid for an outcome type, left to right. */
export const trialColumns = (type: OutcomeType): readonly TrialColumn[] => COLUMNS[type]

/** The arm-data fields an outcome type needs (all must be filled for the trial to be analysed). */
export const dataFields = (type: OutcomeType): DataField[] => [...TRIAL_DATA_FIELDS[type]]

export const isFlagField = (field: ValueField): field is FlagField =>
  field === 'include' || field === 'lowRiskOfBias'

/** A new, empty row of the given outcome type. */
export function emptyTrial(type: OutcomeType): AnyTrial {
  const cells = Object.fromEntries(TRIAL_DATA_FIELDS[type].map((field) => [field, null]))
  return { name: '', year: null, lowRiskOfBias: false, include: true, ...cells } as AnyTrial
}
