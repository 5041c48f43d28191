/**
 * Unit tests of the meta-analysis layer: validation messages, exclusions, zero-cell corrections (Sweeting et al.
 * 2004), the CTU conventions (methods.md §2, §10), single-trial looks, Biggerstaff–Tweedie weights, performance.
 */
import { describe, expect, test } from 'vitest'
import {
  cumulativeMetaAnalysis,
  metaAnalysis,
  trialEffects,
  zeroCellCorrection,
  type DichotomousTrial
} from '../../../../src/engine/metaAnalysis'
import { biggerstaffTweedieWeights } from '../../../../src/engine/metaAnalysis/biggerstaffTweedieWeights'
import { chiSquareUpperTail } from '../../../../src/engine/metaAnalysis/chiSquareUpperTail'
import { tau2DerSimonianLaird } from '../../../../src/engine/metaAnalysis/tau2DerSimonianLaird'

const trial = (name: string, a: number, n1: number, c: number, n2: number): DichotomousTrial => ({
  name,
  eventsIntervention: a,
  totalIntervention: n1,
  eventsControl: c,
  totalControl: n2
})

/** perioOxy (RTSA's example data, Wetterslev et al.), first seven trials. */
const PERIO = [
  trial('Gardella 2008', 17, 69, 10, 74),
  trial('Greif 2000', 13, 250, 28, 250),
  trial('Meyhoff 2009', 131, 685, 141, 701),
  trial('Myles 2007', 77, 997, 106, 1015),
  trial('Williams 2013', 10, 77, 12, 83),
  trial('Belda 2005', 22, 147, 35, 149),
  trial('Bickel 2011', 6, 107, 14, 103)
]

