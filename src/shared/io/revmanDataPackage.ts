// The RevMan Web data package (ecosystem notes §2.3) read into the model revman.ts builds projects from. Its CSVs sit
// in a nested "<ID>-files/<ID>-data.zip" (the package downloaded with an article) or straight in the zip (RevMan
// Web's "…dataPackage.zip"); all are UTF-8 with a byte-order mark. Analyses get RevMan 5's IDs ("CMP-001.02",
// subgroup "CMP-001.02.01"), so that a review converted between the two formats keeps its analysis ids.
import { unzipSync } from 'fflate'
import Papa from 'papaparse'
import type {
  RevmanOutcome,
  RevmanRawField,
  RevmanResult,
  RevmanReview,
  RevmanSubgroup
} from './revman'

const SETTINGS_CSV = 'overall-estimates-and-settings.csv'
const ROWS_CSV = 'data-rows.csv'
const SUBGROUPS_CSV = 'subgroup-estimates.csv'
/** Only a diagnostic test accuracy review has it (ecosystem notes §2.3). */
const DTA_CSV = 'parameters.csv'

/** The data-rows.csv column of each raw field (experimental = group 1, control = group 2). */
const ROW_COLUMNS: Record<RevmanRawField, string> = {
  events1: 'Experimental cases',
  total1: 'Experimental N',
  events2: 'Control cases',
  total2: 'Control N',
  mean1: 'Experimental mean',
  sd1: 'Experimental SD',
  mean2: 'Control mean',
  sd2: 'Control SD'
}
const ANALYSIS_KEY = ['Analysis group', 'Analysis number']
const SETTINGS_COLUMNS = [
  ...ANALYSIS_KEY,
  'Analysis name',
  'Analysis group name',
  'Data type',
  'Statistical method',
  'Effect measure',
  'Analysis model'
]
const ROWS_COLUMNS = [
  ...ANALYSIS_KEY,
  'Subgroup',
  'Study',
  'Study year',
  ...Object.values(ROW_COLUMNS)
]

const DATA_TYPES: Record<string, { dataType: RevmanOutcome['dataType']; name: string }> = {
  dichotomous: { dataType: 'DICH', name: 'dichotomous' },
  continuous: { dataType: 'CONT', name: 'continuous' },
  'o-e and variance': { dataType: 'IPD', name: 'O − E and variance' }
}

type Files = Map<string, Uint8Array>

// Types only from revman.ts (which calls this reader), so that the two modules do not import each other at run time.
const invalidFile = (message: string): RevmanResult<never> => ({
  ok: false,
  error: { code: 'invalidFile', message }
})

/** A package's CSVs are kilobytes; a larger entry is refused before it is inflated (a zip bomb stays packed). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024

/** The CSVs (and nested zips) of a zip; everything else (the article PDF, forest plot SVGs) is not even inflated. */
function unzip(bytes: Uint8Array): Files {
  const entries = unzipSync(bytes, {
    filter: (file) => {
      if (!/\.(csv|zip)$/i.test(file.name)) return false
      if (file.originalSize > MAX_ENTRY_BYTES) {
        throw new Error(
          `${file.name} would inflate to ${Math.round(file.originalSize / 2 ** 20)} MB`
        )
      }
      return true
    }
  })
  return new Map(Object.entries(entries))
}

const baseName = (path: string): string => path.replace(/^.*\//, '')
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

interface Table {
  name: string
  rows: Record<string, string>[]
  /** The file line of a data row (the header is line 1). */
  line: (index: number) => number
}

function readTable(
  files: Files,
  path: string,
  required: readonly string[],
  fileName: string
): RevmanResult<Table> {
  const name = baseName(path)
  let text: string
  try {
    // TextDecoder drops the byte-order mark RevMan Web writes, so the first header is "Analysis group"
    text = new TextDecoder('utf-8', { fatal: true }).decode(files.get(path) as Uint8Array)
  } catch {
    return invalidFile(`${fileName}: ${name} is not UTF-8 text`)
  }
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy'
  })
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch')
  if (fatal !== undefined) {
    return invalidFile(`${fileName}: ${name} line ${(fatal.row ?? 0) + 2}: ${fatal.message}`)
  }
  const headers = parsed.meta.fields ?? []
  const missing = required.filter((column) => !headers.includes(column))
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(', ')
    return invalidFile(`${fileName}: ${name} has no column ${list}`)
  }
  return { ok: true, value: { name, rows: parsed.data, line: (index) => index + 2 } }
}

