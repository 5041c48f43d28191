import { computeBoundaries, toZValue } from '../boundaries/computeBoundaries'
import { MIN_INFORMATION_FRACTION, MIN_INFORMATION_INCREMENT } from '../constants'
import { normalUpperQuantile } from '../distributions/normalQuantile'
import { requiredInformationSize } from '../informationSize/requiredInformationSize'
import { furtherTrials, type FurtherTrialsResult } from '../informationSize/furtherTrials'
import { inflationFactor } from '../boundaries/inflationFactor'
import { cumulativeMetaAnalysis } from '../metaAnalysis/cumulativeMetaAnalysis'
import type { CumulativeLook, MetaAnalysisOptions, PooledEstimate } from '../metaAnalysis/types'
import { fail, ok, type Result } from '../result'
import type { BoundaryResult, HeterogeneityAdjustment } from '../types'
import { concludeTsa } from './concludeTsa'
import { estimateRisInputs, interventionRisk, type RisInputs } from './estimateRisInputs'
import { prepareTrials } from './prepareTrials'
import type { ReportedEstimate, TsaBoundaryPoint, TsaInput, TsaLook, TsaResult } from './types'

/** A heterogeneity adjustment factor above this (D² or I² > 0.999999) leaves the RIS unbounded. */
const MAX_ADJUSTMENT_FACTOR = 1e6

const finiteOrNull = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null

/**
 * The full TSA of a project (methods.md §1–8): cumulative meta-analysis in analysis order, required information
 * size, information fractions, monitoring and futility boundaries at the looks (conventional z_{1−α/sides} past
 * the RIS), oriented Z-curve (positive favours the intervention), conventional and TSA-adjusted CIs, LIL-penalised Z,
 * and a plain-language conclusion. The only function the hosts call for an analysis.
 */
