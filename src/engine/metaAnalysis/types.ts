/**
 * Types of the meta-analysis layer (methods.md §1–3, interfaces.md `analysis` block).
 * Every estimate is on the analysis scale: log RR, log OR, RD, Peto log OR, MD (the caller exponentiates ratios).
 */

/** interfaces.md `analysis.measure`. */
export type EffectMeasure = 'RR' | 'OR' | 'RD' | 'PetoOR' | 'MD'

/** interfaces.md `analysis.model`: which of the two (always computed) models is the primary one. */
export type PoolingModel = 'fixed' | 'random'

/** interfaces.md `analysis.fixedMethod` (Peto OR is always pooled by Peto's method, MD always by IV). */
export type FixedEffectMethod = 'MH' | 'IV'

/** The fixed-effect method actually used for a measure. */
export type FixedEffectMethodUsed = 'MH' | 'IV' | 'Peto'

/** interfaces.md `analysis.tau2Method`. */
export type Tau2Method = 'DL' | 'SJ' | 'BT' | 'REML' | 'PM'

/** interfaces.md `analysis.zeroEvents.method`. */
export type ZeroCellMethod = 'constant' | 'reciprocal' | 'empirical'

/**
 * Which trials get the zero-cell correction (metafor's `to`): trials with a zero cell (`only0`, default), all trials
 * (`all`), all trials if any has a zero cell (`if0all`), none (`none`).
 */
export type ZeroCellTarget = 'zeroTrials' | 'all' | 'allIfAny' | 'none'

/** interfaces.md `analysis.zeroEvents`, plus the optional metafor-compatibility fields. */
export interface ZeroEventsOptions {
  method: ZeroCellMethod
  /** per-cell amount k (default 0.25 = the CTU program's "Constant 0.5"; metafor and RevMan use 0.5) */
  value?: number
  /**
   * keep trials with zero (or all) events in both arms, corrected. Default: false for RR/OR/Peto, true for RD
   * (methods.md §1); an explicit false drops them for RD too (metafor's drop00 = TRUE).
   */
  includeDoubleZero?: boolean
  /** which trials are corrected (default 'zeroTrials') */
  applyTo?: ZeroCellTarget
  /**
   * correct RD and Peto trials with a zero cell too, as metafor's escalc does (default false: methods.md §1 "never for
   * RD unless asked"; Peto's method needs no correction). RD/Peto trials whose effect would not exist uncorrected
   * (variance 0: no events or all events in both arms) are corrected regardless (see trialEffects.ts).
   */
  correctAllMeasures?: boolean
}

/** MD variance: s1²/n1 + s2²/n2 (default, the CTU program; metafor vtype "LS") or pooled SD (metafor vtype "HO"). */
export type MeanDifferenceVariance = 'unequal' | 'pooled'

/** Variance of the MH risk difference: Greenland & Robins 1985 (default, RevMan) or Sato et al. 1989 (metafor 3.8). */
export type RiskDifferenceVariance = 'greenlandRobins' | 'sato'

/** Options of one (cumulative) meta-analysis. Defaults follow interfaces.md. */
export interface MetaAnalysisOptions {
  measure: EffectMeasure
  /** default 'random' */
  model?: PoolingModel
  /** default 'MH' */
  fixedMethod?: FixedEffectMethod
  /** default 'DL' */
  tau2Method?: Tau2Method
  /** Hartung–Knapp–Sidik–Jonkman adjustment of the random-effects model (default false) */
  hksj?: boolean
  /** default { method: 'constant', value: 0.25, includeDoubleZero: false, applyTo: 'zeroTrials' } */
  zeroEvents?: ZeroEventsOptions
  /** reproduce the CTU program's quirks (methods.md §10; default false) */
  ctuCompatibility?: boolean
  /** default 0.95 */
  confidenceLevel?: number
  /** default 'unequal' */
  mdVariance?: MeanDifferenceVariance
  /** default 'greenlandRobins' */
  rdVariance?: RiskDifferenceVariance
  /**
   * Counts behind the MH and Peto pooled estimates: 'corrected' (default; the CTU program, RevMan, RTSA) or 'raw'
   * (metafor's rma.mh / rma.peto, which correct only the per-trial yi/vi).
   */
  fixedCounts?: 'corrected' | 'raw'
  /**
   * Centre of Cochran's Q (and so of DL's τ²): the fixed-effect estimate of `fixedMethod` (default, methods.md §2) or
   * always the IV estimate (metafor's rma.uni, RTSA).
   */
  heterogeneityCentre?: 'fixedMethod' | 'inverseVariance'
}

