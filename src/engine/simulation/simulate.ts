/**
 * The teaching simulator (ecosystem.md §5.2 item 2; interfaces.md `opentsa simulate`): many cumulative
 * meta-analyses, the share that ever crosses the naive ±z_{1−α/sides} and the share that crosses the monitoring
 * boundaries. Choices, each the app's default unless said otherwise:
 *
 * - Randomness: one seeded xoroshiro128+ stream (randomVariates.ts); normals by inversion Φ⁻¹(U); binomials by
 *   exact inversion (BINV, or the same search ordered outward from the mode for means ≥ 16). Per trial the draws come
 *   in a fixed order: trial effect (only when τ² > 0), control events, intervention events.
 * - `normalLooks`: K equally spaced looks of a normal test statistic under H0, Z_k = (X_1 + … + X_k)/√k with X_i iid
 *   N(0, 1), information fraction k/K (the RIS is at the last look). The monitoring boundaries are the design's at
 *   t = k/K, including t = 1; this is the textbook group-sequential case, whose exact answers come from
 *   exitProbabilities (0.142 at K = 5, 0.193 at K = 10: Armitage, McPherson & Rowe 1969).
 * - `trials`: each trial has floor(n/2) intervention and n − floor(n/2) control participants; control events
 *   ~ Bin(n_C, P_C); intervention events ~ Bin(n_I, P_I,j) with ln P_I,j = ln(P_C(1 − RRR)) + δ_j, δ_j ~ N(0, τ²)
 *   (the trial effect on the log RR scale; P_I,j capped at 1). The cumulative meta-analysis is the engine's
 *   (cumulativeMetaAnalysis) with the project file's defaults: RR, random effects DerSimonian–Laird, MH fixed effect,
 *   zero cells + 0.25 per cell, double-zero trials excluded (no look at them). Z is oriented so that benefit
 *   (RR < 1) is positive, as the app does for a harmful outcome.
 * - RIS (participants axis, CTU rounding): requiredInformationSize for P_C and the design's anticipated RRR
 *   (`anticipatedRrr`, default 0.2, whatever the simulated truth, so that the null can be simulated), with the
 *   diversity the design expects: D² = 0 when τ² = 0, else D² = τ²/(τ² + v), v the delta-method variance of one
 *   trial's log RR at the simulated risks. This is what the data-driven D² estimates for equal trials, and a RIS
 *   fixed per request keeps the information fractions (and so the boundaries) the same in every run.
 * - Boundaries in trials mode follow runTsa: the design (tsa engine, no futility) at the fractions of the looks
 *   before the RIS plus t = 1; past the RIS (t ≥ 1) the conventional z_{1−α/sides}. They are cached by information
 *   fractions (computed once for equal trial sizes unless a double-zero trial drops a look).
 * - Two-sided tests cross when Z ≥ upper or Z ≤ lower; one-sided when Z ≥ upper (benefit).
 */
import { computeBoundaries, validateBoundaryRequest } from '../boundaries/computeBoundaries'
import { MAX_LOOKS, MIN_INFORMATION_FRACTION, MIN_INFORMATION_INCREMENT } from '../constants'
import { normalUpperQuantile } from '../distributions/normalQuantile'
import { requiredInformationSize } from '../informationSize/requiredInformationSize'
import { cumulativeMetaAnalysis } from '../metaAnalysis/cumulativeMetaAnalysis'
import type { DichotomousTrial, MetaAnalysisOptions } from '../metaAnalysis/types'
import { fail, ok, type Result } from '../result'
import type { SpendingSpec } from '../spending'
import { binomial, standardNormal, uniformSource, type UniformSource } from './randomVariates'

export interface SimulationRequest {
  /** 1..1 000 000 */
  runs: number
  /** an integer (safe integer range) */
  seed: number
  mode:
    | { kind: 'normalLooks'; looks: number }
    | {
        kind: 'trials'
        trials: number
        trialSize: number
        controlRisk: number
        relativeRiskReduction: number
        tau2: number
        /** the RRR the design (RIS) anticipates; default 0.2 */
        anticipatedRrr?: number
      }
  alpha: number
  sides: 1 | 2
  beta: number
  spending: SpendingSpec
}