export function runTsa(input: TsaInput): Result<TsaResult> {
  if (input.trials.length === 0) return fail('invalidInput', 'the project has no trials', 'trials')
  const prepared = prepareTrials(input)
  if (prepared.trials.length === 0) {
    return fail(
      'invalidInput',
      'no trial can be analysed: every trial is excluded or incomplete',
      'trials'
    )
  }
  const options: MetaAnalysisOptions = {
    measure: input.analysis.measure,
    model: input.analysis.model,
    fixedMethod: input.analysis.fixedMethod,
    tau2Method: input.analysis.tau2Method,
    hksj: input.analysis.hksj,
    zeroEvents: input.analysis.zeroEvents,
    ctuCompatibility: input.analysis.ctuCompatibility,
    confidenceLevel: input.analysis.confidenceLevel,
    ...(input.analysis.heterogeneityCentre !== undefined
      ? { heterogeneityCentre: input.analysis.heterogeneityCentre }
      : {}),
    ...(input.analysis.mdVariance !== undefined ? { mdVariance: input.analysis.mdVariance } : {})
  }
  if ((input.outcome.type === 'continuous') !== (input.analysis.measure === 'MD')) {
    return fail(
      'invalidInput',
      `measure ${input.analysis.measure} does not fit a ${input.outcome.type} outcome`,
      'analysis.measure'
    )
  }
  const cumulative = cumulativeMetaAnalysis(prepared.trials, options)
  if (!cumulative.ok) return cumulative
  const { looks: metaLooks } = cumulative.value
  const final = metaLooks[metaLooks.length - 1] as CumulativeLook
  const excluded = [
    ...prepared.excluded,
    ...cumulative.value.excluded.map((e) => ({ trial: e.trial, reason: e.reason }))
  ]
  const notes: string[] = []

  const inputs = estimateRisInputs(input, prepared.trials, prepared.sources, options)
  if (!inputs.ok) return inputs
  const ris = computeRis(input, inputs.value, final, notes)
  if (!ris.ok) return ris
  const axis = input.monitoring.informationAxis
  const informationAt = (look: CumulativeLook): number =>
    axis === 'participants'
      ? look.participants
      : axis === 'events'
        ? (look.events ?? 0)
        : 1 / look.pooled.variance
  const unbounded = metaLooks.findIndex((look) => !Number.isFinite(informationAt(look)))
  if (unbounded >= 0) {
    return fail(
      'invalidInput',
      `look ${unbounded + 1} (${metaLooks[unbounded]?.trial}) has zero variance: the standard deviations are too small to measure statistical information`,
      'trials'
    )
  }
  const fractionsFor = (required: number | null): (number | null)[] =>
    metaLooks.map((look) => (required === null ? null : informationAt(look) / required))
  let fractions = fractionsFor(ris.value.required)
  let boundaries = boundariesAtLooks(input, fractions, notes)
  if (!boundaries.ok) return boundaries
  let inflation: number | null = null
  if (input.monitoring.ris.sequentialInflation === true && ris.value.required !== null) {
    // RTSA's sequential RIS: the design needs R times the fixed-sample information (one pass, as RTSA).
    inflation = designInflation(input, boundaries.value.design)
    ris.value.required *= inflation
    if (ris.value.exact !== null) ris.value.exact *= inflation
    const uninflated = fractions
    fractions = fractionsFor(ris.value.required)
    boundaries = boundariesAtLooks(input, fractions, notes, uninflated)
    if (!boundaries.ok) return boundaries
  }
  const { perLook } = boundaries.value
  const inflationFactor = inflation ?? boundaries.value.inflationFactor
  const conventional = normalUpperQuantile(input.monitoring.alpha / input.monitoring.sides)
  const orientation = input.outcome.direction === 'harmful' ? -1 : 1
  const ratio = input.analysis.measure !== 'RD' && input.analysis.measure !== 'MD'
  // exp() of a huge log ratio overflows to Infinity (and NaN passes through): both are reported as null
  const scale = (x: number | null): number | null =>
    x === null ? null : finiteOrNull(ratio ? Math.exp(x) : x)
  const context: LookContext = { input, conventional, orientation, scale }
  const looks: TsaLook[] = metaLooks.map((look, k) =>
    reportLook(look, informationAt(look), fractions[k] ?? null, perLook[k] ?? null, context)
  )
  const report = (e: PooledEstimate): ReportedEstimate => ({
    estimate: scale(finiteOrNull(e.estimate)),
    ciLower: scale(finiteOrNull(e.ciLower)),
    ciUpper: scale(finiteOrNull(e.ciUpper)),
    z: finiteOrNull(e.z),
    p: finiteOrNull(e.p)
  })
  const h = final.heterogeneity
  return ok({
    measure: input.analysis.measure,
    pooled: report(final.pooled),
    fixed: report(final.fixed),
    random: report(final.random),
    heterogeneity: {
      tau2: h.tau2,
      i2: h.i2,
      d2: h.d2,
      q: h.q,
      df: h.df,
      p: finiteOrNull(h.p),
      h: finiteOrNull(h.h),
      tau: finiteOrNull(h.tau)
    },
    ris: {
      ...ris.value,
      unit: axis,
      inflationFactor,
      furtherTrials: furtherTrialsFor(input, inputs.value, final)
    },
    looks,
    boundaryCurve: boundaryCurveOf(
      boundaries.value.design,
      ris.value.required,
      input.monitoring.sides
    ),
    excluded,
    conclusion: concludeTsa(input, looks, conventional),
    conventionalBoundary: conventional,
    design: designOf(input.monitoring),
    notes
  })
}

function designOf(m: TsaInput['monitoring']): TsaResult['design'] {
  const designFutility = m.futility === 'nonBinding' || m.futility === 'binding'
  return {
    alpha: m.alpha,
    beta: m.beta,
    sides: m.sides,
    alphaSpending: m.alphaSpending,
    futility: m.futility,
    betaSpending: designFutility ? (m.betaSpending ?? { kind: 'obf' }) : null, // computeBoundaries' default
    boundaryEngine: m.boundaryEngine
  }
}

interface RisOutcome {
  required: number | null
  exact: number | null
  fixed: number | null
  adjustmentFactor: number | null
  inputs: Record<string, number | string | null>
}

/**
 * RIS on the chosen information axis (methods.md §4): participants (the formula), events (participants × P̄, the
 * expected event proportion), or statistical information AF·(z_{1−α/s} + z_{1−β})²/θ², θ the effect on the analysis
 * scale (ln RR, ln OR, RD, MD). CTU rounding for participants and events.
 */
