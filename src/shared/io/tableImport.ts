// Trials from a table whose columns are mapped to the project's: rows of cells read from CSV/TSV text
// (readDelimitedText) or from an .xlsx sheet (xlsxTables.ts) → a guessed mapping (the column names of RTSA, meta,
// metafor, metadat and RevMan Web, ecosystem notes §2.4) → a preview of every trial with the problems of its cells →
// a project. The import wizard runs these steps with the user's choices; importCsv (CLI, main, web host) and the
// CLI's xlsx import run them with the guesses. Pure: no file system, no DOM.
import Papa from 'papaparse'
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  TRIAL_DATA_FIELDS,
  parseProjectFile,
  startingRisInputs,
  type ProjectFile
} from '../projectFile'
import { detectDecimalComma, isBlank, parseFlag, parseLocaleNumber } from './cellText'

export type OutcomeType = ProjectFile['outcome']['type']

/** A project column a table column can be mapped to (the non-events give the totals when a table has none). */
export type TableField =
  | 'name'
  | 'year'
  | 'eventsIntervention'
  | 'totalIntervention'
  | 'eventsControl'
  | 'totalControl'
  | 'nonEventsIntervention'
  | 'nonEventsControl'
  | 'meanIntervention'
  | 'sdIntervention'
  | 'meanControl'
  | 'sdControl'
  | 'lowRiskOfBias'
  | 'include'

/**
 * Column names per project column, compared after headerKey (case, spaces, a trailing "*" or ":" do not count):
 * RTSA, meta, metafor, metadat, RevMan Web, OpenTSA's own CSV export and its grid's column headers.
 */
export const COLUMN_ALIASES: Readonly<Record<TableField, readonly string[]>> = {
  name: ['study', 'studlab', 'author', 'slab', 'trial', 'name'],
  year: ['year', 'study year'],
  eventsIntervention: [
    'ei',
    'event.e',
    'ai',
    'tpos',
    'experimental cases',
    'eventsintervention',
    'intervention events'
  ],
  totalIntervention: [
    'ni',
    'n.e',
    'n1i',
    'ne',
    'experimental n',
    'totalintervention',
    'intervention total'
  ],
  eventsControl: [
    'ec',
    'event.c',
    'ci',
    'cpos',
    'control cases',
    'eventscontrol',
    'control events'
  ],
  totalControl: ['nc', 'n.c', 'n2i', 'control n', 'totalcontrol', 'control total'],
  nonEventsIntervention: ['bi', 'tneg'],
  nonEventsControl: ['di', 'cneg'],
  meanIntervention: [
    'mi',
    'mean.e',
    'm1i',
    'me',
    'experimental mean',
    'meanintervention',
    'intervention mean'
  ],
  sdIntervention: [
    'sdi',
    'sd.e',
    'sd1i',
    'se',
    'experimental sd',
    'sdintervention',
    'intervention sd'
  ],
  meanControl: ['mc', 'mean.c', 'm2i', 'control mean', 'meancontrol'],
  sdControl: ['sdc', 'sd.c', 'sd2i', 'sc', 'control sd', 'sdcontrol'],
  lowRiskOfBias: ['lowriskofbias', 'low risk of bias', 'lowrob'],
  include: ['include', 'included']
}

/** The project columns offered for each outcome type, in the trial grid's order (the non-events after the data). */
export const TABLE_FIELDS: Readonly<Record<OutcomeType, readonly TableField[]>> = {
  dichotomous: [
    'name',
    'year',
    ...TRIAL_DATA_FIELDS.dichotomous,
    'nonEventsIntervention',
    'nonEventsControl',
    'include',
    'lowRiskOfBias'
  ],
  continuous: ['name', 'year', ...TRIAL_DATA_FIELDS.continuous, 'include', 'lowRiskOfBias']
}

const NUMBER_FIELDS = new Set<TableField>([
  'year',
  ...TRIAL_DATA_FIELDS.dichotomous,
  ...TRIAL_DATA_FIELDS.continuous,
  'nonEventsIntervention',
  'nonEventsControl'
])
const FLAG_FIELDS = new Set<TableField>(['include', 'lowRiskOfBias'])

/** A header as compared with the aliases: "  Control N* " → "control n". */
export const headerKey = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[*:]+$/, '')

/** A cell as read: text (CSV, a sheet's text cells), a number or a yes/no (a sheet's typed cells), or nothing. */
export type Cell = string | number | boolean | null