export interface SimulationSummary {
  /** runs completed (less than requested when stopped) */
  runs: number
  /** share that ever crossed ±z_{1−α/sides} */
  naiveCrossing: number
  /** share that crossed the monitoring boundaries */
  boundaryCrossing: number
  /** share whose cumulative information reached the RIS */
  risReached: number
  /** per look: runs whose FIRST monitoring-boundary crossing was at that look */
  crossingLook: number[]
  /** per look: runs whose first naive crossing was at that look */
  naiveCrossingLook: number[]
  /** binomial standard errors √(p(1 − p)/runs) of the three shares */
  standardErrors: { naiveCrossing: number; boundaryCrossing: number; risReached: number }
}

export interface SimulationOptions {
  onProgress?: (partial: SimulationSummary) => void
  /** runs between progress reports (default 1000) */
  progressEvery?: number
  /** asked before every run; true ends the simulation with the runs done so far */
  shouldStop?: () => boolean
}

export const MAX_SIMULATION_RUNS = 1_000_000
const MAX_TRIALS = 1000
const MAX_TRIAL_SIZE = 10_000_000
const MAX_TAU2 = 10
const DEFAULT_ANTICIPATED_RRR = 0.2
const DEFAULT_PROGRESS_EVERY = 1000
const MAX_CACHED_BOUNDARY_SETS = 10_000

/** The app's analysis defaults (interfaces.md `analysis`; src/shared/projectFile.ts). */
const META_OPTIONS: MetaAnalysisOptions = {
  measure: 'RR',
  model: 'random',
  fixedMethod: 'MH',
  tau2Method: 'DL',
  zeroEvents: { method: 'constant', value: 0.25, includeDoubleZero: false }
}

/** Boundaries per look (±Infinity where none can be crossed). */
interface LookBounds {
  upper: Float64Array
  lower: Float64Array
}

/** One simulated cumulative meta-analysis: oriented Z and information fraction per look (NaN: no look there). */
interface RunOutcome {
  z: Float64Array
  fraction: Float64Array
}

interface Simulator {
  looks: number
  /** fills `out` with the next run's looks */
  run: (u: UniformSource, out: RunOutcome) => void
  boundsFor: (fraction: Float64Array) => Result<LookBounds>
}

export function simulate(
  req: SimulationRequest,
  options: SimulationOptions = {}
): Result<SimulationSummary> {
  const invalid = validateSimulationRequest(req)
  if (invalid !== null) return fail('invalidInput', invalid.message, invalid.field)
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY
  if (!isIntegerIn(progressEvery, 1, Number.MAX_SAFE_INTEGER)) {
    return fail('invalidInput', `progressEvery must be a positive integer, got ${progressEvery}`)
  }
  const simulator = req.mode.kind === 'normalLooks' ? normalLooksSimulator(req) : trialsSimulator(req)
  if (!simulator.ok) return simulator
  const { looks, run, boundsFor } = simulator.value
  const naiveBound = normalUpperQuantile(req.alpha / req.sides)
  const twoSided = req.sides === 2
  const u = uniformSource(req.seed)
  const outcome: RunOutcome = { z: new Float64Array(looks), fraction: new Float64Array(looks) }
  const tally: Tally = {
    runs: 0,
    naive: 0,
    boundary: 0,
    ris: 0,
    crossingLook: new Array<number>(looks).fill(0),
    naiveCrossingLook: new Array<number>(looks).fill(0)
  }
  let lastReported = -1
  while (tally.runs < req.runs) {
    if (options.shouldStop?.() === true) break
    run(u, outcome)
    const bounds = boundsFor(outcome.fraction)
    if (!bounds.ok) return bounds
    const first = firstCrossings(outcome, bounds.value, naiveBound, twoSided)
    record(tally, first)
    if (options.onProgress !== undefined && tally.runs % progressEvery === 0) {
      options.onProgress(summarise(tally))
      lastReported = tally.runs
    }
  }
  const summary = summarise(tally)
  // the last report is the result itself
  if (lastReported !== tally.runs) options.onProgress?.(summary)
  return ok(summary)
}

