// Trials from a CSV/TSV table (RTSA, meta, metafor, metadat and RevMan Web column names; comma, semicolon or tab;
// decimal commas), as listed in the project's ecosystem notes §2.4.
import Papa from 'papaparse'
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  TRIAL_DATA_FIELDS,
  parseProjectFile,
  startingRisInputs,
  type ProjectFile
} from '../projectFile'

type Field =
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

/** Column aliases, compared case-insensitively after trimming. */
export const COLUMN_ALIASES: Record<Field, readonly string[]> = {
  name: ['study', 'studlab', 'author', 'slab', 'trial', 'name'],
  year: ['year', 'study year'],
  eventsIntervention: ['ei', 'event.e', 'ai', 'tpos', 'experimental cases', 'eventsintervention'],
  totalIntervention: ['ni', 'n.e', 'n1i', 'ne', 'experimental n', 'totalintervention'],
  eventsControl: ['ec', 'event.c', 'ci', 'cpos', 'control cases', 'eventscontrol'],
  totalControl: ['nc', 'n.c', 'n2i', 'control n', 'totalcontrol'],
  nonEventsIntervention: ['bi', 'tneg'],
  nonEventsControl: ['di', 'cneg'],
  meanIntervention: ['mi', 'mean.e', 'm1i', 'me', 'experimental mean', 'meanintervention'],
  sdIntervention: ['sdi', 'sd.e', 'sd1i', 'se', 'experimental sd', 'sdintervention'],
  meanControl: ['mc', 'mean.c', 'm2i', 'control mean', 'meancontrol'],
  sdControl: ['sdc', 'sd.c', 'sd2i', 'sc', 'control sd', 'sdcontrol'],
  lowRiskOfBias: ['lowriskofbias', 'low risk of bias', 'lowrob'],
  include: ['include', 'included']
}

export type CsvImportResult =
  | { ok: true; value: ProjectFile; columns: Partial<Record<Field, string>>; notes: string[] }
  | { ok: false; error: { code: 'invalidCsv'; message: string; line?: number; column?: string } }

const fail = (message: string, line?: number, column?: string): CsvImportResult => ({
  ok: false,
  error: {
    code: 'invalidCsv',
    message,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {})
  }
})

/** "1 234,5" / "1,234.5" / "1234,5" → number; the decimal separator is told by the table's delimiter. */
export function parseLocaleNumber(text: string, decimalComma: boolean): number {
  let s = text.trim().replace(/[\s\u00a0']/g, '')
  if (s === '') return Number.NaN
  if (decimalComma) s = s.replace(/\./g, '').replace(',', '.')
  else s = s.replace(/,/g, '')
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : Number.NaN
}

function mapColumns(headers: string[]): Partial<Record<Field, string>> {
  const columns: Partial<Record<Field, string>> = {}
  for (const header of headers) {
    const key = header.trim().toLowerCase()
    for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [Field, readonly string[]][]) {
      if (columns[field] === undefined && aliases.includes(key)) columns[field] = header
    }
  }
  return columns
}

const BOOLEAN_TRUE = new Set(['1', 'true', 'yes', 'y', 'low'])

/**
 * Reads a table of trials into a project with default settings, rows in file order (the analysis order).
 * A malformed table gives an error naming the line and column; nothing is guessed silently.
 */
export function importCsv(text: string, title = ''): CsvImportResult {
  const body = text.replace(/^\uFEFF/, '')
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t']
  })
  const delimiter = parsed.meta.delimiter
  const headers = parsed.meta.fields ?? []
  if (headers.length < 2) return fail('the table needs a header row and at least two columns', 1)
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch')
  if (fatal !== undefined) {
    const line = (fatal.row ?? 0) + 2
    return fail(`line ${line}: ${fatal.message.toLowerCase()}`, line)
  }
  const decimalComma = delimiter !== ','
  const columns = mapColumns(headers)
  const continuous = columns.meanIntervention !== undefined || columns.meanControl !== undefined
  // Dichotomous totals may come as totals or as non-events (checked below).
  const need: readonly Field[] = continuous
    ? TRIAL_DATA_FIELDS.continuous
    : ['eventsIntervention', 'eventsControl']
  for (const field of need) {
    if (columns[field] === undefined) {
      return fail(`no column for ${field} (accepted names: ${COLUMN_ALIASES[field].join(', ')})`, 1)
    }
  }
  if (!continuous) {
    for (const [total, nonEvents] of [
      ['totalIntervention', 'nonEventsIntervention'],
      ['totalControl', 'nonEventsControl']
    ] as const) {
      if (columns[total] === undefined && columns[nonEvents] === undefined) {
        return fail(
          `no column for ${total} (accepted names: ${COLUMN_ALIASES[total].join(', ')})`,
          1
        )
      }
    }
  }
  const trials: Record<string, unknown>[] = []
  const notes: string[] = []
  for (let r = 0; r < parsed.data.length; r++) {
    const row = parsed.data[r] as Record<string, string>
    const line = r + 2
    const number = (field: Field): number | null => {
      const column = columns[field]
      if (column === undefined) return null
      const raw = row[column] ?? ''
      if (raw.trim() === '' || raw.trim().toUpperCase() === 'NA') return null
      const value = parseLocaleNumber(raw, decimalComma)
      if (Number.isNaN(value)) {
        throw Object.assign(new Error(`"${raw}" is not a number`), { line, column })
      }
      return value
    }
    try {
      const trial: Record<string, unknown> = {
        name: (columns.name !== undefined ? row[columns.name]?.trim() : '') || `Trial ${r + 1}`,
        year: number('year')
      }
      if (continuous) {
        for (const f of need) trial[f] = number(f)
      } else {
        const ei = number('eventsIntervention')
        const ec = number('eventsControl')
        const bi = number('nonEventsIntervention')
        const di = number('nonEventsControl')
        trial['eventsIntervention'] = ei
        trial['eventsControl'] = ec
        trial['totalIntervention'] =
          number('totalIntervention') ?? (ei !== null && bi !== null ? ei + bi : null)
        trial['totalControl'] =
          number('totalControl') ?? (ec !== null && di !== null ? ec + di : null)
      }
      if (columns.lowRiskOfBias !== undefined) {
        trial['lowRiskOfBias'] = BOOLEAN_TRUE.has(
          (row[columns.lowRiskOfBias] ?? '').trim().toLowerCase()
        )
      }
      if (columns.include !== undefined) {
        trial['include'] = !['0', 'false', 'no', 'n'].includes(
          (row[columns.include] ?? '').trim().toLowerCase()
        )
      }
      if (trial['year'] !== null && !Number.isInteger(trial['year'])) {
        notes.push(
          `line ${line}: year ${String(trial['year'])} is not a whole number and was dropped`
        )
        trial['year'] = null
      }
      trials.push(trial)
    } catch (e) {
      const where = e as { message: string; line: number; column: string }
      return fail(
        `line ${where.line}, column '${where.column}': ${where.message}`,
        where.line,
        where.column
      )
    }
  }
  if (trials.length === 0) return fail('the table has a header but no trials', 2)
  const project = parseProjectFile({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    title,
    outcome: { type: continuous ? 'continuous' : 'dichotomous' },
    trials,
    analysis: { measure: continuous ? 'MD' : 'RR' },
    monitoring: { ris: startingRisInputs(continuous ? 'continuous' : 'dichotomous') }
  })
  if (!project.ok) return fail(project.error.message)
  return { ok: true, value: project.value, columns, notes }
}
