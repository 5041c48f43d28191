// The names of methods and settings in words, shared by the settings table and the methods paragraph of a report
// (and the How to cite text), so that both say the same thing. Typographic characters are fine here (α, β, τ², –):
// the report's HTML is UTF-8 and its PDF embeds DejaVu Sans.
import type { SpendingSpec } from '@engine'
import { formatPercent } from '@shared/figure/format'
import type { AnalysisSettings, MonitoringSettings, ProjectFile } from '@shared/projectFile'

export const SOFTWARE_NAME = 'OpenTSA'

const PLAIN = new Intl.NumberFormat('en', { maximumFractionDigits: 4, useGrouping: false })

/** A setting's number as typed, up to 4 decimals, with a true minus sign: "2", "0.25", "−4". */
export const plainNumber = (x: number): string => PLAIN.format(x).replace('-', '−')

/** A setting's proportion: up to two decimals where needed ("5%", "2.5%", "12.89%"). */
export const percent = (x: number | null | undefined): string => formatPercent(x, 'en', 2)

export const MEASURE_NAMES: Record<AnalysisSettings['measure'], string> = {
  RR: 'risk ratio (RR)',
  OR: 'odds ratio (OR)',
  RD: 'risk difference (RD)',
  PetoOR: 'Peto odds ratio',
  MD: 'mean difference (MD)'
}

export const TAU2_NAMES: Record<AnalysisSettings['tau2Method'], string> = {
  DL: 'DerSimonian–Laird',
  SJ: 'Sidik–Jonkman',
  BT: 'Biggerstaff–Tweedie',
  REML: 'restricted maximum likelihood (REML)',
  PM: 'Paule–Mandel'
}

/** The fixed-effect method actually used: the Peto odds ratio always pools by Peto's method, MD by inverse variance. */
export function fixedMethodUsed(analysis: AnalysisSettings): 'MH' | 'IV' | 'Peto' {
  if (analysis.measure === 'PetoOR') return 'Peto'
  if (analysis.measure === 'MD') return 'IV'
  return analysis.fixedMethod
}

export const FIXED_METHOD_NAMES: Record<'MH' | 'IV' | 'Peto', string> = {
  MH: 'Mantel–Haenszel',
  IV: 'inverse variance',
  Peto: 'Peto'
}

export const ZERO_EVENT_NAMES: Record<AnalysisSettings['zeroEvents']['method'], string> = {
  constant: 'a constant added to each cell',
  reciprocal: 'the reciprocal of the opposite arm’s size (treatment-arm correction)',
  empirical: 'the empirical correction from the pooled odds ratio of the trials without zero cells'
}

export const FUTILITY_NAMES: Record<MonitoringSettings['futility'], string> = {
  none: 'none',
  tsaWedge: 'inner wedge of the CTU TSA program (non-binding)',
  nonBinding: 'β-spending, non-binding',
  binding: 'β-spending, binding'
}

export const INFORMATION_AXIS_NAMES: Record<MonitoringSettings['informationAxis'], string> = {
  participants: 'participants',
  events: 'events',
  information: 'statistical information (the inverse of the pooled variance)'
}

export const BOUNDARY_ENGINE_NAMES: Record<MonitoringSettings['boundaryEngine'], string> = {
  tsa: 'the algorithm of Reboussin et al. (ld98, as the CTU TSA program and R ldbounds)',
  precise: 'numerical integration after Jennison and Turnbull (as gsDesign and rpact)'
}

/** A spending function with its parameter: "O'Brien–Fleming type", "power family (ρ = 2)". */
export function spendingWords(spec: SpendingSpec): string {
  switch (spec.kind) {
    case 'obf':
      return 'O’Brien–Fleming type'
    case 'pocock':
      return 'Pocock type'
    case 'power':
      return `power family (Kim–DeMets, ρ = ${plainNumber(spec.rho)})`
    case 'hsd':
      return `Hwang–Shih–DeCani (γ = ${plainNumber(spec.gamma)})`
  }
}

export const sidesWords = (sides: 1 | 2): string => (sides === 2 ? 'two-sided' : 'one-sided')

/** "80% oxygen versus 30–35% oxygen". */
export const comparisonWords = (outcome: ProjectFile['outcome']): string =>
  `${outcome.interventionLabel} versus ${outcome.controlLabel}`

/** The intervention effect of the RIS: a reduction for a harmful outcome, an increase for a beneficial one. */
export const effectInputName = (direction: ProjectFile['outcome']['direction']): string =>
  direction === 'harmful' ? 'relative risk reduction' : 'relative benefit increase'

/** Where an estimated RIS input comes from. */
export const fromWords = (from: 'data' | 'lowRiskOfBias'): string =>
  from === 'data' ? 'all trials' : 'the low-risk-of-bias trials'

/** A date as "7 March 2025" (UTC, so that the same instant reads the same everywhere). */
export function dateWords(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(at)
}
