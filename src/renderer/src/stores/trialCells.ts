// Reading and checking what the user types or pastes into the trial table: numbers with either decimal separator,
// yes/no flags, header rows (through tableImport's COLUMN_ALIASES) and TSV in and out of the clipboard.
import Papa from 'papaparse'
import { COLUMN_ALIASES, headerKey } from '@shared/io/tableImport'
import { parseLocaleNumber } from '@shared/io/cellText'
import {
  dataFields,
  isFlagField,
  trialColumns,
  type AnyTrial,
  type CellField,
  type OutcomeType,
  type ValueField
} from './trialColumns'

export { detectDecimalComma, isBlank, parseFlag, separatorEvidence } from '@shared/io/cellText'

/** Text the user typed that did not parse, kept per cell so nothing typed is ever lost. */
export type CellDrafts = Partial<Record<CellField, string>>
/** Why a cell is invalid, per field (absent: the cell is fine). */
export type CellErrors = Partial<Record<ValueField, string>>

// ---- numbers and flags (one implementation, shared with the importers: @shared/io/cellText) ---------------------

/** True when the user's locale writes 1.5 as "1,5" (the tie-breaker for ambiguous numbers such as "1,234"). */
export function localeUsesDecimalComma(): boolean {
  try {
    const locale = typeof navigator === 'undefined' ? undefined : navigator.language
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5)
    return parts.find((p) => p.type === 'decimal')?.value === ','
  } catch {
    return false
  }
}

export const formatFlag = (value: boolean): string => (value ? 'yes' : 'no')

/** What a cell shows: the unparsed text if any, else the value ('' for an empty cell; flags as yes/no). */
export function cellTextOf(trial: AnyTrial, drafts: CellDrafts | undefined, field: ValueField): string {
  const t = trial as unknown as Record<string, unknown>
  if (isFlagField(field)) return formatFlag(t[field] === true)
  const draft = drafts?.[field]
  if (draft !== undefined) return draft
  const value = t[field]
  return value === null || value === undefined ? '' : String(value)
}

// ---- validation -------------------------------------------------------------------------------------------------

const COUNT_FIELDS = new Set<ValueField>([
  'eventsIntervention',
  'totalIntervention',
  'eventsControl',
  'totalControl'
])
const SD_FIELDS = new Set<ValueField>(['sdIntervention', 'sdControl'])

/**
 * The problems of one row, per cell, each phrased so it can stand alone as the cell's description.
 * Empty data cells are not errors (the row is only incomplete); unparsed text, impossible values are.
 */
export function trialErrors(trial: AnyTrial, drafts: CellDrafts, type: OutcomeType): CellErrors {
  const errors: CellErrors = {}
  const row = trial as unknown as Record<string, unknown>
  const fields = dataFields(type)

  const yearDraft = drafts.year
  if (yearDraft !== undefined) {
    const n = parseLocaleNumber(yearDraft, false)
    errors.year = Number.isNaN(n) ? `"${yearDraft}" is not a year` : 'A year must be a whole number'
  } else if (trial.year !== null && trial.year !== undefined) {
    if (trial.year < 1000 || trial.year > 9999) errors.year = 'A year has four digits'
  }

  for (const field of fields) {
    const draft = drafts[field]
    if (draft !== undefined) {
      errors[field] = `"${draft}" is not a number`
      continue
    }
    const value = row[field]
    if (typeof value !== 'number') continue
    if (COUNT_FIELDS.has(field)) {
      if (value < 0) errors[field] = 'Cannot be negative'
      else if (!Number.isInteger(value)) errors[field] = 'Must be a whole number'
      else if (field.startsWith('total') && value === 0) errors[field] = 'Must be at least 1'
    } else if (SD_FIELDS.has(field)) {
      if (value <= 0) errors[field] = 'The SD must be greater than 0'
    }
  }

  if (type === 'dichotomous') {
    for (const [events, total] of [
      ['eventsIntervention', 'totalIntervention'],
      ['eventsControl', 'totalControl']
    ] as const) {
      const e = row[events]
      const n = row[total]
      if (errors[events] === undefined && typeof e === 'number' && typeof n === 'number' && e > n) {
        errors[events] = `More events (${e}) than participants (${n})`
      }
    }
  }

  const hasData = fields.some((f) => row[f] !== null || drafts[f] !== undefined)
  if (hasData && trial.name.trim() === '') errors.name = 'The study name is missing'
  return errors
}

// ---- header rows ------------------------------------------------------------------------------------------------

/**
 * The column a header cell names, for this outcome type: the grid's own labels ("Intervention events") or one of
 * tableImport's COLUMN_ALIASES (RTSA, meta, metafor, RevMan names); null for anything else.
 */
export function matchHeader(text: string, type: OutcomeType): ValueField | null {
  const key = headerKey(text)
  if (key === '') return null
  for (const column of trialColumns(type)) {
    if (column.label.toLowerCase() === key) return column.field
    if (COLUMN_ALIASES[column.field].includes(key)) return column.field
  }
  return null
}

/** A first row is a header when it holds no number and at least one cell names a column. */
export function isHeaderRow(cells: readonly string[], type: OutcomeType): boolean {
  const filled = cells.filter((c) => c.trim() !== '')
  if (filled.length === 0) return false
  const numeric = filled.some(
    (c) => !Number.isNaN(parseLocaleNumber(c, false)) || !Number.isNaN(parseLocaleNumber(c, true))
  )
  return !numeric && filled.some((c) => matchHeader(c, type) !== null)
}

// ---- TSV --------------------------------------------------------------------------------------------------------

/**
 * Clipboard text → rows of cells. Excel and LibreOffice put tab-separated text/plain on the clipboard, with cells
 * that contain tabs, line breaks or quotes in double quotes; blank lines are dropped.
 */
export function parseTsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') // Excel ends rows with CRLF, cells with LF
  if (body.trim() === '') return []
  const parsed = Papa.parse<string[]>(body, {
    delimiter: '\t',
    newline: '\n',
    skipEmptyLines: 'greedy'
  })
  return parsed.data.map((row) => row.map((cell) => cell ?? ''))
}

/** Rows of cells → TSV as spreadsheets read it (quotes only where a cell needs them). */
export const toTsv = (rows: readonly (readonly string[])[]): string =>
  Papa.unparse(
    rows.map((r) => [...r]),
    { delimiter: '\t', newline: '\n' }
  )
