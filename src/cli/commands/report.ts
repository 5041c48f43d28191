import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { CliError } from '../cliError'
import { writeFileAtomic } from '../files'
import { projectReport } from '../report/projectReport'
import { cliVersion } from '../version'
import { analyseProject, loadProject, onePath } from './project'

export const REPORT_HELP = `opentsa report PROJECT.json --out REPORT.html|REPORT.pdf: the full report of an analysis

Every setting of the project (in words, with the values the engine estimated), the TSA chart, the pooled results
with conventional and TSA-adjusted CIs, the per-look table, the conclusion, a methods paragraph with references and
the software version.

  --out PATH    .html (one standalone file: inline chart, no scripts, prints on A4) or .pdf (A4, fonts embedded);
                written atomically
  --json        machine output: { "out", "format", "bytes", "report" } with the report's content
`

const FORMATS: Record<string, 'html' | 'pdf'> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf' }

export async function runReport(args: string[], out: (text: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true
  })
  const path = onePath(positionals, 'project file')
  if (values.out === undefined) throw new CliError('--out REPORT.html|REPORT.pdf is required')
  const format = FORMATS[extname(values.out).toLowerCase()]
  if (format === undefined) {
    throw new CliError(`--out: unknown file type "${extname(values.out)}" (use .html or .pdf)`)
  }
  const project = loadProject(path)
  const result = analyseProject(path, project)
  // the chart as `opentsa plot` draws it (the project's figure settings), headless: inline SVG or pdfkit vectors
  const { model, data } = await projectReport(
    project,
    result,
    { version: cliVersion(), generatedAt: new Date() },
    format
  )
  try {
    writeFileAtomic(values.out, data)
  } catch (e) {
    throw new CliError(
      `--out: cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
    )
  }
  const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength
  if (values.json === true) {
    out(JSON.stringify({ out: values.out, format, bytes, report: model }, null, 2))
  } else {
    out(`wrote ${values.out} (${format.toUpperCase()} report, ${model.sections.length} sections)`)
  }
}
