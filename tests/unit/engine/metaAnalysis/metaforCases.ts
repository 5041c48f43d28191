/**
 * Maps the metafor reference cases of tests/fixtures/reference/meta.json (R 4.2.2, metafor 3.8-1, metadat 1.2-0)
 * onto OpenTSA options, and measures our deviation from each reported number. Shared by metafor.spec.ts.
 */
import { loadFixture } from '../../../helpers/fixtures'
import {
  cumulativeMetaAnalysis,
  metaAnalysis,
  type EffectMeasure,
  type MetaAnalysisOptions,
  type MetaTrial,
  type PooledEstimate,
  type ZeroCellTarget,
  type ZeroEventsOptions
} from '../../../../src/engine/metaAnalysis'

export interface MetaforDataset {
  type: 'binary' | 'continuous'
  study: string[]
  ai?: number[]
  n1i?: number[]
  ci?: number[]
  n2i?: number[]
  m1i?: number[]
  sd1i?: number[]
  m2i?: number[]
  sd2i?: number[]
}

export interface MetaforCase {
  id: string
  dataset: string
  measure: 'RR' | 'OR' | 'RD' | 'PETO' | 'MD'
  model: string
  call: string
  vtype?: string
  continuity?: { add?: number; to?: string; drop00?: boolean }
  result: Record<string, unknown> & { error?: string }
  cumulative: Record<string, (number | null)[] | string | null> | null
}

export interface MetaFile {
  datasets: Record<string, MetaforDataset>
  cases: MetaforCase[]
  escalc: {
    dataset: string
    measure: string
    add?: number
    to?: string
    vtype?: string
    yi: (number | null)[]
    vi: (number | null)[]
  }[]
  derived_D2: { re_case: string; fe_case: string; D2: number }[]
}

export const META = loadFixture<MetaFile>('reference/meta.json')

const TO: Record<string, ZeroCellTarget> = {
  only0: 'zeroTrials',
  all: 'all',
  if0all: 'allIfAny',
  none: 'none'
}

export const MEASURE: Record<string, EffectMeasure> = {
  RR: 'RR',
  OR: 'OR',
  RD: 'RD',
  PETO: 'PetoOR',
  MD: 'MD'
}

/** The trials of a meta.json data set in OpenTSA's project-file shape. */
export function trialsOf(name: string): MetaTrial[] {
  const d = META.datasets[name]
  if (d === undefined) throw new Error(`no data set ${name}`)
  return d.study.map((study, i) =>
    d.type === 'binary'
      ? {
          name: study,
          eventsIntervention: (d.ai as number[])[i] as number,
          totalIntervention: (d.n1i as number[])[i] as number,
          eventsControl: (d.ci as number[])[i] as number,
          totalControl: (d.n2i as number[])[i] as number
        }
      : {
          name: study,
          meanIntervention: (d.m1i as number[])[i] as number,
          sdIntervention: (d.sd1i as number[])[i] as number,
          totalIntervention: (d.n1i as number[])[i] as number,
          meanControl: (d.m2i as number[])[i] as number,
          sdControl: (d.sd2i as number[])[i] as number,
          totalControl: (d.n2i as number[])[i] as number
        }
  )
}

/** escalc's add/to/drop00 as our zeroEvents (metafor corrects RD and Peto too: correctAllMeasures). */
export function zeroEventsFor(add: number, to: string, drop00: boolean): ZeroEventsOptions {
  return {
    method: 'constant',
    value: add,
    applyTo: TO[to] as ZeroCellTarget,
    includeDoubleZero: !drop00,
    correctAllMeasures: true
  }
}

export type Which = 'fixed' | 'random'

/** Our options for a metafor case, and which of our two models its numbers belong to. */
export function optionsFor(c: MetaforCase): { options: MetaAnalysisOptions; which: Which } {
  const measure = MEASURE[c.measure] as EffectMeasure
  const cc = c.continuity ?? {}
  const add = cc.add ?? 0.5
  const to = cc.to ?? 'only0'
  const base: MetaAnalysisOptions = {
    measure,
    mdVariance: c.vtype === 'HO' || c.id.includes('_HO_') ? 'pooled' : 'unequal'
  }
  if (c.model === 'FE_MH') {
    // rma.mh: MH estimate from raw counts (Sato et al. RD variance); yi/vi for Q with add/to, drop00 = TRUE unless given
    return {
      which: 'fixed',
      options: {
        ...base,
        fixedMethod: 'MH',
        fixedCounts: 'raw',
        rdVariance: 'sato',
        // RD: metafor's MH sums keep double-zero trials (drop00 applies to yi/vi only), so we keep them too and
        // skip Q/I²/H² where such trials exist (see DOUBLE_ZERO_RD_Q below)
        zeroEvents: zeroEventsFor(add, to, measure === 'RD' ? false : (cc.drop00 ?? true))
      }
    }
  }
  if (c.model === 'FE_Peto') {
    // rma.peto: Peto estimate and Q from raw counts; k from escalc's PETO yi (drop00 = TRUE)
    return {
      which: 'fixed',
      options: {
        ...base,
        fixedCounts: 'raw',
        zeroEvents: { method: 'constant', value: add, applyTo: 'none', includeDoubleZero: false }
      }
    }
  }
  const zeroEvents = zeroEventsFor(add, to, cc.drop00 ?? false)
  if (c.model === 'FE_IV') {
    return { which: 'fixed', options: { ...base, fixedMethod: 'IV', zeroEvents } }
  }
  const [, method, hk] = /^RE_(DL|REML|PM|SJ)(_HKSJ)?$/.exec(c.model) ?? []
  return {
    which: 'random',
    options: {
      ...base,
      fixedMethod: 'IV',
      heterogeneityCentre: 'inverseVariance',
      tau2Method: method as 'DL' | 'REML' | 'PM' | 'SJ',
      hksj: hk !== undefined,
      zeroEvents
    }
  }
}

