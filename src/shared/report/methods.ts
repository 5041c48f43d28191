// The methods paragraph of a report, ready to paste into a paper: what was done, in the words of the settings,
// with numbered references to the papers of the methods actually used (methods.md names them). It describes the
// methods only; the results are in their own section.
import { formatInformation, formatPercent } from '@shared/figure/format'
import { CitationList, type ReferenceId } from './references'
import { lookUpdateRule, type SettingContext } from './settings'
import {
  FIXED_METHOD_NAMES,
  MEASURE_NAMES,
  SOFTWARE_NAME,
  TAU2_NAMES,
  effectInputName,
  fixedMethodUsed,
  fromWords,
  percent,
  plainNumber,
  sidesWords,
  spendingWords
} from './words'

export interface MethodsText {
  paragraph: string
  /** the reference texts, numbered by position (entry k is [k + 1] in the paragraph) */
  references: string[]
  referenceIds: readonly ReferenceId[]
}

const TAU2_REFERENCES: Record<string, ReferenceId[]> = {
  DL: ['derSimonianLaird1986'],
  SJ: ['sidikJonkman2005'],
  BT: ['biggerstaffTweedie1997'],
  REML: ['viechtbauer2005'],
  PM: ['pauleMandel1982']
}

const SPENDING_REFERENCES: Record<string, ReferenceId> = {
  obf: 'obrienFleming1979',
  pocock: 'pocock1977',
  power: 'kimDeMets1987',
  hsd: 'hwangShihDeCani1990'
}

/** The fixed-effect method with its papers (MH: the RD and OR variances have their own). */
function fixedMethodText(ctx: SettingContext, refs: CitationList): string {
  const { analysis } = ctx.project
  const used = fixedMethodUsed(analysis)
  const name = FIXED_METHOD_NAMES[used]
  if (used === 'Peto') return `the Peto method ${refs.cite('yusuf1985')}`
  if (used === 'IV') return `the ${name} method`
  const variance: ReferenceId[] =
    analysis.measure === 'RD'
      ? ['greenlandRobins1985']
      : analysis.measure === 'OR'
        ? ['robinsBreslowGreenland1986']
        : []
  return `the ${name} method ${refs.cite('mantelHaenszel1959', ...variance)}`
}

function poolingSentence(ctx: SettingContext, refs: CitationList): string {
  const { analysis, trials } = ctx.project
  const included = ctx.result.looks.length
  const order =
    analysis.order === 'yearThenName' ? 'ordered by year, then name' : 'in the order entered'
  const measure = MEASURE_NAMES[analysis.measure]
  let model: string
  if (analysis.model === 'random') {
    model =
      `a random-effects meta-analysis of the ${measure}, with the ${TAU2_NAMES[analysis.tau2Method]} estimator of ` +
      `the between-trial variance τ² ${refs.cite(...(TAU2_REFERENCES[analysis.tau2Method] ?? []))}`
    if (analysis.hksj) {
      model += ` and the Hartung–Knapp–Sidik–Jonkman adjustment ${refs.cite('hartungKnapp2001', 'sidikJonkman2002')}`
    }
  } else {
    model = `a fixed-effect meta-analysis of the ${measure} by ${fixedMethodText(ctx, refs)}`
  }
  const mdPooled =
    analysis.measure === 'MD' && analysis.mdVariance === 'pooled'
      ? ' Mean differences used the pooled standard deviation of the two arms.'
      : ''
  return (
    `The ${included} ${included === 1 ? 'trial' : 'trials'} analysed (of ${trials.length} entered) were added ` +
    `one at a time, ${order}, and each look pooled the trials accrued so far in ${model}.${mdPooled}`
  )
}

