import { parseArgs } from 'node:util'
import { extname } from 'node:path'
import { runTsa, type TsaResult } from '@engine'
import { exportCsv } from '@shared/io/csvExport'
import { projectFromJson } from '@shared/io/documentText'
import { writeTsaFile } from '@shared/io/tsaFile'
import { analysisInput, type ProjectFile } from '@shared/projectFile'
import { CliError } from '../cliError'
import { readText, writeTextAtomic } from '../files'

export const ANALYZE_HELP = `opentsa analyze PROJECT.json: the full trial sequential analysis of a project file

  --json        machine output (interfaces.md): pooled, fixed, random, heterogeneity, ris, looks, excluded, conclusion
`
export const EXPORT_HELP = `opentsa export PROJECT.json --to FILE.TSA|FILE.csv: a project in another program's format

  --to PATH     .TSA (the CTU TSA program) or .csv (one row per trial); written atomically
`

/** Reads and validates a project file; a CliError says where it is wrong. */
export function loadProject(path: string): ProjectFile {
  const read = projectFromJson(readText(path), path)
  if (!read.ok) throw new CliError(read.message)
  return read.value
}

/** The analysis of a project file, or a CliError naming the file and the field at fault. */
export function analyseProject(path: string, project: ProjectFile): TsaResult {
  const result = runTsa(analysisInput(project))
  if (!result.ok) {
    const field = result.error.field === undefined ? '' : `${result.error.field}: `
    throw new CliError(`${path}: ${field}${result.error.message}`)
  }
  return result.value
}

export function onePath(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new CliError(`give exactly one ${what} (got ${positionals.length})`)
  }
  return positionals[0] as string
}

export function runAnalyze(args: string[], out: (text: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true
  })
  const path = onePath(positionals, 'project file')
  const project = loadProject(path)
  const r = analyseProject(path, project)
  if (values.json === true) {
    out(JSON.stringify(r, null, 2))
    return
  }
  const f = (x: number | null, d = 3): string => (x === null ? '—' : x.toFixed(d))
  const lines = [
    `${project.title || path}: ${project.analysis.measure}, ${project.analysis.model} effects (${project.analysis.tau2Method})`,
    `pooled ${f(r.pooled.estimate)} [${f(r.pooled.ciLower)}, ${f(r.pooled.ciUpper)}], z ${f(r.pooled.z, 2)}, p ${f(r.pooled.p, 4)}`,
    `Q ${f(r.heterogeneity.q, 2)} (df ${r.heterogeneity.df}), H ${f(r.heterogeneity.h, 2)}, τ² ${f(r.heterogeneity.tau2, 4)}, I² ${(100 * r.heterogeneity.i2).toFixed(1)}%, D² ${(100 * r.heterogeneity.d2).toFixed(1)}%`,
    `required information size ${r.ris.required === null ? '—' : Math.ceil(r.ris.required)} ${r.ris.unit}`,
    '',
    'trial                         information      t        Z    upper    lower   TSA-adjusted CI'
  ]
  for (const look of r.looks) {
    lines.push(
      `${look.trial.slice(0, 28).padEnd(28)} ${look.cumulativeInformation.toFixed(0).padStart(12)} ${f(look.informationFraction).padStart(6)} ${f(look.z, 2).padStart(8)} ${f(look.upper, 2).padStart(8)} ${f(look.lower, 2).padStart(8)}   [${f(look.tsaCiLower)}, ${f(look.tsaCiUpper)}]`
    )
  }
  for (const e of r.excluded) lines.push(`excluded: ${e.trial} (${e.reason})`)
  lines.push('', r.conclusion.text)
  out(lines.join('\n'))
}

export function runExport(args: string[], out: (text: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: { to: { type: 'string' } },
    allowPositionals: true
  })
  const path = onePath(positionals, 'project file')
  if (values.to === undefined) throw new CliError('--to FILE.TSA|FILE.csv is required')
  const project = loadProject(path)
  const ext = extname(values.to).toLowerCase()
  if (ext === '.tsa') {
    const { text, warnings } = writeTsaFile(project)
    writeTextAtomic(values.to, text)
    out([`wrote ${values.to}`, ...warnings.map((w) => `warning: ${w}`)].join('\n'))
  } else if (ext === '.csv') {
    writeTextAtomic(values.to, exportCsv(project))
    out(`wrote ${values.to}`)
  } else {
    throw new CliError(`--to: unknown file type "${ext}" (use .TSA or .csv)`)
  }
}