function computeRis(
  input: TsaInput,
  est: RisInputs,
  final: CumulativeLook,
  notes: string[]
): Result<RisOutcome> {
  const m = input.monitoring
  const inputs: Record<string, number | string | null> = {
    ...est,
    heterogeneity: m.ris.heterogeneity.kind
  }
  if (m.ris.mode === 'manual') {
    if (m.ris.manual === null || !(m.ris.manual > 0)) {
      return fail('invalidInput', 'a manual RIS must be a positive number', 'monitoring.ris.manual')
    }
    return ok({
      required: m.ris.manual,
      exact: m.ris.manual,
      fixed: null,
      adjustmentFactor: null,
      inputs
    })
  }
  const h = m.ris.heterogeneity
  const value =
    h.kind === 'diversity'
      ? final.heterogeneity.d2
      : h.kind === 'inconsistency'
        ? final.heterogeneity.i2
        : h.kind === 'user'
          ? h.value
          : 0
  inputs['heterogeneityValue'] = value
  if (!(value < 1 - 1 / MAX_ADJUSTMENT_FACTOR)) {
    notes.push(
      `the heterogeneity adjustment (${h.kind} = ${value}) is ≈ 1: the adjusted RIS is unbounded`
    )
    return ok({ required: null, exact: null, fixed: null, adjustmentFactor: null, inputs })
  }
  const adjustment: HeterogeneityAdjustment =
    h.kind === 'none' ? { kind: 'none' } : { kind: 'diversity', value }
  const base = { alpha: m.alpha, sides: m.sides, beta: m.beta, heterogeneity: adjustment }
  const r = requiredInformationSize({ ...base, ...est })
  if (!r.ok) {
    return {
      ok: false,
      error: { ...r.error, field: `monitoring.ris.${r.error.field ?? ''}`.replace(/\.$/, '') }
    }
  }
  const { fixed, adjustmentFactor, required, exact } = r.value
  if (m.informationAxis === 'participants') {
    return ok({ fixed, adjustmentFactor, required, exact, inputs })
  }
  if (m.informationAxis === 'events') {
    if (est.controlRisk === undefined) {
      return fail(
        'invalidInput',
        'an events axis needs a dichotomous outcome',
        'monitoring.informationAxis'
      )
    }
    const pi = interventionRisk(est.controlRisk, est)
    const eventRate = (est.controlRisk + pi) / 2
    const eventsFixed = fixed * eventRate
    return ok({
      fixed: eventsFixed,
      adjustmentFactor,
      required: Math.ceil(eventsFixed) * adjustmentFactor,
      exact: eventsFixed * adjustmentFactor,
      inputs
    })
  }
  const theta = effectOnAnalysisScale(input, est)
  if (theta === null) {
    return fail(
      'invalidInput',
      'the statistical-information axis needs a non-zero anticipated effect',
      'monitoring.ris'
    )
  }
  const zSum = normalUpperQuantile(m.alpha / m.sides) + normalUpperQuantile(m.beta)
  const info = (zSum * zSum) / (theta * theta)
  return ok({
    fixed: info,
    adjustmentFactor,
    required: info * adjustmentFactor,
    exact: info * adjustmentFactor,
    inputs
  })
}

function effectOnAnalysisScale(input: TsaInput, est: RisInputs): number | null {
  if (input.analysis.measure === 'MD') return est.difference ?? null
  const pc = est.controlRisk
  if (pc === undefined) return null
  const pi = interventionRisk(pc, est)
  const theta =
    input.analysis.measure === 'RR'
      ? Math.log(pi / pc)
      : input.analysis.measure === 'RD'
        ? pi - pc
        : Math.log(pi / (1 - pi) / (pc / (1 - pc)))
  return Number.isFinite(theta) && theta !== 0 ? theta : null
}

/** Z*_k = Z_k/√(λ ln ln I_k), I_k = 1/SE² (Lan, Hu & Cappelleri 2003); null where ln ln I ≤ 0. */
function lilStatistic(input: TsaInput, p: PooledEstimate): number | null {
  if (!input.monitoring.lil.enabled || p.z === null) return null
  const info = 1 / p.variance
  const lnln = Math.log(Math.log(info))
  if (!(info > Math.E) || !(lnln > 0)) return null
  return finiteOrNull(p.z / Math.sqrt(input.monitoring.lil.lambda * lnln))
}

