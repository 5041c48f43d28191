import type { SpendingSpec } from '../spending'
import type { BoundaryEngine, FutilityKind } from '../types'
import type {
  EffectMeasure,
  FixedEffectMethod,
  Tau2Method,
  ZeroEventsOptions
} from '../metaAnalysis/types'

/**
 * Input of a full TSA: the content of a project file (interfaces.md "Project file"), as the hosts pass it.
 * Data cells may be null while the user has not filled them in: such trials are excluded, with the reason.
 */
export interface TsaTrialInput {
  name: string
  year?: number | null | undefined
  lowRiskOfBias?: boolean | undefined
  include?: boolean | undefined
  eventsIntervention?: number | null | undefined
  totalIntervention?: number | null | undefined
  eventsControl?: number | null | undefined
  totalControl?: number | null | undefined
  meanIntervention?: number | null | undefined
  sdIntervention?: number | null | undefined
  meanControl?: number | null | undefined
  sdControl?: number | null | undefined
}

/** An RIS input given by the user or estimated from (all or the low-risk-of-bias) trials. */
export type EstimatedOr<T> = T | { from: 'data' | 'lowRiskOfBias' }

export interface TsaInput {
  outcome: { type: 'dichotomous' | 'continuous'; direction: 'harmful' | 'beneficial' }
  trials: TsaTrialInput[]
  analysis: {
    measure: EffectMeasure
    model: 'fixed' | 'random'
    fixedMethod: FixedEffectMethod
    tau2Method: Tau2Method
    hksj: boolean
    zeroEvents: ZeroEventsOptions
    ctuCompatibility: boolean
    confidenceLevel: number
    order?: 'asEntered' | 'yearThenName' | undefined
    /** centre of Cochran's Q: the fixed-effect method's estimate (default) or IV (metafor, RTSA) */
    heterogeneityCentre?: 'fixedMethod' | 'inverseVariance' | undefined
    /** MD variance: s1²/n1 + s2²/n2 (default, CTU) or pooled SD (RTSA without HKSJ, metafor vtype HO) */
    mdVariance?: 'unequal' | 'pooled' | undefined
  }
  monitoring: {
    alpha: number
    sides: 1 | 2
    beta: number
    alphaSpending: SpendingSpec
    betaSpending?: SpendingSpec | undefined
    /** boundaries are updated only at looks adding at least this information fraction (RTSA: 0.01) */
    minimumLookIncrement?: number | undefined
    /** … and only once this fraction has accrued (CTU: 0.05) */
    minimumLookFraction?: number | undefined
    futility: FutilityKind
    boundaryEngine: BoundaryEngine
    informationAxis: 'participants' | 'events' | 'information'
    ris: {
      mode: 'formula' | 'manual'
      controlRisk?: EstimatedOr<number> | undefined
      relativeRiskReduction?: EstimatedOr<number> | undefined
      relativeBenefitIncrease?: EstimatedOr<number> | undefined
      difference?: EstimatedOr<number> | undefined
      variance?: EstimatedOr<number> | undefined
      heterogeneity:
        | { kind: 'diversity' }
        | { kind: 'inconsistency' }
        | { kind: 'user'; value: number }
        | { kind: 'none' }
      manual: number | null
      /** RTSA's sequential inflation: multiply the RIS by the design's inflation factor R */
      sequentialInflation?: boolean | undefined
    }
    lil: { enabled: boolean; lambda: number }
  }
}

/** A pooled result as reported (ratio measures on the ratio scale). */
export interface ReportedEstimate {
  estimate: number | null
  ciLower: number | null
  ciUpper: number | null
  z: number | null
  p: number | null
}

export interface TsaLook {
  trial: string
  /** cumulative information on the chosen axis (participants, events or Σ 1/v) */
  cumulativeInformation: number
  informationFraction: number | null
  /** oriented: positive favours the intervention */
  z: number | null
  upper: number | null
  lower: number | null
  futilityUpper: number | null
  futilityLower: number | null
  estimate: number | null
  ciLower: number | null
  ciUpper: number | null
  tsaCiLower: number | null
  tsaCiUpper: number | null
  /** law of the iterated logarithm: Z/√(λ ln ln I), when enabled and I > e */
  lilZ: number | null
  tau2: number | null
  i2: number | null
  d2: number | null
}

/** One point of the boundary curve, on the oriented Z scale (null: no boundary there). */
export interface TsaBoundaryPoint {
  informationFraction: number
  cumulativeInformation: number
  upper: number | null
  lower: number | null
  futilityUpper: number | null
  futilityLower: number | null
}

export type ConclusionCode = 'benefit' | 'harm' | 'futility' | 'noEffectAtRis' | 'inconclusive'

export interface TsaResult {
  measure: EffectMeasure
  pooled: ReportedEstimate
  fixed: ReportedEstimate
  random: ReportedEstimate
  heterogeneity: {
    tau2: number
    i2: number
    d2: number
    q: number
    df: number
    p: number | null
    /** H = √(Q/df) (1 when df = 0) */
    h: number | null
    tau: number | null
  }
  ris: {
    required: number | null
    exact: number | null
    fixed: number | null
    adjustmentFactor: number | null
    /** the unit of the information axis */
    unit: 'participants' | 'events' | 'information'
    /** the inputs used, after estimation from the data */
    inputs: Record<string, number | string | null>
    inflationFactor: number | null
    /** τ²-based number of further trials (Kulinskaya & Wood 2014); null when τ² = 0 or not defined */
    furtherTrials: {
      minimumTrials: number | null
      designs: { trials: number; participantsPerTrial: number; totalParticipants: number }[]
    } | null
  }
  looks: TsaLook[]
  /**
   * The monitoring (and futility) boundaries at every point of the design: the looks that update them, then the RIS
   * (t = 1), so that a chart can draw them up to the RIS. Empty when there is no RIS.
   */
  boundaryCurve: TsaBoundaryPoint[]
  excluded: { trial: string; reason: string }[]
  conclusion: { code: ConclusionCode; text: string; look: number | null }
  /** conventional critical value z_{1−α/sides} used past the RIS and for LIL */
  conventionalBoundary: number
  /** the monitoring design the boundaries come from, so that a chart or report can name it */
  design: {
    alpha: number
    beta: number
    sides: 1 | 2
    alphaSpending: SpendingSpec
    futility: FutilityKind
    /** the β-spending function of design-style futility (nonBinding, binding); null otherwise */
    betaSpending: SpendingSpec | null
    boundaryEngine: BoundaryEngine
  }
  notes: string[]
}