describe('invalid trials: an error naming the trial and the field', () => {
  test('events above the total', () => {
    const trials = [
      PERIO[0],
      PERIO[1],
      trial('Greif 2000', 260, 250, 28, 250)
    ] as DichotomousTrial[]
    const r = metaAnalysis(trials, { measure: 'RR' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toBe(
      "trial 3 'Greif 2000': events in intervention (260) exceed total (250)"
    )
    expect(r.error.field).toBe('trials[2].eventsIntervention')
  })

  test.each([
    [{ ...PERIO[0], eventsControl: -1 }, 'events in control (-1) is negative'],
    [{ ...PERIO[0], totalControl: 0 }, 'total in control is 0'],
    [
      { ...PERIO[0], eventsIntervention: Number.NaN },
      'events in intervention must be a finite number'
    ],
    [{ ...PERIO[0], totalIntervention: Infinity }, 'total in intervention must be a finite number'],
    [{ ...PERIO[0], eventsControl: 80 }, 'events in control (80) exceed total (74)']
  ])('%o → %s', (bad, message) => {
    const r = cumulativeMetaAnalysis([PERIO[1] as DichotomousTrial, bad as DichotomousTrial], {
      measure: 'OR'
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(`trial 2 'Gardella 2008': ${message}`)
  })

  test('SD ≤ 0 of a continuous trial', () => {
    const md = {
      name: 'Adelaide',
      meanIntervention: 20.9,
      sdIntervention: 0,
      totalIntervention: 42,
      meanControl: 36,
      sdControl: 24,
      totalControl: 44
    }
    const r = metaAnalysis([md], { measure: 'MD' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toBe("trial 1 'Adelaide': SD in intervention (0) must be > 0")
    }
  })

  test('unknown options name the option', () => {
    const r = metaAnalysis(PERIO, { measure: 'RR', tau2Method: 'HS' as never })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('tau2Method')
    const s = metaAnalysis(PERIO, { measure: 'RR', confidenceLevel: 95 })
    expect(s.ok).toBe(false)
    if (!s.ok) expect(s.error.field).toBe('confidenceLevel')
  })
})

describe('exclusions, reported per trial', () => {
  const trials = [
    trial('A', 3, 50, 6, 50),
    trial('double zero', 0, 40, 0, 42),
    trial('all events', 30, 30, 25, 25),
    trial('single zero', 0, 20, 4, 20)
  ]

  test('RR/OR/Peto drop double-zero and all-event trials by default', () => {
    for (const measure of ['RR', 'OR', 'PetoOR'] as const) {
      const r = trialEffects(trials, { measure })
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.value.excluded).toEqual([
        { trial: 'double zero', index: 1, reason: 'zero events in both arms' },
        { trial: 'all events', index: 2, reason: 'all events in both arms' }
      ])
      expect(r.value.effects.map((e) => e.name)).toEqual(['A', 'single zero'])
    }
  })

  test('RD keeps them (corrected so that their zero variance can be weighted)', () => {
    const r = trialEffects(trials, { measure: 'RD' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.excluded).toEqual([])
    const byName = new Map(r.value.effects.map((e) => [e.name, e]))
    expect(byName.get('double zero')?.correction).toEqual({ intervention: 0.25, control: 0.25 })
    expect(byName.get('single zero')?.correction).toBeNull() // RD is not corrected unless asked
    expect(byName.get('A')?.correction).toBeNull()
  })

  test('includeDoubleZero keeps them, corrected', () => {
    const r = trialEffects(trials, {
      measure: 'RR',
      zeroEvents: { method: 'constant', includeDoubleZero: true }
    })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.effects).toHaveLength(4)
  })

  test('without a correction a zero cell leaves no effect: excluded with its reason', () => {
    const r = trialEffects(trials, {
      measure: 'RR',
      zeroEvents: { method: 'constant', applyTo: 'none' }
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.excluded.map((x) => [x.trial, x.reason])).toContainEqual([
      'single zero',
      'zero cell and no continuity correction'
    ])
  })

  test('no trial left is an error, not NaN', () => {
    const r = cumulativeMetaAnalysis([trial('double zero', 0, 40, 0, 42)], { measure: 'RR' })
    expect(r.ok).toBe(false)
  })
})

describe('zero-cell corrections (Sweeting, Sutton & Lambert 2004)', () => {
  const table = { a: 0, b: 10, c: 3, d: 27 } // n1 = 10, n2 = 30

  test('constant: the per-cell value (default 0.25 = the CTU program\'s "Constant 0.5")', () => {
    const r = trialEffects([trial('z', 0, 10, 3, 30)], { measure: 'OR' })
    expect(r.ok && r.value.effects[0]?.correction).toEqual({ intervention: 0.25, control: 0.25 })
    if (r.ok) {
      expect(r.value.effects[0]?.corrected).toEqual({ a: 0.25, b: 10.25, c: 3.25, d: 27.25 })
    }
  })

  test('reciprocal: k_T = 2k·n1/N, k_C = 2k·n2/N (∝ the reciprocal of the other arm), summing to 2k', () => {
    const k = zeroCellCorrection(table, 'reciprocal', 0.25)
    expect(k.intervention).toBeCloseTo(0.125, 15)
    expect(k.control).toBeCloseTo(0.375, 15)
    expect(zeroCellCorrection({ a: 0, b: 20, c: 3, d: 17 }, 'reciprocal', 0.5)).toEqual({
      intervention: 0.5,
      control: 0.5
    })
  })

  test('empirical: k_T = 2k·Õ/(R + Õ), k_C = 2k·R/(R + Õ); Õ = 1 is the reciprocal correction', () => {
    expect(zeroCellCorrection(table, 'empirical', 0.25, 1)).toEqual(
      zeroCellCorrection(table, 'reciprocal', 0.25)
    )
    const k = zeroCellCorrection(table, 'empirical', 0.5, 2) // R = 3
    expect(k.intervention).toBeCloseTo(0.4, 15)
    expect(k.control).toBeCloseTo(0.6, 15)
  })

  test('empirical uses the MH odds ratio of the zero-free trials', () => {
    const trials = [trial('z', 0, 10, 3, 30), trial('p', 10, 50, 5, 50), trial('q', 8, 40, 4, 40)]
    const r = trialEffects(trials, {
      measure: 'OR',
      zeroEvents: { method: 'empirical', value: 0.5 }
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const prior = ((10 * 45) / 100 + (8 * 36) / 80) / ((40 * 5) / 100 + (32 * 4) / 80) // Σad/N / Σbc/N
    const expected = zeroCellCorrection({ a: 0, b: 10, c: 3, d: 27 }, 'empirical', 0.5, prior)
    expect(r.value.effects[0]?.correction).toEqual(expected)
  })

  test('applyTo all / allIfAny / none', () => {
    const trials = [trial('z', 0, 10, 3, 30), trial('p', 10, 50, 5, 50)]
    const corrected = (applyTo: 'all' | 'allIfAny' | 'none' | 'zeroTrials'): boolean[] => {
      const r = trialEffects(trials, { measure: 'RR', zeroEvents: { method: 'constant', applyTo } })
      return r.ok ? r.value.effects.map((e) => e.correction !== null) : []
    }
    expect(corrected('zeroTrials')).toEqual([true, false])
    expect(corrected('all')).toEqual([true, true])
    expect(corrected('allIfAny')).toEqual([true, true])
    expect(corrected('none')).toEqual([false]) // the zero-cell trial is excluded
  })
})

describe('CTU conventions (methods.md §2, §10)', () => {
  test('Q is centred on the MH estimate of the corrected counts (≥ the IV-centred Q); DL uses that Q', () => {
    const mh = metaAnalysis(PERIO, { measure: 'RR', fixedMethod: 'MH' })
    const iv = metaAnalysis(PERIO, {
      measure: 'RR',
      fixedMethod: 'MH',
      heterogeneityCentre: 'inverseVariance'
    })
    expect(mh.ok && iv.ok).toBe(true)
    if (!mh.ok || !iv.ok) return
    const effects = mh.value.trials.effects
    const theta = mh.value.fixed.estimate
    const q = effects.reduce((s, e) => s + (e.y - theta) ** 2 / e.v, 0)
    expect(mh.value.heterogeneity.q).toBeCloseTo(q, 10)
    expect(mh.value.heterogeneity.q).toBeGreaterThan(iv.value.heterogeneity.q)
    const s1 = effects.reduce((s, e) => s + 1 / e.v, 0)
    const s2 = effects.reduce((s, e) => s + 1 / e.v ** 2, 0)
    expect(mh.value.heterogeneity.tau2).toBeCloseTo(
      tau2DerSimonianLaird(q, effects.length, s1, s1 * s1 - s2),
      12
    )
  })

  test('a single-trial look: random = fixed; with ctuCompatibility both get 1/w_MH = N/(c·n1)', () => {
    const plain = cumulativeMetaAnalysis(PERIO, { measure: 'RR' })
    expect(plain.ok).toBe(true)
    if (!plain.ok) return
    const first = plain.value.looks[0]
    expect(first?.random.estimate).toBeCloseTo(first?.fixed.estimate as number, 14)
    expect(first?.random.variance).toBeCloseTo(first?.fixed.variance as number, 14)
    expect(first?.heterogeneity.tau2).toBe(0)
    const ctu = cumulativeMetaAnalysis(PERIO, { measure: 'RR', ctuCompatibility: true })
    expect(ctu.ok).toBe(true)
    if (!ctu.ok) return
    const look = ctu.value.looks[0]
    expect(look?.fixed.variance).toBeCloseTo((69 + 74) / (10 * 69), 14)
    expect(look?.random.variance).toBeCloseTo((69 + 74) / (10 * 69), 14)
    expect(ctu.value.looks[1]?.fixed.variance).toBeCloseTo(
      plain.value.looks[1]?.fixed.variance as number,
      14
    )
  })

  test('D² = 1 − V_F/V_R with the DL variance even under HKSJ; 0 when τ² = 0', () => {
    const hk = metaAnalysis(PERIO, { measure: 'RR', hksj: true })
    const dl = metaAnalysis(PERIO, { measure: 'RR' })
    expect(hk.ok && dl.ok).toBe(true)
    if (!hk.ok || !dl.ok) return
    expect(hk.value.heterogeneity.d2).toBeCloseTo(dl.value.heterogeneity.d2, 14)
    expect(dl.value.heterogeneity.d2).toBeCloseTo(
      1 - 1 / dl.value.information / dl.value.random.variance,
      14
    )
    expect(hk.value.random.df).toBe(PERIO.length - 1)
    const one = metaAnalysis([PERIO[1] as DichotomousTrial], { measure: 'RR' })
    expect(one.ok && one.value.heterogeneity.d2).toBe(0)
  })

  test('cumulative participants, events and information', () => {
    const r = cumulativeMetaAnalysis(PERIO, { measure: 'RR' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.looks.map((l) => l.participants)).toEqual([
      143, 643, 2029, 4041, 4201, 4497, 4707
    ])
    expect(r.value.looks[1]?.events).toBe(17 + 10 + 13 + 28)
    const info = r.value.effects.slice(0, 3).reduce((s, e) => s + 1 / e.v, 0)
    expect(r.value.looks[2]?.information).toBeCloseTo(info, 12)
  })
})

describe('mean difference, χ² tail, Biggerstaff–Tweedie', () => {
  const md = [
    {
      name: 'a',
      meanIntervention: 20.9,
      sdIntervention: 20.6,
      totalIntervention: 42,
      meanControl: 36,
      sdControl: 24,
      totalControl: 44
    },
    {
      name: 'b',
      meanIntervention: 41.9,
      sdIntervention: 28.3,
      totalIntervention: 59,
      meanControl: 49.5,
      sdControl: 47,
      totalControl: 54
    }
  ]

  test('MD variance: s1²/n1 + s2²/n2 by default, pooled SD as an option', () => {
    const r = trialEffects(md, { measure: 'MD' })
    const p = trialEffects(md, { measure: 'MD', mdVariance: 'pooled' })
    expect(r.ok && p.ok).toBe(true)
    if (!r.ok || !p.ok) return
    expect(r.value.effects[0]?.v).toBeCloseTo(20.6 ** 2 / 42 + 24 ** 2 / 44, 12)
    const s2 = (41 * 20.6 ** 2 + 43 * 24 ** 2) / 84
    expect(p.value.effects[0]?.v).toBeCloseTo(s2 * (1 / 42 + 1 / 44), 12)
    expect(r.value.effects[0]?.events).toBeNull()
  })

  test('χ² upper tail keeps its relative accuracy far out (R: pchisq(152.233, 12, lower = FALSE))', () => {
    expect(chiSquareUpperTail(152.233008082373, 12) / 1.99676459084597e-26 - 1).toBeLessThan(1e-10)
    expect(chiSquareUpperTail(0, 3)).toBe(1)
    expect(chiSquareUpperTail(5, 0)).toBe(1)
  })

  test('BT weights lie in (0, 1/v] and BT reports the DL τ²', () => {
    const v = [0.1, 0.05, 0.3, 0.02, 0.2]
    const w = biggerstaffTweedieWeights(v, v.length, 0.04)
    w.forEach((wi, i) => {
      expect(wi).toBeGreaterThan(0)
      expect(wi).toBeLessThanOrEqual(1 / (v[i] as number))
    })
    const bt = metaAnalysis(PERIO, { measure: 'RR', tau2Method: 'BT' })
    const dl = metaAnalysis(PERIO, { measure: 'RR', tau2Method: 'DL' })
    expect(bt.ok && dl.ok).toBe(true)
    if (bt.ok && dl.ok) {
      expect(bt.value.heterogeneity.tau2).toBeCloseTo(dl.value.heterogeneity.tau2, 14)
    }
  })
})

describe('performance', () => {
  test('1000 trials cumulatively (1000 looks, random effects DL) in well under 500 ms', () => {
    let seed = 12345
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const trials = Array.from({ length: 1000 }, (_, i) => {
      const n1 = 20 + Math.floor(next() * 400)
      const n2 = 20 + Math.floor(next() * 400)
      return trial(
        `T${i + 1}`,
        1 + Math.floor(next() * 0.3 * n1),
        n1,
        1 + Math.floor(next() * 0.35 * n2),
        n2
      )
    })
    cumulativeMetaAnalysis(trials.slice(0, 50), { measure: 'RR' }) // warm-up
    const start = performance.now()
    const r = cumulativeMetaAnalysis(trials, { measure: 'RR', model: 'random', tau2Method: 'DL' })
    const ms = performance.now() - start
    console.info(
      `cumulative meta-analysis, 1000 trials / 1000 looks, RR, MH + DL: ${ms.toFixed(1)} ms`
    )
    expect(r.ok && r.value.looks.length).toBe(1000)
    expect(ms).toBeLessThan(500)
  })
})
