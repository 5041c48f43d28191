import { parseArgs } from 'node:util'
import {
  computeBoundaries,
  exitProbabilities,
  normalUpperQuantile,
  simulate,
  type SimulationRequest,
  type SimulationSummary
} from '@engine'
import { CliError, flagForField, numberFlag, sidesFlag } from '../cliError'
import { spendingFlag } from './boundaries'

export const SIMULATE_HELP = `opentsa simulate: the repeated-testing simulator (teaching)

  Simulates cumulative meta-analyses and counts how often they cross the naive ±z_{1−α/sides}
  and the monitoring boundaries.

  --runs N                  simulated meta-analyses (default 10000, at most 1000000)
  --seed S                  integer seed; the same seed gives the same result (default 1)
  one of:
  --normal-looks K          K equally spaced looks of a normal test statistic under no effect
                            (the RIS at the last look; exact answers shown beside the simulated ones)
  --trials T                T trials per meta-analysis, pooled as the app does (RR, random effects DL)
    --trial-size N          participants per trial, both arms (default 200)
    --control-risk P        control-group risk (default 0.1)
    --rrr R                 true relative risk reduction (default 0: no effect)
    --tau2 V                between-trial variance of the log RR (default 0)
    --anticipated-rrr R     the RRR the design's RIS is powered for (default 0.2)
  --alpha A                 total type I error (default 0.05)
  --sides 1|2               (default 2)
  --beta B                  type II error of the RIS (default 0.2)
  --spending S              obf | pocock | power:RHO | hsd:GAMMA (default obf)
  --json                    { runs, naiveCrossing, boundaryCrossing, risReached, crossingLook,
                              naiveCrossingLook, standardErrors }
`

/** Engine fields (dotted paths) → the flags the user typed. */
const FIELD_FLAGS: Record<string, string> = {
  runs: '--runs',
  seed: '--seed',
  alpha: '--alpha',
  sides: '--sides',
  beta: '--beta',
  spending: '--spending',
  'mode.looks': '--normal-looks',
  'mode.trials': '--trials',
  'mode.trialSize': '--trial-size',
  'mode.controlRisk': '--control-risk',
  'mode.relativeRiskReduction': '--rrr',
  'mode.tau2': '--tau2',
  'mode.anticipatedRrr': '--anticipated-rrr'
}

const TRIAL_FLAGS = ['trial-size', 'control-risk', 'rrr', 'tau2', 'anticipated-rrr'] as const

/** Parses the flags into a SimulationRequest (exported for tests). */
export function simulationRequestFromArgs(args: string[]): {
  request: SimulationRequest
  json: boolean
} {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      'normal-looks': { type: 'string' },
      trials: { type: 'string' },
      'trial-size': { type: 'string' },
      'control-risk': { type: 'string' },
      rrr: { type: 'string' },
      tau2: { type: 'string' },
      'anticipated-rrr': { type: 'string' },
      alpha: { type: 'string' },
      sides: { type: 'string' },
      beta: { type: 'string' },
      spending: { type: 'string' },
      json: { type: 'boolean' }
    },
    strict: true,
    allowPositionals: false
  })
  const normal = values['normal-looks'] !== undefined
  const trials = values.trials !== undefined
  if (normal === trials) {
    throw new CliError(
      'give exactly one of --normal-looks K (normal test statistics) or --trials T (simulated trials)'
    )
  }
  const trialFlag = TRIAL_FLAGS.find((f) => values[f] !== undefined)
  if (normal && trialFlag !== undefined) {
    throw new CliError(`--${trialFlag} goes with --trials, not --normal-looks`)
  }
  const mode: SimulationRequest['mode'] = normal
    ? { kind: 'normalLooks', looks: numberFlag('--normal-looks', values['normal-looks']) }
    : {
        kind: 'trials',
        trials: numberFlag('--trials', values.trials),
        trialSize: numberFlag('--trial-size', values['trial-size'], 200),
        controlRisk: numberFlag('--control-risk', values['control-risk'], 0.1),
        relativeRiskReduction: numberFlag('--rrr', values.rrr, 0),
        tau2: numberFlag('--tau2', values.tau2, 0),
        anticipatedRrr: numberFlag('--anticipated-rrr', values['anticipated-rrr'], 0.2)
      }
  const request: SimulationRequest = {
    runs: numberFlag('--runs', values.runs, 10_000),
    seed: numberFlag('--seed', values.seed, 1),
    mode,
    alpha: numberFlag('--alpha', values.alpha, 0.05),
    sides: sidesFlag(values.sides),
    beta: numberFlag('--beta', values.beta, 0.2),
    spending: spendingFlag('--spending', values.spending)
  }
  return { request, json: values.json === true }
}