/** A table as read from a file, before any mapping: a header row and the rows under it. */
export interface SourceTable {
  /** the sheet's name; null for a text file (which also decides how places are named: line or row/column) */
  sheet: string | null
  headers: string[]
  /** the rows under the header, blank rows left out */
  rows: Cell[][]
  /** the file's line (text) or the sheet's row number (1-based) of each row, for messages */
  rowNumbers: number[]
  /** the header's line or row number */
  headerRow: number
  /**
   * The decimal separator to assume when the numbers show none: a semicolon- or tab-separated text is most likely
   * from a spreadsheet in a decimal-comma locale; a sheet stores its numbers as numbers.
   */
  decimalCommaHint: boolean
}

/** Project column → index of the table column it is read from. */
export type ColumnMapping = Partial<Record<TableField, number>>

/** What the user decides (the wizard) or the guesses decide (importCsv, the CLI). */
export interface TableChoices {
  type: OutcomeType
  mapping: ColumnMapping
  decimalComma: boolean
}

export interface TableError {
  message: string
  /** the line (text) or row (sheet) at fault, when there is one */
  line?: number
  /** the header of the column at fault, when there is one */
  column?: string
}

export type TableResult<T> = { ok: true; value: T } | { ok: false; error: TableError }

const fail = (
  message: string,
  line?: number,
  column?: string
): { ok: false; error: TableError } => ({
  ok: false,
  error: {
    message,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {})
  }
})

// ---- reading -----------------------------------------------------------------------------------------------------

const isBlankCell = (cell: Cell): boolean =>
  cell === null || (typeof cell === 'string' && isBlank(cell))

/** The first non-blank row is the header; the rows under it, blank ones left out. */
export function tableFromRows(
  rows: readonly Cell[][],
  rowNumbers: readonly number[],
  sheet: string | null,
  decimalCommaHint: boolean
): SourceTable {
  const headerIndex = rows.findIndex((row) => !row.every(isBlankCell))
  if (headerIndex < 0) {
    return { sheet, headers: [], rows: [], rowNumbers: [], headerRow: 1, decimalCommaHint }
  }
  const headers = (rows[headerIndex] ?? []).map((cell) =>
    cell === null ? '' : String(cell).trim()
  )
  // trailing unnamed columns (a spreadsheet's trailing delimiters) are no columns
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop()
  const body: Cell[][] = []
  const numbers: number[] = []
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r] ?? []
    if (row.every(isBlankCell)) continue
    body.push(row)
    numbers.push(rowNumbers[r] ?? r + 1)
  }
  return {
    sheet,
    headers,
    rows: body,
    rowNumbers: numbers,
    headerRow: rowNumbers[headerIndex] ?? headerIndex + 1,
    decimalCommaHint
  }
}

/**
 * CSV or TSV text (comma, semicolon or tab, guessed; a BOM is dropped) → a table. A malformed text (unbalanced
 * quotes, a row with more or fewer cells than the header) gives an error naming the line.
 */
export function readDelimitedText(text: string): TableResult<SourceTable> {
  const body = text.replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false
  })
  // Line of each row: one per row before it, plus the line breaks inside its quoted cells.
  const lines: number[] = []
  let line = 1
  for (const row of parsed.data) {
    lines.push(line)
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
  }
  const quotes = parsed.errors.find((e) => e.type === 'Quotes')
  if (quotes !== undefined) {
    const at = lines[quotes.row ?? 0] ?? 1
    return fail(`line ${at}: ${quotes.message.toLowerCase()}`, at)
  }
  const table = tableFromRows(parsed.data, lines, null, parsed.meta.delimiter !== ',')
  if (table.headers.length < 2) {
    return fail('the table needs a header row and at least two columns', table.headerRow)
  }
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] ?? []
    const extra = row.slice(table.headers.length)
    if (row.length < table.headers.length || extra.some((cell) => !isBlankCell(cell))) {
      const at = table.rowNumbers[r] ?? 0
      const cells = row.length - extra.filter(isBlankCell).length
      return fail(
        `line ${at}: ${cells} ${cells === 1 ? 'cell' : 'cells'}, but the header has ${table.headers.length} columns`,
        at
      )
    }
  }
  return { ok: true, value: table }
}

// ---- guessing ----------------------------------------------------------------------------------------------------

/** Each project column gets the first table column one of its aliases names (a column serves one project column). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  headers.forEach((header, index) => {
    const key = headerKey(header)
    for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [
      TableField,
      readonly string[]
    ][]) {
      if (mapping[field] === undefined && aliases.includes(key)) {
        mapping[field] = index
        return
      }
    }
  })
  return mapping
}

/** Means in the table make it continuous; otherwise events. */
export const guessOutcomeType = (mapping: ColumnMapping): OutcomeType =>
  mapping.meanIntervention !== undefined || mapping.meanControl !== undefined
    ? 'continuous'
    : 'dichotomous'