/** The first naive and first monitoring-boundary crossing of one run (−1: none), and its last information fraction. */
function firstCrossings(
  outcome: RunOutcome,
  bounds: LookBounds,
  naiveBound: number,
  twoSided: boolean
): { naive: number; boundary: number; lastFraction: number } {
  const crosses = (z: number, upper: number, lower: number): boolean =>
    z >= upper || (twoSided && z <= lower)
  let naive = -1
  let boundary = -1
  let lastFraction = 0
  for (let k = 0; k < outcome.z.length; k++) {
    const z = outcome.z[k] as number
    const t = outcome.fraction[k] as number
    if (!Number.isNaN(t)) lastFraction = t
    if (Number.isNaN(z)) continue
    if (naive < 0 && crosses(z, naiveBound, -naiveBound)) naive = k
    if (boundary < 0 && crosses(z, bounds.upper[k] as number, bounds.lower[k] as number)) {
      boundary = k
    }
  }
  return { naive, boundary, lastFraction }
}

interface Tally {
  runs: number
  naive: number
  boundary: number
  ris: number
  crossingLook: number[]
  naiveCrossingLook: number[]
}

function record(tally: Tally, first: ReturnType<typeof firstCrossings>): void {
  tally.runs++
  if (first.naive >= 0) {
    tally.naive++
    tally.naiveCrossingLook[first.naive]++
  }
  if (first.boundary >= 0) {
    tally.boundary++
    tally.crossingLook[first.boundary]++
  }
  // Only floating point keeps a fraction that should be 1 below it: 1 − 1e-12 counts as reached.
  if (first.lastFraction >= 1 - 1e-12) tally.ris++
}

function summarise(tally: Tally): SimulationSummary {
  const n = tally.runs
  const share = (count: number): number => (n === 0 ? 0 : count / n)
  const se = (p: number): number => (n === 0 ? 0 : Math.sqrt((p * (1 - p)) / n))
  const naiveCrossing = share(tally.naive)
  const boundaryCrossing = share(tally.boundary)
  const risReached = share(tally.ris)
  return {
    runs: n,
    naiveCrossing,
    boundaryCrossing,
    risReached,
    crossingLook: [...tally.crossingLook],
    naiveCrossingLook: [...tally.naiveCrossingLook],
    standardErrors: {
      naiveCrossing: se(naiveCrossing),
      boundaryCrossing: se(boundaryCrossing),
      risReached: se(risReached)
    }
  }
}

/** K equally spaced looks of a normal statistic: one boundary set for every run. */
function normalLooksSimulator(req: SimulationRequest): Result<Simulator> {
  const looks = (req.mode as { looks: number }).looks
  const fractions = Array.from({ length: looks }, (_, k) => (k + 1) / looks)
  const design = computeBoundaries({
    informationFractions: fractions,
    alpha: req.alpha,
    sides: req.sides,
    spending: req.spending,
    beta: req.beta
  })
  if (!design.ok) return design
  const bounds: LookBounds = {
    upper: Float64Array.from(design.value.looks, (l) => l.upper ?? Infinity),
    lower: Float64Array.from(design.value.looks, (l) => l.lower ?? -Infinity)
  }
  return ok({
    looks,
    run: (u, out) => {
      let sum = 0
      for (let k = 0; k < looks; k++) {
        sum += standardNormal(u)
        out.z[k] = sum / Math.sqrt(k + 1)
        out.fraction[k] = fractions[k] as number
      }
    },
    boundsFor: () => ok(bounds)
  })
}

type TrialsMode = Extract<SimulationRequest['mode'], { kind: 'trials' }>

