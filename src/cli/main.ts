import { BOUNDARIES_HELP, runBoundaries } from './commands/boundaries'
import { RIS_HELP, runRis } from './commands/ris'
import { IMPORT_HELP, runImport } from './commands/import'
import { ANALYZE_HELP, EXPORT_HELP, runAnalyze, runExport } from './commands/project'
import { PLOT_HELP, runPlot } from './commands/plot'
import { REPORT_HELP, runReport } from './commands/report'
import { SIMULATE_HELP, runSimulate } from './commands/simulate'
import { CliError } from './cliError'
import { cliVersion } from './version'

const COMMANDS: Record<
  string,
  // a command may be asynchronous (the PDF report is written from a stream)
  { help: string; run: (args: string[], out: (text: string) => void) => void | Promise<void> }
> = {
  boundaries: { help: BOUNDARIES_HELP, run: runBoundaries },
  ris: { help: RIS_HELP, run: runRis },
  analyze: { help: ANALYZE_HELP, run: runAnalyze },
  import: { help: IMPORT_HELP, run: runImport },
  export: { help: EXPORT_HELP, run: runExport },
  plot: { help: PLOT_HELP, run: runPlot },
  report: { help: REPORT_HELP, run: runReport },
  simulate: { help: SIMULATE_HELP, run: runSimulate }
}

export const MAIN_HELP = `opentsa: Trial Sequential Analysis from the command line

Usage: opentsa <command> [flags] [--json]

Commands:
  boundaries   Lan–DeMets alpha-spending (and futility) boundaries at given information fractions
  ris          required information size (dichotomous or continuous, heterogeneity-adjusted)
  analyze      the full trial sequential analysis of a project file
  import       a project from a RevMan file (.rm5, data package .zip), a CTU .TSA file or a CSV/TSV table
  export       a project as a CTU .TSA file or a CSV table
  plot         the TSA chart as a PNG, SVG or PDF figure (no browser needed)
  report       the full report (settings, chart, results, per-look table, methods) as HTML or PDF
  simulate     the repeated-testing simulator: naive ±1.96 versus the monitoring boundaries (teaching)

Every command takes --json (machine output on stdout only) and --help.
Bad input exits with status 2 and a one-line message on stderr naming the flag.

Examples:
  opentsa boundaries --looks 0.25,0.5,0.75,1 --alpha 0.05 --sides 2 --spending obf --json
  opentsa import trials.csv --out project.json && opentsa analyze project.json
  opentsa import review.rm5 --list && opentsa import review.rm5 --analysis CMP-001.01 --out project.json
  opentsa ris --control-risk 0.05 --rrr 0.25 --alpha 0.05 --beta 0.2 --heterogeneity d2:0.2
  opentsa plot project.json --out figure.png --dpi 600 --preset single
  opentsa report project.json --out report.pdf
  opentsa simulate --runs 10000 --seed 1 --trials 20 --trial-size 200 --control-risk 0.1 --rrr 0
`

/** Runs the command line; returns the exit status (0 ok, 2 bad input, 1 internal error). */
export async function main(
  argv: string[],
  out: (text: string) => void = (text) => process.stdout.write(text + '\n'),
  err: (text: string) => void = (text) => process.stderr.write(text + '\n')
): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(MAIN_HELP)
    return 0
  }
  if (name === '--version' || name === '-v') {
    out(cliVersion())
    return 0
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    err(`opentsa: unknown command "${name}" (see opentsa --help)`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.help)
    return 0
  }
  try {
    await command.run(rest, out)
    return 0
  } catch (e) {
    if (
      e instanceof CliError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      err(`opentsa ${name}: ${(e as Error).message}`)
      return 2
    }
    err(`opentsa ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