const mappedFields = (type: OutcomeType, mapping: ColumnMapping): TableField[] =>
  TABLE_FIELDS[type].filter((field) => mapping[field] !== undefined)

/** The separator the text numbers of the mapped columns show, by majority; the table's hint when they show none. */
export function guessDecimalComma(
  table: SourceTable,
  type: OutcomeType,
  mapping: ColumnMapping
): boolean {
  const texts: string[] = []
  for (const field of mappedFields(type, mapping)) {
    if (!NUMBER_FIELDS.has(field)) continue
    const column = mapping[field] as number
    for (const row of table.rows) {
      const cell = row[column]
      if (typeof cell === 'string') texts.push(cell)
    }
  }
  return detectDecimalComma(texts, table.decimalCommaHint)
}

/** All three guesses at once: what the wizard starts with and what the non-interactive imports use. */
export function guessChoices(table: SourceTable): TableChoices {
  const mapping = guessMapping(table.headers)
  const type = guessOutcomeType(mapping)
  return { type, mapping, decimalComma: guessDecimalComma(table, type, mapping) }
}

/**
 * The project columns an import of `type` cannot do without and has no table column for: every arm-data column,
 * except that a dichotomous total may come from events + non-events.
 */
export function missingFields(type: OutcomeType, mapping: ColumnMapping): TableField[] {
  const has = (field: TableField): boolean => mapping[field] !== undefined
  if (type === 'continuous') return TRIAL_DATA_FIELDS.continuous.filter((field) => !has(field))
  return TRIAL_DATA_FIELDS.dichotomous.filter((field) => {
    if (field === 'totalIntervention') return !has(field) && !has('nonEventsIntervention')
    if (field === 'totalControl') return !has(field) && !has('nonEventsControl')
    return !has(field)
  })
}

// ---- preview -----------------------------------------------------------------------------------------------------

/** "C" for the third column, "AA" for the 27th: how spreadsheets name columns. */
export function columnLetter(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  }
  return name
}

/** A table column as a list of choices shows it: "nI" (text), "C: nI" (sheet), "Column 3" without a header. */
export function columnLabel(table: SourceTable, index: number): string {
  const header = table.headers[index] ?? ''
  if (table.sheet === null) return header === '' ? `Column ${index + 1}` : header
  return header === '' ? `Column ${columnLetter(index)}` : `${columnLetter(index)}: ${header}`
}

/** Where a cell is: "line 3, column 'nI'" in a text file, "row 3, column C ('nI')" in a sheet. */
export function cellPlace(table: SourceTable, rowNumber: number, column: number): string {
  const header = table.headers[column] ?? ''
  if (table.sheet === null) {
    return `line ${rowNumber}, column ${header === '' ? column + 1 : `'${header}'`}`
  }
  return `row ${rowNumber}, column ${columnLetter(column)}${header === '' ? '' : ` ('${header}')`}`
}

/** One trial as it would be imported; a cell that cannot be read is null here and has a problem. */
export type ImportedTrial = Record<string, string | number | boolean | null>

export interface CellProblem {
  rowNumber: number
  field: TableField
  column: number
  /** what is wrong, e.g. "\"ten\" is not a number" */
  message: string
  /** where, e.g. "line 3, column 'nI'" */
  place: string
}

export interface PreviewTrial {
  rowNumber: number
  trial: ImportedTrial
  /** the problem of each unreadable cell, by project column */
  problems: Partial<Record<TableField, string>>
}

export interface TablePreview {
  trials: PreviewTrial[]
  /** required project columns without a table column (missingFields) */
  missing: TableField[]
  /** every unreadable cell, row by row */
  problems: CellProblem[]
  /** what the import changes on its own (e.g. a year that is not whole is dropped) */
  notes: string[]
  /** why the table as a whole cannot be imported (no header), or null */
  tableProblem: string | null
}

const describeCell = (cell: Cell): string =>
  typeof cell === 'string' ? `"${cell.trim()}"` : String(cell).toUpperCase()

type CellReading<T> = { value: T } | { problem: string }

function readNumber(cell: Cell, decimalComma: boolean): CellReading<number | null> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { value: cell } : { problem: 'is not a number' }
  }
  if (cell === null || (typeof cell === 'string' && isBlank(cell))) return { value: null }
  if (typeof cell === 'string') {
    const value = parseLocaleNumber(cell, decimalComma)
    if (!Number.isNaN(value)) return { value }
  }
  return { problem: `${describeCell(cell)} is not a number` }
}

