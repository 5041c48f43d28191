/**
 * OpenTSA's meta-analysis layer against metafor 3.8-1 (R 4.2.2, metadat 1.2-0): tests/fixtures/reference/meta.json,
 * every case whose options we can express (the call is recorded per case). Tolerance 1e-6 relative (floor 1e-8);
 * the methods are the same formulas, and the iterative τ² estimators (REML Fisher scoring, PM's uniroot) follow
 * metafor's iteration and stopping rules, so agreement is to rounding (~1e-12).
 *
 * How each metafor model maps onto our options (metaforCases.ts, optionsFor):
 *   FE_IV  rma(method = "FE")            fixedMethod IV;                      our `fixed`
 *   RE_*   rma(method = DL|REML|PM|SJ)   fixedMethod IV, tau2Method, hksj;    our `random`; metafor's I² = τ²/(τ² + ṽ)
 *                                        is our `i2Tau2` (our `i2` is (Q − df)/Q as methods.md §2 defines it)
 *   FE_MH  rma.mh()                      fixedCounts 'raw' (MH estimate from raw counts, yi/vi corrected for Q),
 *                                        rdVariance 'sato' (metafor 3.8 uses Sato et al. 1989, not Greenland–Robins)
 *   FE_Peto rma.peto()                   fixedCounts 'raw' (Peto estimate and Q from raw counts)
 *   continuity add/to/drop00             zeroEvents { constant, value = add, applyTo, includeDoubleZero = !drop00,
 *                                        correctAllMeasures (escalc corrects RD and Peto too) }
 * Our defaults differ on purpose (methods.md): MH from the corrected counts with Q about that MH estimate, 0.25 per
 * cell, RD uncorrected, Greenland–Robins RD variance.
 */
import { describe, expect, test } from 'vitest'
import {
  cumulativeMetaAnalysis,
  metaAnalysis,
  trialEffects
} from '../../../../src/engine/metaAnalysis'
import {
  META,
  MEASURE,
  compareCase,
  deviation,
  optionsFor,
  trialsOf,
  zeroEventsFor,
  type Comparison,
  type MetaforCase
} from './metaforCases'

const TOLERANCE = 1e-6

/**
 * rma.mh with RD: metafor keeps double-zero trials in the MH sums (drop00 = FALSE for the MH part) but drops them
 * from the yi/vi behind Q (drop00 = TRUE). We keep them in both (RD keeps double-zero trials, methods.md §1), so the
 * MH estimate, SE, CI and weights match and Q, its p, I² and H² are skipped for data sets with an RD double-zero trial.
 */
function skipQuantity(c: MetaforCase, x: Comparison): boolean {
  if (!(c.model === 'FE_MH' && c.measure === 'RD')) return false
  const hasDoubleZero = trialsOf(c.dataset).some(
    (t) => 'eventsIntervention' in t && t.eventsIntervention === 0 && t.eventsControl === 0
  )
  return hasDoubleZero && /^(cum\.)?(Q|QE|Qp|QEp|I2|H2)$/.test(x.quantity)
}

const fitted = META.cases.filter((c) => c.result.error === undefined)
const failed = META.cases.filter((c) => c.result.error !== undefined)

