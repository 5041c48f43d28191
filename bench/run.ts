/**
 * `npm run bench`: performance figures (interfaces.md "Benchmarks"). Human-readable by default, with ratios to the
 * R packages' timings on the same machine class (tests/fixtures/reference/timings.json); `-- --json` prints only
 * { figures: [...] }. The renderer.* figures drive the web build in Chromium (bench/renderer.ts).
 */
import { readFileSync } from 'node:fs'
import {
  computeBoundaries,
  runTsa,
  simulate,
  type BoundaryRequest,
  type TsaInput
} from '@engine'
import { analysisSchema, monitoringSchema } from '@shared/projectFile'
import { measure, type Figure } from './measure'
import { rendererFigures } from './renderer'
import { syntheticTrials } from './syntheticTrials'

interface RTiming {
  package: string
  looks: number
  median_seconds: number
}

const equallySpaced = (k: number): number[] => Array.from({ length: k }, (_, i) => (i + 1) / k)

function boundaryFigure(
  engine: 'tsa' | 'precise',
  k: number,
  extra: Partial<BoundaryRequest> = {}
): () => unknown {
  const request: BoundaryRequest = {
    informationFractions: equallySpaced(k),
    alpha: 0.05,
    sides: 2,
    spending: { kind: 'obf' },
    engine,
    ...extra
  }
  return () => {
    const r = computeBoundaries(request)
    if (!r.ok) throw new Error(r.error.message)
    return r
  }
}

/**
 * A full analysis of k synthetic trials (bench/syntheticTrials.ts): random effects DL, CTU futility wedge, RRR 5% so
 * that the RIS (~10⁵ participants) lies beyond the data and every look gets boundaries.
 */
function analyzeFigure(k: number, engine: 'tsa' | 'precise' = 'tsa'): () => unknown {
  const trials = syntheticTrials(k)
  const input: TsaInput = {
    outcome: { type: 'dichotomous', direction: 'harmful' },
    trials,
    analysis: analysisSchema.parse({}), // the project file's defaults (RR, random DL, MH)
    monitoring: monitoringSchema.parse({
      futility: 'tsaWedge',
      boundaryEngine: engine,
      ris: { controlRisk: 0.1, relativeRiskReduction: 0.05 }
    })
  }
  return () => {
    const r = runTsa(input)
    if (!r.ok) throw new Error(r.error.message)
    return r
  }
}

/** The teaching simulator (issue acceptance: under 10 s): 10,000 null meta-analyses of 20 trials of 200. */
function simulateFigure(): () => unknown {
  return () => {
    const r = simulate({
      runs: 10_000,
      seed: 1,
      mode: {
        kind: 'trials',
        trials: 20,
        trialSize: 200,
        controlRisk: 0.1,
        relativeRiskReduction: 0,
        tau2: 0
      },
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      spending: { kind: 'obf' }
    })
    if (!r.ok) throw new Error(r.error.message)
    return r
  }
}

const candidates: [string, () => unknown, number][] = [
  ['boundaries.tsa.k10', boundaryFigure('tsa', 10), 50],
  ['boundaries.tsa.k100', boundaryFigure('tsa', 100), 15],
  ['boundaries.tsa.k200', boundaryFigure('tsa', 200), 10],
  ['boundaries.precise.k10', boundaryFigure('precise', 10), 200],
  ['boundaries.precise.k100', boundaryFigure('precise', 100), 100],
  ['boundaries.precise.k200', boundaryFigure('precise', 200), 50],
  [
    'futility.precise.k100',
    boundaryFigure('precise', 100, {
      sides: 1,
      alpha: 0.025,
      beta: 0.1,
      futility: 'nonBinding',
      betaSpending: { kind: 'obf' }
    }),
    20
  ],
  ['analyze.trials10', analyzeFigure(10), 50],
  ['analyze.trials100', analyzeFigure(100), 20],
  ['analyze.trials1000', analyzeFigure(1000), 5],
  // The same analyses with the precise engine (the default tsa engine reproduces ld98's fine trapezoid grid).
  ['analyze.precise.trials100', analyzeFigure(100, 'precise'), 20],
  ['analyze.precise.trials1000', analyzeFigure(1000, 'precise'), 5],
  ['teaching.simulate10k', simulateFigure(), 5]
]

const json = process.argv.includes('--json')
/** `--only PREFIX`: just the figures whose names start with it (e.g. `--only renderer.`). */
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : ''
const wanted = (name: string): boolean => name.startsWith(only) || only.startsWith(name)
/** Progress and skip reasons: stderr in --json mode, so that stdout is the JSON alone. */
const log = json
  ? (line: string): void => console.error(line)
  : (line: string): void => console.log(line)

const figures: Figure[] = []
for (const [name, fn, runs] of candidates) {
  if (!wanted(name)) continue
  const figure = measure(name, fn, runs)
  if (figure !== null) figures.push(figure)
  else log(`${name}: could not be measured (left out)`)
}
if (wanted('renderer.')) {
  const renderer = await rendererFigures({ log })
  figures.push(...renderer.figures)
  for (const reason of renderer.skipped) log(`${reason} (left out)`)
}

if (json) {
  console.log(JSON.stringify({ figures }))
} else {
  const timings = (
    JSON.parse(
      readFileSync(new URL('../tests/fixtures/reference/timings.json', import.meta.url), 'utf8')
    ) as {
      timings: RTiming[]
    }
  ).timings
  const rMs = (pkg: string, looks: number): number | undefined => {
    const found = timings.find((t) => t.package === pkg && t.looks === looks)
    return found === undefined ? undefined : found.median_seconds * 1000
  }
  console.log(
    'figure                        median ms   runs   comparison (R on the same machine class)'
  )
  for (const f of figures) {
    const k = Number(/k(\d+)$/.exec(f.name)?.[1])
    const notes: string[] = []
    if (f.name.startsWith('boundaries.')) {
      for (const pkg of ['gsDesign::gsBound', 'ldbounds', 'RTSA:::alpha_boundary']) {
        const ms = rMs(pkg, k)
        if (ms === undefined) continue
        const ratio = ms / f.medianMs
        notes.push(
          ratio >= 1
            ? `${ratio.toFixed(1)}× faster than ${pkg} (${ms.toFixed(1)} ms)`
            : `${(1 / ratio).toFixed(1)}× slower than ${pkg} (${ms.toFixed(1)} ms)`
        )
      }
    }
    console.log(
      `${f.name.padEnd(30)}${f.medianMs.toFixed(3).padStart(9)}${String(f.runs).padStart(7)}   ${notes.join('; ')}`
    )
  }
  for (const [name, target] of [
    ['analyze.trials100', 20],
    ['analyze.trials1000', 500],
    ['renderer.editToChart.trials200', 100],
    ['teaching.simulate10k', 10_000]
  ] as const) {
    const f = figures.find((x) => x.name === name)
    if (f === undefined) continue
    console.log(
      `target: ${name} under ${target} ms: ${f.medianMs.toFixed(1)} ms ${f.medianMs < target ? '(met)' : '(NOT met)'}`
    )
  }
  const precise100 = figures.find((f) => f.name === 'boundaries.precise.k100')
  const gsBound100 = rMs('gsDesign::gsBound', 100)
  if (precise100 !== undefined && gsBound100 !== undefined) {
    const ratio = gsBound100 / precise100.medianMs
    console.log(
      `\ntarget: boundaries.precise.k100 ≥ 10× faster than gsBound at its default grid: ${ratio.toFixed(1)}× ${ratio >= 10 ? '(met)' : '(NOT met)'}`
    )
  }
}