/** Simulated trials pooled by the engine's cumulative meta-analysis, boundaries cached by information fractions. */
function trialsSimulator(req: SimulationRequest): Result<Simulator> {
  const mode = req.mode as TrialsMode
  const nIntervention = Math.floor(mode.trialSize / 2)
  const nControl = mode.trialSize - nIntervention
  const pc = mode.controlRisk
  const piMean = pc * (1 - mode.relativeRiskReduction)
  const tau = Math.sqrt(mode.tau2)
  const ris = designRis(req, mode, nIntervention, nControl)
  if (!ris.ok) return ris
  const required = ris.value
  const trials: DichotomousTrial[] = Array.from({ length: mode.trials }, (_, j) => ({
    name: String(j + 1),
    eventsIntervention: 0,
    totalIntervention: nIntervention,
    eventsControl: 0,
    totalControl: nControl
  }))
  const conventional = normalUpperQuantile(req.alpha / req.sides)
  const cache = new Map<string, LookBounds>()
  return ok({
    looks: mode.trials,
    run: (u, out) => {
      for (const trial of trials) {
        const pi = tau > 0 ? Math.min(1, piMean * Math.exp(tau * standardNormal(u))) : piMean
        trial.eventsControl = binomial(u, nControl, pc)
        trial.eventsIntervention = binomial(u, nIntervention, pi)
      }
      out.z.fill(Number.NaN)
      out.fraction.fill(Number.NaN)
      const cumulative = cumulativeMetaAnalysis(trials, META_OPTIONS)
      if (!cumulative.ok) return // every trial excluded (double zero): no look in this run
      const { looks, effects } = cumulative.value
      for (let i = 0; i < looks.length; i++) {
        const look = looks[i] as (typeof looks)[number]
        const at = (effects[i] as (typeof effects)[number]).index
        // benefit (RR < 1, a negative log RR) is a positive Z, as the app orients a harmful outcome
        out.z[at] = look.pooled.z === null ? Number.NaN : -look.pooled.z
        out.fraction[at] = look.participants / required
      }
    },
    boundsFor: (fraction) => {
      const key = Array.prototype.join.call(fraction, ',')
      const cached = cache.get(key)
      if (cached !== undefined) return ok(cached)
      const bounds = boundariesAtLooks(req, fraction, conventional)
      // bounded memory: runs with many distinct fraction sets (double-zero trials dropping looks) start afresh
      if (cache.size >= MAX_CACHED_BOUNDARY_SETS) cache.clear()
      if (bounds.ok) cache.set(key, bounds.value)
      return bounds
    }
  })
}

/** The RIS in participants for the design's anticipated RRR and expected diversity (header). */
function designRis(
  req: SimulationRequest,
  mode: TrialsMode,
  nIntervention: number,
  nControl: number
): Result<number> {
  const pc = mode.controlRisk
  const pi = pc * (1 - mode.relativeRiskReduction)
  // delta-method variance of ln RR of one trial: (1 − p)/(n·p) per arm
  const v = (1 - pc) / (nControl * pc) + (1 - pi) / (nIntervention * pi)
  const d2 = mode.tau2 > 0 ? mode.tau2 / (mode.tau2 + v) : 0
  const ris = requiredInformationSize({
    alpha: req.alpha,
    sides: req.sides,
    beta: req.beta,
    controlRisk: pc,
    relativeRiskReduction: mode.anticipatedRrr ?? DEFAULT_ANTICIPATED_RRR,
    heterogeneity: d2 > 0 ? { kind: 'diversity', value: d2 } : { kind: 'none' }
  })
  if (!ris.ok) {
    const field = ris.error.field === 'relativeRiskReduction' ? 'anticipatedRrr' : ris.error.field
    return fail('invalidInput', ris.error.message, `mode.${field ?? 'controlRisk'}`)
  }
  return ok(ris.value.required)
}

/**
 * runTsa's rule: the design at the fractions of the looks before the RIS (a look adding next to no information
 * shares the previous look's boundary) plus t = 1; the conventional bound past the RIS; none before any information.
 */