function zeroEventSentence(ctx: SettingContext, refs: CitationList): string {
  const { analysis, outcome } = ctx.project
  if (outcome.type !== 'dichotomous') return ''
  const z = analysis.zeroEvents
  const correction =
    z.method === 'constant'
      ? `${plainNumber(z.value)} was added to each cell`
      : z.method === 'reciprocal'
        ? `a continuity correction proportional to the reciprocal of the opposite arm’s size (${plainNumber(2 * z.value)} per trial in total) was added ${refs.cite('sweeting2004')}`
        : `the empirical continuity correction (${plainNumber(2 * z.value)} per trial in total) was added ${refs.cite('sweeting2004')}`
  // RD and the Peto OR need no correction unless a trial's effect cannot be estimated without one
  const optional = analysis.measure === 'RD' || analysis.measure === 'PetoOR'
  const where = optional
    ? `Where a trial’s effect could not be estimated otherwise, ${correction}`
    : `In trials with a zero cell, ${correction}`
  const doubleZero = z.includeDoubleZero
    ? 'trials with no events in either arm were included'
    : 'trials with no events in either arm were excluded'
  return ` ${where}; ${doubleZero}.`
}

function heterogeneitySentence(refs: CitationList): string {
  return ` Heterogeneity was quantified by τ², I² ${refs.cite('higginsThompson2002')} and diversity D² ${refs.cite('wetterslev2009')}.`
}

function boundarySentence(ctx: SettingContext, refs: CitationList): string {
  const m = ctx.project.monitoring
  const spending = m.alphaSpending
  // citations are numbered as they are made: build the sentence in reading order
  let text = ` Monitoring boundaries were constructed with the Lan–DeMets α-spending function ${refs.cite('lanDeMets1983')}`
  text += ` of ${spendingWords(spending)} ${refs.cite(SPENDING_REFERENCES[spending.kind] as ReferenceId)}`
  text +=
    `, for a ${sidesWords(m.sides)} type I error of α = ${percent(m.alpha)} and a power of ${percent(1 - m.beta)} ` +
    `(β = ${percent(m.beta)}), computed `
  text +=
    m.boundaryEngine === 'tsa'
      ? `with the algorithm of Reboussin et al. ${refs.cite('reboussin2000')}.`
      : `by numerical integration ${refs.cite('jennisonTurnbull2000')}.`
  if (m.futility === 'tsaWedge') {
    text += ` Non-binding futility boundaries (the inner wedge) spent β with the O’Brien–Fleming form, as in the TSA program ${refs.cite('thorlundManual')}.`
  } else if (m.futility !== 'none') {
    text +=
      ` ${m.futility === 'binding' ? 'Binding' : 'Non-binding'} futility boundaries spent β with the ` +
      `${spendingWords(m.betaSpending)} function ${refs.cite('pampallona2001')}, with the maximum information ` +
      `inflated so that the efficacy and futility boundaries meet at the last look ${refs.cite('jennisonTurnbull2000')}.`
  }
  text += lookRuleSentence(ctx)
  return text
}

/** Boundary updates skipped at small looks (methods.md §10), when that rule is in force. */
function lookRuleSentence(ctx: SettingContext): string {
  const { increment, fraction } = lookUpdateRule(ctx.project)
  const parts = [
    increment > 0 ? `added less than ${percent(increment)} of the RIS` : '',
    fraction > 0 ? `came before ${percent(fraction)} of the RIS had accrued` : ''
  ].filter((p) => p !== '')
  return parts.length === 0
    ? ''
    : ` Looks that ${parts.join(' or ')} did not update the boundaries.`
}