/** A dichotomous trial as in the project file. */
export interface DichotomousTrial {
  name: string
  eventsIntervention: number
  totalIntervention: number
  eventsControl: number
  totalControl: number
}

/** A continuous trial as in the project file. */
export interface ContinuousTrial {
  name: string
  meanIntervention: number
  sdIntervention: number
  totalIntervention: number
  meanControl: number
  sdControl: number
  totalControl: number
}

export type MetaTrial = DichotomousTrial | ContinuousTrial

/** A 2×2 table: a/b events/non-events of arm 1 (intervention), c/d of arm 2 (control). */
export interface TwoByTwo {
  a: number
  b: number
  c: number
  d: number
}

/** Why a trial takes no part in the pooling. */
export type ExclusionReason =
  'zero events in both arms' | 'all events in both arms' | 'zero cell and no continuity correction'

export interface TrialExclusion {
  trial: string
  /** 0-based position in the input */
  index: number
  reason: ExclusionReason
}

/** One included trial on the analysis scale. */
export interface TrialEffect {
  /** 0-based position in the input */
  index: number
  name: string
  /** effect y_i on the analysis scale (from the corrected counts) */
  y: number
  /** its variance v_i */
  v: number
  /** n1 + n2 (uncorrected) */
  participants: number
  /** a + c (uncorrected); null for MD */
  events: number | null
  /** uncorrected 2×2 table (dichotomous only) */
  raw: TwoByTwo | null
  /** 2×2 table after the zero-cell correction (dichotomous only) */
  corrected: TwoByTwo | null
  /** amounts added to each cell of arm 1 / arm 2; null when the trial was not corrected */
  correction: { intervention: number; control: number } | null
}

/** Per-trial effects with every exclusion reported. */
export interface TrialEffects {
  measure: EffectMeasure
  effects: TrialEffect[]
  excluded: TrialExclusion[]
}

/** A pooled estimate on the analysis scale. `z`/`p` are null when the standard error is 0 (degenerate data). */
export interface PooledEstimate {
  estimate: number
  se: number
  variance: number
  /** z statistic (t with `df` degrees of freedom for HKSJ) */
  z: number | null
  p: number | null
  ciLower: number
  ciUpper: number
  /** degrees of freedom of the t reference distribution (HKSJ), null for the normal */
  df: number | null
}

/** Heterogeneity of one analysis (methods.md §2). */
export interface HeterogeneityResult {
  /** Cochran's Q about the centre chosen by `heterogeneityCentre` */
  q: number
  df: number
  /** P(χ²_df > Q); 1 when df = 0 */
  p: number
  /** H² = Q/df (1 when df = 0) */
  h2: number
  /** H = √H² */
  h: number
  /** I² = max(0, (Q − df)/Q), a fraction in [0, 1) */
  i2: number
  /** metafor's random-effects I² = τ²/(τ² + ṽ), ṽ the typical within-trial variance (Higgins & Thompson 2002) */
  i2Tau2: number
  tau2: number
  tau: number
  /** D² = 1 − V_F/V_R (Wetterslev et al. 2009), 0 when τ² = 0 */
  d2: number
}

/** One meta-analysis of a set of trials. */
export interface MetaAnalysisResult {
  k: number
  fixedMethod: FixedEffectMethodUsed
  tau2Method: Tau2Method
  fixed: PooledEstimate
  random: PooledEstimate
  /** the model chosen by `model` */
  pooled: PooledEstimate
  heterogeneity: HeterogeneityResult
  /** percentage weights (fixed: MH/Peto/IV weights; random: 1/(v + τ²)) in trial order */
  weights: { fixed: number[]; random: number[] }
  participants: number
  /** null for MD */
  events: number | null
  /** Σ 1/v_i (IV fixed-effect information) */
  information: number
}

/** One look of a cumulative meta-analysis: trials 1..k of the included trials. */
export interface CumulativeLook {
  look: number
  /** the trial added at this look */
  trial: string
  k: number
  fixed: PooledEstimate
  random: PooledEstimate
  pooled: PooledEstimate
  heterogeneity: HeterogeneityResult
  participants: number
  events: number | null
  information: number
}

export interface CumulativeMetaAnalysisResult {
  measure: EffectMeasure
  fixedMethod: FixedEffectMethodUsed
  tau2Method: Tau2Method
  looks: CumulativeLook[]
  excluded: TrialExclusion[]
  effects: TrialEffect[]
}