/** "CMP-001.02" for the analysis in group 1, number 2; null when the two are not whole numbers ≥ 1. */
function analysisId(row: Record<string, string>): string | null {
  const [group, number] = ANALYSIS_KEY.map((column) => Number((row[column] ?? '').trim()))
  if (!Number.isInteger(group) || !Number.isInteger(number)) return null
  if ((group as number) < 1 || (number as number) < 1) return null
  return `CMP-${pad(group as number, 3)}.${pad(number as number, 2)}`
}

export function readRevmanDataPackage(
  bytes: Uint8Array,
  fileName: string
): RevmanResult<RevmanReview> {
  let files: Files
  try {
    files = unzip(bytes)
  } catch (e) {
    return invalidFile(`${fileName}: not a readable zip file (${(e as Error).message})`)
  }
  for (const [path, inner] of [...files]) {
    if (!/\.zip$/i.test(path)) continue
    try {
      for (const [innerPath, data] of unzip(inner)) files.set(`${path}/${innerPath}`, data)
    } catch (e) {
      return invalidFile(
        `${fileName}: ${path} is not a readable zip file (${(e as Error).message})`
      )
    }
  }
  const find = (suffix: string): string[] =>
    [...files.keys()].filter((path) => baseName(path) === suffix || path.endsWith(`-${suffix}`))
  if (find(DTA_CSV).length > 0) {
    return invalidFile(
      `${fileName}: a diagnostic test accuracy review has no intervention comparisons to import`
    )
  }
  const paths: string[] = []
  for (const suffix of [SETTINGS_CSV, ROWS_CSV]) {
    const found = find(suffix)
    if (found.length === 0) {
      return invalidFile(
        `${fileName}: no …-${suffix} in the zip: it is not a RevMan Web data package`
      )
    }
    if (found.length > 1) {
      return invalidFile(
        `${fileName}: the zip holds ${found.length} …-${suffix} files: one review at a time`
      )
    }
    paths.push(found[0] as string)
  }
  const settings = readTable(files, paths[0] as string, SETTINGS_COLUMNS, fileName)
  if (!settings.ok) return settings
  const dataRows = readTable(files, paths[1] as string, ROWS_COLUMNS, fileName)
  if (!dataRows.ok) return dataRows
  const subgroupPath = find(SUBGROUPS_CSV)[0]
  const subgroupTable =
    subgroupPath === undefined
      ? null
      : readTable(files, subgroupPath, [...ANALYSIS_KEY, 'Subgroup', 'Subgroup number'], fileName)
  if (subgroupTable !== null && !subgroupTable.ok) return subgroupTable

  const outcomes = outcomesFrom(settings.value, fileName)
  if (!outcomes.ok) return outcomes
  const byId = new Map(outcomes.value.map((o) => [o.id, o]))
  const numbers = subgroupNumbers(subgroupTable?.value ?? null)
  const rows = dataRows.value
  for (let i = 0; i < rows.rows.length; i++) {
    const row = rows.rows[i] as Record<string, string>
    const where = `${rows.name} line ${rows.line(i)}`
    const id = analysisId(row)
    const outcome = id === null ? undefined : byId.get(id)
    if (outcome === undefined) {
      const key = ANALYSIS_KEY.map((c) => row[c] ?? '').join('.')
      return invalidFile(`${fileName}: ${where}: analysis ${key} is not in ${settings.value.name}`)
    }
    const study = (row['Study'] ?? '').trim()
    const values: Partial<Record<RevmanRawField, string>> = {}
    for (const [field, column] of Object.entries(ROW_COLUMNS) as [RevmanRawField, string][]) {
      values[field] = row[column] ?? ''
    }
    const dataRow = {
      study,
      year: row['Study year'] ?? '',
      order: i,
      values,
      where: `${where} (study '${study}')`
    }
    const subgroupName = (row['Subgroup'] ?? '').trim()
    if (subgroupName === '') outcome.rows.push(dataRow)
    else subgroupOf(outcome, subgroupName, numbers).rows.push(dataRow)
  }
  for (const outcome of outcomes.value) outcome.subgroups.sort((a, b) => a.id.localeCompare(b.id))
  const names = {
    ...ROW_COLUMNS,
    effectMeasure: 'Effect measure',
    method: 'Statistical method',
    confidence: 'Estimate CI'
  }
  return {
    ok: true,
    value: { title: '', source: 'dataPackage', names, outcomes: outcomes.value, warnings: [] }
  }
}

