// `opentsa import`: a project from another program's file. RevMan files hold several analyses, so for them the
// command also lists (--list) and picks one (--analysis); everything else goes through the hosts' shared reader.
import { parseArgs } from 'node:util'
import { REVMAN_EXTENSIONS, fileExtension, importDataBytes } from '@shared/io/documentText'
import {
  projectFromRevmanReview,
  readRevmanReview,
  revmanReviewContents,
  type RevmanContents
} from '@shared/io/revman'
import type { ProjectFile } from '@shared/projectFile'
import { importWorkbook } from '@shared/io/xlsxTables'
import { CliError } from '../cliError'
import { readBytes, writeTextAtomic } from '../files'

export const IMPORT_HELP = `opentsa import FILE --out PROJECT.json: a project from another program's file

  FILE.rm5      a RevMan 5 review; FILE.zip: a RevMan Web data package. A project holds one analysis:
                an outcome (with all its subgroups) or one subgroup. Dichotomous and continuous data only
                (an SMD outcome is imported as mean differences); trials in chronological order
  FILE.TSA      the CTU TSA program's save file (CTU compatibility is switched on)
  FILE.csv      a table of trials (RTSA, meta, metafor or RevMan Web column names; comma, semicolon or tab;
                decimal commas); .tsv and .txt are read the same way
  FILE.xlsx     an Excel workbook: a sheet holding such a table (the first whose columns are all recognised,
                unless --sheet names one)
  --sheet NAME  xlsx: the sheet to import
  --list        RevMan files: list the analyses and write nothing; with --json
                [{ "id", "name", "type", "trials", "comparison", "outcome", "subgroup" }]
  --analysis ID RevMan files: the analysis to import, e.g. CMP-001.01 (an outcome) or CMP-001.02.01 (a
                subgroup); needed when the file has more than one
  --out PATH    where to write the project (written atomically)
  --json        print the project on stdout instead of a summary

Examples:
  opentsa import review.rm5 --list
  opentsa import review.rm5 --analysis CMP-001.01 --out project.json
`

function onePath(positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new CliError(`give exactly one file to import (got ${positionals.length})`)
  }
  return positionals[0] as string
}

export async function runImport(args: string[], out: (text: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean' },
      list: { type: 'boolean' },
      analysis: { type: 'string' },
      sheet: { type: 'string' }
    },
    allowPositionals: true
  })
  const path = onePath(positionals)
  const revman = (REVMAN_EXTENSIONS as readonly string[]).includes(fileExtension(path))
  if (!revman && (values.list === true || values.analysis !== undefined)) {
    throw new CliError(
      `--list and --analysis are for RevMan files (${REVMAN_EXTENSIONS.join(', ')}), not ${path}`
    )
  }
  const workbook = fileExtension(path) === '.xlsx'
  if (!workbook && values.sheet !== undefined) {
    throw new CliError(`--sheet is for Excel workbooks (.xlsx), not ${path}`)
  }
  if (values.list !== true && values.out === undefined && values.json !== true) {
    throw new CliError('--out PROJECT.json is required')
  }
  const bytes = readBytes(path)
  let imported: { project: ProjectFile; notes: string[]; what: string }
  if (revman) {
    // read once: listing, choosing and importing all work on the same parsed review
    const review = readRevmanReview(bytes, path)
    if (!review.ok) throw new CliError(review.error.message)
    const contents = revmanReviewContents(review.value)
    if (values.list === true) {
      out(
        values.json === true ? JSON.stringify(contents.analyses, null, 2) : listing(path, contents)
      )
      return
    }
    const id = values.analysis ?? onlyAnalysis(path, contents)
    const result = projectFromRevmanReview(review.value, path, id)
    if (!result.ok) throw new CliError(result.error.message)
    const { project, warnings } = result.value
    imported = { project, notes: warnings, what: ` (${id})` }
  } else if (workbook) {
    // the import wizard's table reader, with its guessed column mapping
    const result = await importWorkbook(bytes, path, values.sheet)
    if (!result.ok) throw new CliError(result.message)
    const { project, notes, sheet } = result.value
    imported = { project, notes, what: ` (sheet '${sheet}')` }
  } else {
    const result = importDataBytes(bytes, path)
    if (!result.ok) throw new CliError(result.message)
    imported = { project: result.value, notes: result.notes, what: '' }
  }
  const json = JSON.stringify(imported.project, null, 2)
  if (values.out !== undefined) writeTextAtomic(values.out, json + '\n')
  if (values.json === true) out(json)
  else {
    out(
      [
        `imported ${imported.project.trials.length} trials${imported.what} into ${values.out}`,
        ...imported.notes.map((n) => `note: ${n}`)
      ].join('\n')
    )
  }
}

/** The id of a file's only analysis; with none or several, a one-line error that lists them. */
function onlyAnalysis(path: string, contents: RevmanContents): string {
  const ids = contents.analyses.map((a) => a.id)
  if (ids.length === 1) return ids[0] as string
  if (ids.length === 0) {
    throw new CliError(`${path} has no dichotomous or continuous analysis to import`)
  }
  throw new CliError(
    `${path} holds ${ids.length} analyses: give --analysis ID, one of ${ids.join(', ')}`
  )
}

/** The human list: analyses under their comparison, subgroups indented under their outcome. */
function listing(path: string, contents: RevmanContents): string {
  const lines = [`${path}: ${contents.analyses.length} analyses`]
  let comparison: string | null = null
  for (const a of contents.analyses) {
    if (a.comparison !== comparison) {
      comparison = a.comparison
      lines.push('', comparison || '(comparison without a name)')
    }
    const trials = `${a.trials} trial${a.trials === 1 ? '' : 's'}`
    const name = a.subgroup === null ? a.name : `  subgroup: ${a.name}`
    lines.push(`  ${a.id.padEnd(15)} ${a.type.padEnd(12)} ${trials.padStart(10)}  ${name}`)
  }
  if (contents.unsupported.length > 0) lines.push('', 'not importable:')
  for (const u of contents.unsupported) {
    lines.push(`  ${u.id.padEnd(15)} ${u.dataType} data (${u.trials} trials)  ${u.name}`)
  }
  return lines.join('\n')
}