interface LookBoundaries {
  upper: number | null
  lower: number | null
  futilityUpper: number | null
  futilityLower: number | null
}

/**
 * Boundaries at the looks before the RIS: computed for the increasing fractions of those looks plus t = 1, so the
 * curve reaches the RIS. Looks that add no information share the previous look's boundary. With ctuCompatibility,
 * looks adding under 1% information or below 5% in total do not update the boundaries (methods.md §10): they get
 * the cap (no boundary shown).
 */
function boundariesAtLooks(
  input: TsaInput,
  fractions: (number | null)[],
  notes: string[],
  ruleFractions: (number | null)[] = fractions
): Result<{
  perLook: (LookBoundaries | null)[]
  inflationFactor: number | null
  design: BoundaryResult | null
}> {
  const m = input.monitoring
  const schedule: number[] = []
  // The CTU program and RTSA update the boundaries only at looks that add more than 1% information over the look
  // before (tested or not), and (CTU) once 5% has accrued (methods.md §10), measured before any sequential
  // inflation of the RIS, as RTSA does. Explicit settings win over ctuCompatibility.
  const ctu = input.analysis.ctuCompatibility
  const minimumIncrement = m.minimumLookIncrement ?? (ctu ? 0.01 : 0)
  const minimumFraction = m.minimumLookFraction ?? (ctu ? 0.05 : 0)
  let previous = 0
  const index: (number | null)[] = fractions.map((t, k) => {
    const r = ruleFractions[k] ?? null
    const added = r === null ? 0 : r - previous
    if (r !== null) previous = r
    if (t === null || r === null || !(t < 1) || t < MIN_INFORMATION_FRACTION) return null
    if (minimumFraction > 0 && r <= minimumFraction) return null
    if (minimumIncrement > 0 && added <= minimumIncrement) return null
    const last = schedule[schedule.length - 1] ?? 0
    // A look that adds (next to) no information shares the previous look's boundary.
    if (t - last >= MIN_INFORMATION_INCREMENT) schedule.push(t)
    return schedule.length === 0 ? null : schedule.length - 1
  })
  if (fractions.every((t) => t === null)) {
    return ok({ perLook: fractions.map(() => null), inflationFactor: null, design: null })
  }
  schedule.push(1)
  const result = computeBoundaries(
    {
      informationFractions: schedule,
      alpha: m.alpha,
      sides: m.sides,
      spending: m.alphaSpending,
      engine: m.boundaryEngine,
      beta: m.beta,
      futility: m.futility,
      ...(m.betaSpending !== undefined ? { betaSpending: m.betaSpending } : {})
    },
    { inflationFactor: m.ris.sequentialInflation === true, maxLooks: Infinity }
  )
  if (!result.ok) {
    return {
      ok: false,
      error: { ...result.error, field: `monitoring.${result.error.field ?? ''}` }
    }
  }
  const b: BoundaryResult = result.value
  if (b.futilityConvention !== undefined) notes.push(`futility: ${b.futilityConvention}`)
  const perLook = index.map((i) => {
    if (i === null) return null
    const look = b.looks[i]
    if (look === undefined) return null
    return {
      upper: toZValue(look.upper ?? Number.NaN),
      lower: toZValue(look.lower ?? Number.NaN),
      futilityUpper: look.futilityUpper,
      futilityLower: look.futilityLower
    }
  })
  return ok({ perLook, inflationFactor: b.inflationFactor, design: b })
}

/** R of the monitoring design at the looks: the futility design's, or the α-boundaries' alone (inflationFactor.ts). */
function designInflation(input: TsaInput, design: BoundaryResult | null): number {
  if (design === null) return 1
  if (design.inflationFactor !== null) return design.inflationFactor
  const m = input.monitoring
  const bounds = {
    informationFractions: design.looks.map((l) => l.informationFraction),
    upper: design.looks.map((l) => l.upper ?? Infinity),
    lower: design.looks.map((l) => (m.sides === 2 ? (l.lower ?? -Infinity) : -Infinity))
  }
  return inflationFactor(bounds, m.alpha, m.sides, m.beta, m.boundaryEngine).inflationFactor
}