function outcomesFrom(table: Table, fileName: string): RevmanResult<RevmanOutcome[]> {
  const outcomes: RevmanOutcome[] = []
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] as Record<string, string>
    const where = `${table.name} line ${table.line(i)}`
    const id = analysisId(row)
    if (id === null) {
      const key = ANALYSIS_KEY.map((c) => `${c} "${row[c] ?? ''}"`).join(', ')
      return invalidFile(`${fileName}: ${where}: ${key} must be whole numbers from 1`)
    }
    const typeText = (row['Data type'] ?? '').trim()
    // Generic inverse variance is "Contrast level" in the packages seen; any other type is not importable either.
    const type = DATA_TYPES[typeText.toLowerCase()] ?? { dataType: 'IV' as const, name: typeText }
    const model = (row['Analysis model'] ?? '').trim()
    if (!/^(fixed|random)/i.test(model)) {
      return invalidFile(
        `${fileName}: ${where}: Analysis model "${model}" is neither a fixed nor a random effect model`
      )
    }
    outcomes.push({
      id,
      comparison: (row['Analysis group name'] ?? '').trim(),
      name: (row['Analysis name'] ?? '').trim() || id,
      dataType: type.dataType,
      dataTypeName: type.name,
      effectMeasure: row['Effect measure'] ?? '',
      method: row['Statistical method'] ?? '',
      random: /^random/i.test(model),
      swapEvents: (row['Swap event and non-event'] ?? '').trim().toLowerCase() === 'true',
      confidence: row['Estimate CI'] ?? '',
      groupLabels: [
        (row['Experimental group label'] ?? '').trim(),
        (row['Control group label'] ?? '').trim()
      ],
      rows: [],
      subgroups: [],
      where
    })
  }
  return { ok: true, value: outcomes }
}

/** Subgroup numbers by "CMP-001.02|name", from subgroup-estimates.csv (RevMan's numbering) when the zip has it. */
function subgroupNumbers(table: Table | null): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const row of table?.rows ?? []) {
    const id = analysisId(row)
    const no = Number((row['Subgroup number'] ?? '').trim())
    if (id !== null && Number.isInteger(no) && no >= 1) {
      numbers.set(`${id}|${(row['Subgroup'] ?? '').trim()}`, no)
    }
  }
  return numbers
}

/** The outcome's subgroup of that name, made on first sight (numbered by the estimates file, else in row order). */
function subgroupOf(
  outcome: RevmanOutcome,
  name: string,
  numbers: Map<string, number>
): RevmanSubgroup {
  const existing = outcome.subgroups.find((s) => s.name === name)
  if (existing !== undefined) return existing
  const taken = new Set(outcome.subgroups.map((s) => s.id))
  let no = numbers.get(`${outcome.id}|${name}`) ?? outcome.subgroups.length + 1
  while (taken.has(`${outcome.id}.${pad(no, 2)}`)) no++
  const subgroup = { id: `${outcome.id}.${pad(no, 2)}`, name, rows: [] }
  outcome.subgroups.push(subgroup)
  return subgroup
}