function risSentence(ctx: SettingContext, refs: CitationList): string {
  const { project, result } = ctx
  const ris = project.monitoring.ris
  const axis = project.monitoring.informationAxis
  const unitWords =
    axis === 'information'
      ? 'statistical information (the inverse of the pooled variance)'
      : `the number of ${axis}`
  const required =
    result.ris.required === null
      ? ''
      : `: ${formatInformation(result.ris.required)} ${result.ris.unit}`
  if (ris.mode === 'manual') {
    return ` The required information size (RIS) was set to ${formatInformation(ris.manual)} ${result.ris.unit}; information was measured as ${unitWords}.`
  }
  const inputs = result.ris.inputs
  const source = (key: keyof typeof ris, value: unknown, show: (x: number) => string): string => {
    const given = ris[key]
    const shown = typeof value === 'number' ? show(value) : 'n/a'
    return typeof given === 'object' && given !== null && 'from' in given
      ? `${shown} (estimated from ${fromWords(given.from)})`
      : shown
  }
  let basis: string
  if (project.outcome.type === 'dichotomous') {
    const effectKey =
      project.outcome.direction === 'harmful' ? 'relativeRiskReduction' : 'relativeBenefitIncrease'
    basis =
      `a control event proportion of ${source('controlRisk', inputs['controlRisk'], percent)} and an anticipated ` +
      `${effectInputName(project.outcome.direction)} of ${source(effectKey, inputs[effectKey], percent)}`
  } else {
    basis =
      `a minimal relevant difference of ${source('difference', inputs['difference'], plainNumber)} and a variance ` +
      `of ${source('variance', inputs['variance'], plainNumber)}`
  }
  const h = ris.heterogeneity
  const used = inputs['heterogeneityValue']
  const shown = typeof used === 'number' ? formatPercent(used) : 'n/a'
  const adjustment =
    h.kind === 'diversity'
      ? `adjusted for diversity (D² = ${shown}) ${refs.cite('wetterslev2009')}`
      : h.kind === 'inconsistency'
        ? `adjusted for inconsistency (I² = ${shown}) ${refs.cite('wetterslev2008')}`
        : h.kind === 'user'
          ? `adjusted for an anticipated heterogeneity of ${formatPercent(h.value, 'en', 1)} ${refs.cite('wetterslev2009')}`
          : 'not adjusted for heterogeneity'
  const inflation = ris.sequentialInflation
    ? ` and multiplied by the sequential design’s inflation factor ${refs.cite('jennisonTurnbull2000')}`
    : ''
  return (
    ` The required information size (RIS) was calculated for ${basis}, ${sidesWords(project.monitoring.sides)} ` +
    `α = ${percent(project.monitoring.alpha)} and β = ${percent(project.monitoring.beta)}, ${adjustment}${inflation}` +
    `${required}. Information was measured as ${unitWords}.`
  )
}

function inferenceSentence(ctx: SettingContext, refs: CitationList): string {
  const { analysis, monitoring } = ctx.project
  const level = formatPercent(analysis.confidenceLevel, 'en', 1)
  let text =
    ` Conventional ${level} confidence intervals were reported with TSA-adjusted confidence intervals ` +
    `derived from the α-spending boundaries at each look.`
  if (monitoring.lil.enabled) {
    text += ` The law of the iterated logarithm was applied as a sensitivity analysis (λ = ${plainNumber(monitoring.lil.lambda)}) ${refs.cite('lanHuCappelleri2003', 'huCappelleriLan2007')}.`
  }
  if (analysis.ctuCompatibility) {
    text += ` Computations followed the conventions of the Copenhagen Trial Unit’s TSA program ${refs.cite('thorlundManual')}.`
  }
  return text
}

/** The methods paragraph of an analysis, with its numbered references. */
export function methodsText(ctx: SettingContext, version: string): MethodsText {
  const refs = new CitationList()
  const opening =
    `We performed a trial sequential analysis (TSA) ${refs.cite('wetterslev2008', 'wetterslev2017', 'thorlundManual')} ` +
    `with ${SOFTWARE_NAME} version ${version}.`
  const paragraph = [
    opening,
    ' ',
    poolingSentence(ctx, refs),
    zeroEventSentence(ctx, refs),
    heterogeneitySentence(refs),
    boundarySentence(ctx, refs),
    risSentence(ctx, refs),
    inferenceSentence(ctx, refs)
  ].join('')
  return { paragraph, references: refs.references(), referenceIds: refs.ids() }
}