describe('metafor 3.8-1 (meta.json): estimate, se, z/t, p, CI, τ², Q, I², H², weights and cumulative', () => {
  for (const c of fitted) {
    test(`${c.id}`, () => {
      const { comparisons, skipped } = compareCase(c)
      expect(skipped).toBeNull()
      expect(comparisons.length).toBeGreaterThan(10)
      for (const x of comparisons) {
        if (skipQuantity(c, x)) continue
        expect(
          x.deviation,
          `${c.id} ${x.quantity}${x.step === null ? '' : ` step ${x.step}`}: got ${x.actual}, expected ${x.expected}`
        ).toBeLessThanOrEqual(TOLERANCE)
      }
    })
  }

  test('per case group, the largest relative deviation is ≤ 1e-6 (printed for the record)', () => {
    const groups = new Map<string, number>()
    for (const c of fitted) {
      const key = `${c.measure} ${c.model}${c.continuity === undefined ? '' : ' (continuity variants)'}`
      let worst = groups.get(key) ?? 0
      for (const x of compareCase(c).comparisons) {
        if (!skipQuantity(c, x)) worst = Math.max(worst, x.deviation)
      }
      groups.set(key, worst)
    }
    const lines = [...groups].map(([k, v]) => `${k.padEnd(36)} ${v.toExponential(1)}`)
    console.info(`max relative deviation vs metafor per group:\n${lines.join('\n')}`)
    for (const v of groups.values()) expect(v).toBeLessThanOrEqual(TOLERANCE)
  })
})

describe('metafor cases that fail inside metafor 3.8-1', () => {
  test.each(failed.map((c) => [c.id, c] as const))(
    '%s: RD with to = "none", drop00 = FALSE ("object vi0 not found") — we exclude the zero-variance trial instead',
    (_id, c) => {
      expect(c.measure).toBe('RD')
      expect(c.continuity).toMatchObject({ to: 'none', drop00: false })
      const { options } = optionsFor(c)
      const r = metaAnalysis(trialsOf(c.dataset), options)
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.value.trials.excluded.length).toBeGreaterThan(0)
      for (const x of r.value.trials.excluded) {
        expect(x.reason).toBe('zero events in both arms')
      }
    }
  )
})

describe('escalc yi/vi for every `to` variant (add = 0.5) and MD vtype LS/HO', () => {
  for (const e of META.escalc) {
    const label = `${e.dataset} ${e.measure} ${e.to ?? e.vtype}`
    test(label, () => {
      const measure = MEASURE[e.measure] as NonNullable<(typeof MEASURE)[string]>
      const r = trialEffects(trialsOf(e.dataset), {
        measure,
        mdVariance: e.vtype === 'HO' ? 'pooled' : 'unequal',
        zeroEvents: zeroEventsFor(e.add ?? 0.5, e.to ?? 'only0', false)
      })
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const byIndex = new Map(r.value.effects.map((x) => [x.index, x]))
      e.yi.forEach((yi, i) => {
        const ours = byIndex.get(i)
        const vi = e.vi[i] as number | null
        if (yi === null || vi === null) {
          // metafor's NA: no effect without a correction; we exclude the trial and say why
          expect(ours, `${label} row ${i + 1} should be excluded`).toBeUndefined()
          return
        }
        if (vi === 0) {
          // RD with to = "none" on a double-zero trial: escalc returns vi = 0, which no inverse-variance method
          // can weight (rma then fails); we exclude the trial ('zero events in both arms')
          expect(ours).toBeUndefined()
          return
        }
        expect(ours, `${label} row ${i + 1}`).toBeDefined()
        expect(deviation(ours?.y, yi, 1e-12), `${label} row ${i + 1} yi`).toBeLessThanOrEqual(1e-9)
        expect(deviation(ours?.v, vi), `${label} row ${i + 1} vi`).toBeLessThanOrEqual(1e-9)
      })
    })
  }
})

describe('derived D² = 1 − se_FE²/se_RE² (Wetterslev et al. 2009) from the FE_IV and RE_DL/RE_REML cases', () => {
  for (const d of META.derived_D2) {
    test(`${d.re_case}`, () => {
      const c = META.cases.find((x) => x.id === d.re_case) as MetaforCase
      const { options } = optionsFor(c)
      const r = cumulativeMetaAnalysis(trialsOf(c.dataset), options)
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const last = r.value.looks[r.value.looks.length - 1]
      expect(
        deviation(last?.heterogeneity.d2, d.D2),
        `D² ${last?.heterogeneity.d2} vs ${d.D2}`
      ).toBeLessThanOrEqual(TOLERANCE)
    })
  }
})