function boundariesAtLooks(
  req: SimulationRequest,
  fraction: Float64Array,
  conventional: number
): Result<LookBounds> {
  const schedule: number[] = []
  const index = Array.from(fraction, (t) => {
    if (Number.isNaN(t) || t < MIN_INFORMATION_FRACTION) return null
    if (t >= 1) return 'conventional' as const
    const last = schedule[schedule.length - 1] ?? 0
    if (t - last >= MIN_INFORMATION_INCREMENT) schedule.push(t)
    return schedule.length === 0 ? null : schedule.length - 1
  })
  schedule.push(1)
  const design = computeBoundaries(
    {
      informationFractions: schedule,
      alpha: req.alpha,
      sides: req.sides,
      spending: req.spending,
      beta: req.beta
    },
    { inflationFactor: false, maxLooks: Infinity }
  )
  if (!design.ok) return design
  const upper = new Float64Array(fraction.length)
  const lower = new Float64Array(fraction.length)
  index.forEach((i, k) => {
    const look = typeof i === 'number' ? design.value.looks[i] : undefined
    upper[k] = i === 'conventional' ? conventional : (look?.upper ?? Infinity)
    lower[k] = i === 'conventional' ? -conventional : (look?.lower ?? -Infinity)
  })
  return ok({ upper, lower })
}

type FieldProblem = { field: string; message: string }

const isIntegerIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max

/** The first problem of a simulation request, naming its field (dotted path); null when valid. */
export function validateSimulationRequest(req: SimulationRequest): FieldProblem | null {
  if (!isIntegerIn(req.runs, 1, MAX_SIMULATION_RUNS)) {
    return {
      field: 'runs',
      message: `runs must be an integer from 1 to ${MAX_SIMULATION_RUNS}, got ${String(req.runs)}`
    }
  }
  if (!isIntegerIn(req.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) {
    return { field: 'seed', message: `seed must be an integer, got ${String(req.seed)}` }
  }
  const design = validateBoundaryRequest({
    informationFractions: [1],
    alpha: req.alpha,
    sides: req.sides,
    beta: req.beta,
    spending: req.spending
  })
  if (design !== null) return design
  if (req.beta === undefined) return { field: 'beta', message: 'beta is required' }
  return validateMode(req.mode)
}

function validateMode(mode: SimulationRequest['mode'] | undefined): FieldProblem | null {
  if (mode?.kind === 'normalLooks') {
    return isIntegerIn(mode.looks, 1, MAX_LOOKS)
      ? null
      : {
          field: 'mode.looks',
          message: `looks must be an integer from 1 to ${MAX_LOOKS}, got ${String(mode.looks)}`
        }
  }
  if (mode?.kind === 'trials') return validateTrialsMode(mode)
  return {
    field: 'mode.kind',
    message: `mode must be normalLooks or trials, got ${String((mode as { kind?: unknown } | undefined)?.kind)}`
  }
}

/** The checks of a trials mode in order: [field, is valid, what a valid value is]. */
function validateTrialsMode(mode: TrialsMode): FieldProblem | null {
  const pc = mode.controlRisk
  const rrr = mode.relativeRiskReduction
  const anticipated = mode.anticipatedRrr
  const checks: [keyof TrialsMode, boolean, string][] = [
    ['trials', isIntegerIn(mode.trials, 1, MAX_TRIALS), `an integer from 1 to ${MAX_TRIALS}`],
    [
      'trialSize',
      isIntegerIn(mode.trialSize, 2, MAX_TRIAL_SIZE),
      `an integer from 2 to ${MAX_TRIAL_SIZE} (participants per trial, both arms)`
    ],
    ['controlRisk', typeof pc === 'number' && pc > 0 && pc < 1, 'a risk in (0, 1)'],
    [
      'relativeRiskReduction',
      typeof rrr === 'number' && rrr < 1 && pc * (1 - rrr) <= 1,
      'below 1 with controlRisk·(1 − RRR) ≤ 1 (0 = no effect)'
    ],
    [
      'tau2',
      typeof mode.tau2 === 'number' && mode.tau2 >= 0 && mode.tau2 <= MAX_TAU2,
      `in [0, ${MAX_TAU2}]`
    ],
    [
      'anticipatedRrr',
      anticipated === undefined || (anticipated > 0 && anticipated < 1),
      'in (0, 1)'
    ]
  ]
  const failed = checks.find(([, valid]) => !valid)
  if (failed === undefined) return null
  const [field, , expected] = failed
  return {
    field: `mode.${field}`,
    message: `${field} must be ${expected}, got ${String(mode[field])}`
  }
}