/** Relative deviation |a − b|/max(|b|, floor). */
export function deviation(
  actual: number | null | undefined,
  expected: number,
  floor = 1e-8
): number {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return Infinity
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor)
}

export interface Comparison {
  quantity: string
  step: number | null
  actual: number | null
  expected: number
  deviation: number
}

function comparePooled(
  out: Comparison[],
  got: PooledEstimate,
  ref: Record<string, unknown>,
  step: number | null,
  names: { z: string; lb: string; ub: string }
): void {
  const pairs: [string, number | null, unknown][] = [
    ['estimate', got.estimate, ref['estimate']],
    ['se', got.se, ref['se']],
    [names.z, got.z, ref[names.z]],
    ['pval', got.p, ref['pval']],
    [names.lb, got.ciLower, ref[names.lb]],
    [names.ub, got.ciUpper, ref[names.ub]]
  ]
  for (const [quantity, actual, expected] of pairs) {
    if (typeof expected !== 'number') continue
    out.push({ quantity, step, actual, expected, deviation: deviation(actual, expected) })
  }
}

/** metafor's H² and I² of the model (FE: from Q; RE: from τ²). */
function metaforI2(which: Which, h: { i2: number; i2Tau2: number; h2: number }): number {
  return which === 'fixed' ? 100 * h.i2 : 100 * h.i2Tau2
}

function metaforH2(which: Which, h: { i2Tau2: number; h2: number }): number {
  return which === 'fixed' ? h.h2 : 1 / (1 - h.i2Tau2)
}

/** Every number of a metafor case (final fit and cumulative steps) against ours. */
export function compareCase(c: MetaforCase): { comparisons: Comparison[]; skipped: string | null } {
  const { options, which } = optionsFor(c)
  const trials = trialsOf(c.dataset)
  const fit = metaAnalysis(trials, options)
  const cum = cumulativeMetaAnalysis(trials, options)
  if (!fit.ok || !cum.ok) return { comparisons: [], skipped: `our analysis failed` }
  const out: Comparison[] = []
  const r = c.result
  const h = fit.value.heterogeneity
  comparePooled(out, fit.value[which], r, null, { z: 'zval', lb: 'ci_lb', ub: 'ci_ub' })
  const scalar: [string, number, unknown][] = [
    ['tau2', which === 'random' ? h.tau2 : 0, r['tau2']],
    ['QE', h.q, r['QE']],
    ['QEp', h.p, r['QEp']],
    ['I2', metaforI2(which, h), r['I2']],
    ['H2', metaforH2(which, h), r['H2']]
  ]
  for (const [quantity, actual, expected] of scalar) {
    if (typeof expected === 'number') {
      out.push({ quantity, step: null, actual, expected, deviation: deviation(actual, expected) })
    }
  }
  compareWeights(out, c, fit.value)
  compareCumulative(out, c, which, cum.value.looks, cum.value.effects)
  return { comparisons: out, skipped: null }
}

function compareWeights(
  out: Comparison[],
  c: MetaforCase,
  fit: { weights: { fixed: number[]; random: number[] }; trials: { effects: { index: number }[] } }
): void {
  const which = optionsFor(c).which
  const ref = c.result['weights_percent'] as number[] | undefined
  const rows = c.result['included_rows'] as number[]
  if (ref === undefined) return
  const ours = which === 'fixed' ? fit.weights.fixed : fit.weights.random
  fit.trials.effects.forEach((e, j) => {
    const pos = rows.indexOf(e.index + 1)
    const expected = ref[pos]
    if (typeof expected !== 'number') return
    out.push({
      quantity: 'weights',
      step: j + 1,
      actual: ours[j] ?? null,
      expected,
      deviation: deviation(ours[j], expected)
    })
  })
}

function compareCumulative(
  out: Comparison[],
  c: MetaforCase,
  which: Which,
  looks: {
    fixed: PooledEstimate
    random: PooledEstimate
    heterogeneity: { q: number; p: number; tau2: number; i2: number; i2Tau2: number; h2: number }
  }[],
  effects: { index: number }[]
): void {
  const cu = c.cumulative
  if (cu === null) return
  const rows = c.result['included_rows'] as number[]
  effects.forEach((e, j) => {
    const step = rows.indexOf(e.index + 1)
    if (step < 0) return
    const at = (key: string): unknown => (cu[key] as (number | null)[] | null)?.[step]
    if (typeof at('estimate') !== 'number') return
    const look = looks[j] as (typeof looks)[number]
    const ref: Record<string, unknown> = {
      estimate: at('estimate'),
      se: at('se'),
      stat: at('stat'),
      pval: at('pval'),
      ci_lb: at('ci_lb'),
      ci_ub: at('ci_ub')
    }
    comparePooled(out, look[which], ref, j + 1, { z: 'stat', lb: 'ci_lb', ub: 'ci_ub' })
    const hh = look.heterogeneity
    const scalar: [string, number, unknown][] = [
      ['cum.Q', hh.q, at('Q')],
      ['cum.Qp', hh.p, at('Qp')],
      ['cum.tau2', hh.tau2, at('tau2')],
      ['cum.I2', metaforI2(which, hh), at('I2')],
      ['cum.H2', metaforH2(which, hh), at('H2')]
    ]
    for (const [quantity, actual, expected] of scalar) {
      if (typeof expected === 'number') {
        out.push({
          quantity,
          step: j + 1,
          actual,
          expected,
          deviation: deviation(actual, expected)
        })
      }
    }
  })
}
