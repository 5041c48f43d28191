import type { SpendingSpec } from './spending'

/** `tsa`: ld98 (CTU program / R ldbounds compatible, default); `precise`: fine Simpson grid (gsDesign/rpact to 1e-6). */
export type BoundaryEngine = 'tsa' | 'precise'

/** none | the CTU program's inner wedge | design-style β-spending (rpact/RTSA), non-binding or binding. */
export type FutilityKind = 'none' | 'tsaWedge' | 'nonBinding' | 'binding'

/** A request for monitoring boundaries (the `opentsa boundaries` command and the IPC `computeBoundaries`). */
export interface BoundaryRequest {
  /** information fractions t_k of the looks, increasing, in (0, 1] */
  informationFractions: number[]
  /** total type I error (methods.md: `alpha` is always the total; two-sided designs spend alpha/2 per side) */
  alpha: number
  sides: 1 | 2
  spending: SpendingSpec
  engine?: BoundaryEngine
  /** type II error, used by futility designs and the inflation factor (default 0.2) */
  beta?: number
  futility?: FutilityKind
  /** β-spending function of design-style futility (default O'Brien–Fleming type) */
  betaSpending?: SpendingSpec
}

/** One look of a boundary set, on the Z scale (null: no bound can be crossed there). */
export interface BoundaryLook {
  informationFraction: number
  upper: number | null
  /** null for one-sided designs */
  lower: number | null
  /** cumulative total alpha spent (both sides) by this look */
  alphaSpent: number
  /** futility bound on the benefit side (one-sided: stop for futility when Z < futilityUpper) */
  futilityUpper: number | null
  /** two-sided inner wedges: −futilityUpper */
  futilityLower: number | null
}

export interface BoundaryResult {
  looks: BoundaryLook[]
  /** maximum-information inflation R for designs with futility, else null */
  inflationFactor: number | null
  engine: BoundaryEngine
  /** which futility convention produced the futility bounds (methods.md §10 asks us to report it) */
  futilityConvention?: string
}

/** Heterogeneity adjustment of a required information size (methods.md §4). */
export type HeterogeneityAdjustment =
  { kind: 'none' } | { kind: 'diversity'; value: number } | { kind: 'inconsistency'; value: number }

/** Inputs of a required information size: dichotomous (controlRisk + RRR or RBI) or continuous (difference + variance). */
export interface RisRequest {
  alpha: number
  sides: 1 | 2
  beta: number
  controlRisk?: number
  relativeRiskReduction?: number
  /** a beneficial outcome: P_I = P_C(1 + RBI) */
  relativeBenefitIncrease?: number
  difference?: number
  variance?: number
  heterogeneity?: HeterogeneityAdjustment
}

export interface RisResult {
  /** RIS_F, the unrounded fixed-effect information size */
  fixed: number
  /** AF = 1/(1 − D²) or 1/(1 − I²), 1 for none */
  adjustmentFactor: number
  /** CTU rounding: ceil(RIS_F)·AF (displayed as its ceiling) */
  required: number
  /** RIS_F·AF */
  exact: number
}