function readFlag(cell: Cell): CellReading<boolean | null> {
  if (typeof cell === 'boolean') return { value: cell }
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: null }
  const flag = parseFlag(String(cell))
  return flag === null ? { problem: `${describeCell(cell)} is not yes or no` } : { value: flag }
}

/** Every trial of the table read with `choices`, with the problem of each cell that cannot be read. */
export function previewTable(table: SourceTable, choices: TableChoices): TablePreview {
  const { type, mapping, decimalComma } = choices
  const tableProblem =
    table.headers.length < 2 ? 'the table needs a header row and at least two columns' : null
  const trials: PreviewTrial[] = []
  const problems: CellProblem[] = []
  const notes: string[] = []
  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 1
    const rowProblems: PreviewTrial['problems'] = {}
    const read = <T>(field: TableField, reader: (cell: Cell) => CellReading<T>): T | null => {
      const column = mapping[field]
      if (column === undefined) return null
      const reading = reader(row[column] ?? null)
      if ('value' in reading) return reading.value
      rowProblems[field] = reading.problem
      problems.push({
        rowNumber,
        field,
        column,
        message: reading.problem,
        place: cellPlace(table, rowNumber, column)
      })
      return null
    }
    const number = (field: TableField): number | null =>
      read(field, (cell) => readNumber(cell, decimalComma))

    const nameCell = mapping.name === undefined ? null : (row[mapping.name] ?? null)
    const name = nameCell === null ? '' : String(nameCell).trim()
    let year = number('year')
    if (year !== null && !Number.isInteger(year)) {
      notes.push(
        `${table.sheet === null ? 'line' : 'row'} ${rowNumber}: year ${year} is not a whole number and was dropped`
      )
      year = null
    }
    const trial: ImportedTrial = { name: name || `Trial ${r + 1}`, year }
    if (type === 'continuous') {
      for (const field of TRIAL_DATA_FIELDS.continuous) trial[field] = number(field)
    } else {
      const ei = number('eventsIntervention')
      const ni = number('totalIntervention')
      const ec = number('eventsControl')
      const nc = number('totalControl')
      const bi = number('nonEventsIntervention')
      const di = number('nonEventsControl')
      trial['eventsIntervention'] = ei
      trial['totalIntervention'] = ni ?? (ei !== null && bi !== null ? ei + bi : null)
      trial['eventsControl'] = ec
      trial['totalControl'] = nc ?? (ec !== null && di !== null ? ec + di : null)
    }
    for (const field of FLAG_FIELDS) {
      const flag = read(field, readFlag)
      if (flag !== null) trial[field] = flag
    }
    trials.push({ rowNumber, trial, problems: rowProblems })
  })
  return { trials, missing: missingFields(type, mapping), problems, notes, tableProblem }
}

/** The project columns the table maps, by their header (what importCsv reports). */
export function mappedHeaders(
  table: SourceTable,
  choices: TableChoices
): Partial<Record<TableField, string>> {
  return Object.fromEntries(
    mappedFields(choices.type, choices.mapping).map((field) => [
      field,
      table.headers[choices.mapping[field] as number] ?? ''
    ])
  )
}

/**
 * The table read with `choices` as a new project (default settings, the starting RIS inputs, rows in table order,
 * which is the analysis order). Nothing is guessed silently: a missing column or any unreadable cell is an error
 * naming the place.
 */
export function projectFromTable(
  table: SourceTable,
  choices: TableChoices,
  title = ''
): TableResult<{ project: ProjectFile; notes: string[] }> {
  const preview = previewTable(table, choices)
  if (preview.tableProblem !== null) return fail(preview.tableProblem, table.headerRow)
  const [missing] = preview.missing
  if (missing !== undefined) {
    return fail(
      `no column for ${missing} (accepted names: ${COLUMN_ALIASES[missing].join(', ')})`,
      table.headerRow
    )
  }
  const [problem] = preview.problems
  if (problem !== undefined) {
    return fail(
      `${problem.place}: ${problem.message}`,
      problem.rowNumber,
      table.headers[problem.column] ?? columnLetter(problem.column)
    )
  }
  if (preview.trials.length === 0) {
    return fail('the table has a header but no trials', table.headerRow + 1)
  }
  const { type } = choices
  const project = parseProjectFile({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    title,
    outcome: { type },
    trials: preview.trials.map((t) => t.trial),
    analysis: { measure: type === 'continuous' ? 'MD' : 'RR' },
    monitoring: { ris: startingRisInputs(type) }
  })
  if (!project.ok) return fail(project.error.message)
  return { ok: true, value: { project: project.value, notes: preview.notes } }
}