/** σ₁² of furtherTrials.ts: the variance of the effect estimate per participant pair. */
function variancePerParticipant(input: TsaInput, est: RisInputs): number | null {
  if (input.analysis.measure === 'MD') return est.variance === undefined ? null : 2 * est.variance
  const pc = est.controlRisk
  if (pc === undefined) return null
  const pi = interventionRisk(pc, est)
  if (input.analysis.measure === 'RR') return 1 / pc + 1 / pi - 2
  if (input.analysis.measure === 'RD') return pc * (1 - pc) + pi * (1 - pi)
  return 1 / pi + 1 / pc + 1 / (1 - pi) + 1 / (1 - pc)
}

/** The τ²-based number of further trials (Kulinskaya & Wood 2014) given the current data; null when not defined. */
function furtherTrialsFor(
  input: TsaInput,
  est: RisInputs,
  final: CumulativeLook
): FurtherTrialsResult | null {
  const theta = effectOnAnalysisScale(input, est)
  const sigma2 = variancePerParticipant(input, est)
  if (theta === null || sigma2 === null || !(sigma2 > 0) || !(final.heterogeneity.tau2 > 0)) {
    return null
  }
  const r = furtherTrials({
    theta,
    tau2: final.heterogeneity.tau2,
    alpha: input.monitoring.alpha,
    sides: input.monitoring.sides,
    beta: input.monitoring.beta,
    variancePerParticipant: sigma2,
    currentVariance: final.random.variance
  })
  return r.ok ? r.value : null
}

interface LookContext {
  input: TsaInput
  conventional: number
  /** +1, or −1 where benefit is a negative effect (harmful outcome) */
  orientation: number
  /** analysis scale → reported scale (exp for ratio measures), non-finite → null */
  scale: (x: number | null) => number | null
}

/** One look as reported: oriented Z, boundaries before the RIS (conventional past it), conventional and TSA CIs. */
function reportLook(
  look: CumulativeLook,
  information: number,
  t: number | null,
  b: LookBoundaries | null,
  { input, conventional, orientation, scale }: LookContext
): TsaLook {
  const p = look.pooled
  const pastRis = t !== null && t >= 1
  const before = (x: number | null | undefined): number | null => (pastRis ? null : (x ?? null))
  const bound = pastRis ? conventional : (b?.upper ?? null)
  const lilZ = lilStatistic(input, p)
  return {
    trial: look.trial,
    cumulativeInformation: information,
    informationFraction: finiteOrNull(t),
    z: p.z === null ? null : orientation * p.z,
    upper: before(b?.upper),
    lower: input.monitoring.sides === 1 ? null : before(b?.lower),
    futilityUpper: before(b?.futilityUpper),
    futilityLower: before(b?.futilityLower),
    estimate: scale(p.estimate),
    ciLower: scale(p.ciLower),
    ciUpper: scale(p.ciUpper),
    tsaCiLower: bound === null ? null : scale(finiteOrNull(p.estimate - bound * p.se)),
    tsaCiUpper: bound === null ? null : scale(finiteOrNull(p.estimate + bound * p.se)),
    lilZ: lilZ === null ? null : orientation * lilZ,
    tau2: finiteOrNull(look.heterogeneity.tau2),
    i2: finiteOrNull(look.heterogeneity.i2),
    d2: finiteOrNull(look.heterogeneity.d2)
  }
}

/** The design's boundaries at its own looks (t ≤ 1) on the information axis, for drawing up to the RIS. */
function boundaryCurveOf(
  design: BoundaryResult | null,
  required: number | null,
  sides: 1 | 2
): TsaBoundaryPoint[] {
  if (design === null || required === null) return []
  return design.looks.map((look) => ({
    informationFraction: look.informationFraction,
    cumulativeInformation: look.informationFraction * required,
    upper: look.upper,
    lower: sides === 2 ? look.lower : null,
    futilityUpper: look.futilityUpper,
    futilityLower: look.futilityLower
  }))
}