export function runSimulate(args: string[], out: (text: string) => void): void {
  const { request, json } = simulationRequestFromArgs(args)
  const result = simulate(request)
  if (!result.ok) {
    const field = result.error.field
    const flag = field === undefined ? undefined : FIELD_FLAGS[field]
    const prefix = flag === undefined ? flagForField(field, FIELD_FLAGS) : `${flag}: `
    throw new CliError(`${prefix}${result.error.message}`)
  }
  const s = result.value
  if (json) {
    out(JSON.stringify(s, null, 2))
    return
  }
  out(humanSummary(request, s))
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`
const withSe = (x: number, se: number): string => `${percent(x)} ± ${percent(se)} (SE)`

/** The shares with their SEs; for normal looks also the exact values of the boundary recursion. */
function humanSummary(req: SimulationRequest, s: SimulationSummary): string {
  const exact = req.mode.kind === 'normalLooks' ? exactNormalLooks(req, req.mode.looks) : null
  const beside = (x: number | undefined): string =>
    x === undefined ? '' : `   exact ${x.toFixed(4)}`
  const z = normalUpperQuantile(req.alpha / req.sides).toFixed(3)
  const naiveLabel = req.sides === 2 ? `±${z}` : `${z}`
  const what =
    req.mode.kind === 'normalLooks'
      ? `${req.mode.looks} equally spaced looks of a normal test statistic, no effect`
      : `${req.mode.trials} trials of ${req.mode.trialSize} participants, control risk ${req.mode.controlRisk}, ` +
        `RRR ${req.mode.relativeRiskReduction}, τ² ${req.mode.tau2}`
  const line = (label: string, value: string): string => `${label.padEnd(36)}${value}`
  return [
    `${s.runs} simulated meta-analyses (seed ${req.seed}): ${what}`,
    line(
      `crossed the naive ${naiveLabel}`,
      `${withSe(s.naiveCrossing, s.standardErrors.naiveCrossing)}${beside(exact?.naive)}`
    ),
    line(
      'crossed the monitoring boundaries',
      `${withSe(s.boundaryCrossing, s.standardErrors.boundaryCrossing)}${beside(exact?.boundary)}`
    ),
    line('reached the RIS', withSe(s.risReached, s.standardErrors.risReached)),
    line('first boundary crossing per look', s.crossingLook.join(' '))
  ].join('\n')
}

/** Exact crossing probabilities under H0 by the engine's recursion (exitProbabilities). */
function exactNormalLooks(
  req: SimulationRequest,
  looks: number
): { naive: number; boundary: number | undefined } {
  const t = Array.from({ length: looks }, (_, k) => (k + 1) / looks)
  const z = normalUpperQuantile(req.alpha / req.sides)
  const lower = (bound: number): number => (req.sides === 2 ? -bound : -Infinity)
  const naive = exitProbabilities(
    { informationFractions: t, upper: t.map(() => z), lower: t.map(() => lower(z)) },
    0
  ).total
  const design = computeBoundaries({
    informationFractions: t,
    alpha: req.alpha,
    sides: req.sides,
    spending: req.spending
  })
  if (!design.ok) return { naive, boundary: undefined }
  const boundary = exitProbabilities(
    {
      informationFractions: t,
      upper: design.value.looks.map((l) => l.upper ?? Infinity),
      lower: design.value.looks.map((l) => l.lower ?? -Infinity)
    },
    0
  ).total
  return { naive, boundary }
}
