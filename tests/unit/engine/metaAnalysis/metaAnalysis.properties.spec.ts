/**
 * Property tests (fast-check) of the meta-analysis layer: no NaN/Infinity in any output, ranges of I², D², τ²,
 * invariance of the final pooled result to trial order, antisymmetry under swapping arms, and errors that name the
 * invalid trial.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  cumulativeMetaAnalysis,
  metaAnalysis,
  trialEffects,
  type ContinuousTrial,
  type DichotomousTrial,
  type MetaAnalysisOptions,
  type MetaTrial
} from '../../../../src/engine/metaAnalysis'

const dichotomousTrial = (name: string): fc.Arbitrary<DichotomousTrial> =>
  fc
    .record({ n1: fc.integer({ min: 1, max: 400 }), n2: fc.integer({ min: 1, max: 400 }) })
    .chain(({ n1, n2 }) =>
      fc.record({
        name: fc.constant(name),
        eventsIntervention: fc.integer({ min: 0, max: n1 }),
        totalIntervention: fc.constant(n1),
        eventsControl: fc.integer({ min: 0, max: n2 }),
        totalControl: fc.constant(n2)
      })
    )

const dichotomousTrials = fc
  .integer({ min: 1, max: 12 })
  .chain((k) =>
    fc.tuple(...Array.from({ length: k }, (_, i) => dichotomousTrial(`Trial ${i + 1}`)))
  )

const continuousTrials = fc.array(
  fc.record({
    name: fc.string({ minLength: 1, maxLength: 8 }),
    meanIntervention: fc.double({ min: -100, max: 100, noNaN: true }),
    sdIntervention: fc.double({ min: 0.01, max: 50, noNaN: true }),
    totalIntervention: fc.integer({ min: 2, max: 300 }),
    meanControl: fc.double({ min: -100, max: 100, noNaN: true }),
    sdControl: fc.double({ min: 0.01, max: 50, noNaN: true }),
    totalControl: fc.integer({ min: 2, max: 300 })
  }),
  { minLength: 1, maxLength: 12 }
) as fc.Arbitrary<ContinuousTrial[]>

const commonOptions = {
  model: fc.constantFrom('fixed', 'random'),
  tau2Method: fc.constantFrom('DL', 'SJ', 'BT', 'REML', 'PM'),
  hksj: fc.boolean(),
  confidenceLevel: fc.constantFrom(0.9, 0.95, 0.99),
  heterogeneityCentre: fc.constantFrom('fixedMethod', 'inverseVariance')
} as const

const dichotomousOptions: fc.Arbitrary<MetaAnalysisOptions> = fc.record({
  ...commonOptions,
  measure: fc.constantFrom('RR', 'OR', 'RD', 'PetoOR'),
  fixedMethod: fc.constantFrom('MH', 'IV'),
  ctuCompatibility: fc.boolean(),
  fixedCounts: fc.constantFrom('corrected', 'raw'),
  rdVariance: fc.constantFrom('greenlandRobins', 'sato'),
  zeroEvents: fc.record({
    method: fc.constantFrom('constant', 'reciprocal', 'empirical'),
    value: fc.constantFrom(0.1, 0.25, 0.5, 1),
    includeDoubleZero: fc.boolean(),
    applyTo: fc.constantFrom('zeroTrials', 'all', 'allIfAny', 'none'),
    correctAllMeasures: fc.boolean()
  })
}) as fc.Arbitrary<MetaAnalysisOptions>

const continuousOptions: fc.Arbitrary<MetaAnalysisOptions> = fc.record({
  ...commonOptions,
  measure: fc.constant('MD'),
  mdVariance: fc.constantFrom('unequal', 'pooled')
}) as fc.Arbitrary<MetaAnalysisOptions>

const anyCase = fc.oneof(
  fc.tuple(dichotomousTrials as fc.Arbitrary<DichotomousTrial[]>, dichotomousOptions),
  fc.tuple(continuousTrials, continuousOptions)
)

const RUNS = Number(process.env.META_PROPERTY_RUNS ?? 300)

function roundTrips(x: unknown): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x)
}

describe('properties', () => {
  test('random valid trials never give NaN/Infinity (JSON round trip); I², D² ∈ [0, 1), τ² ≥ 0', () => {
    fc.assert(
      fc.property(anyCase, ([trials, options]) => {
        const r = cumulativeMetaAnalysis(trials, options)
        if (!r.ok) {
          // only when every trial was excluded
          expect(r.error.code).toBe('noSolution')
          return
        }
        roundTrips(r.value)
        for (const look of r.value.looks) {
          const h = look.heterogeneity
          expect(h.i2).toBeGreaterThanOrEqual(0)
          expect(h.i2).toBeLessThan(1)
          expect(h.i2Tau2).toBeGreaterThanOrEqual(0)
          expect(h.i2Tau2).toBeLessThan(1)
          expect(h.d2).toBeGreaterThanOrEqual(0)
          expect(h.d2).toBeLessThan(1)
          expect(h.tau2).toBeGreaterThanOrEqual(0)
          expect(h.p).toBeGreaterThanOrEqual(0)
          expect(h.p).toBeLessThanOrEqual(1)
          for (const m of [look.fixed, look.random]) {
            expect(m.se).toBeGreaterThanOrEqual(0)
            expect(m.ciLower).toBeLessThanOrEqual(m.ciUpper)
          }
        }
        const single = metaAnalysis(trials, options)
        expect(single.ok).toBe(true)
        if (single.ok) roundTrips(single.value)
      }),
      { numRuns: RUNS }
    )
  }, 600_000)

  test('the final pooled result does not depend on the order of the trials', () => {
    fc.assert(
      fc.property(
        anyCase.chain(([trials, options]) =>
          fc.tuple(
            fc.constant(trials),
            fc.constant(options),
            fc.shuffledSubarray<MetaTrial>(trials, { minLength: trials.length })
          )
        ),
        ([trials, options, shuffled]) => {
          const a = metaAnalysis(trials, options)
          const b = metaAnalysis(shuffled, options)
          expect(a.ok).toBe(b.ok)
          if (!a.ok || !b.ok) return
          const near = (x: number, y: number, what: string): void => {
            expect(Math.abs(x - y), `${what}: ${x} vs ${y}`).toBeLessThanOrEqual(
              1e-7 * Math.max(Math.abs(x), Math.abs(y)) + 1e-10
            )
          }
          near(a.value.fixed.estimate, b.value.fixed.estimate, 'fixed estimate')
          near(a.value.fixed.variance, b.value.fixed.variance, 'fixed variance')
          near(a.value.random.estimate, b.value.random.estimate, 'random estimate')
          near(a.value.random.variance, b.value.random.variance, 'random variance')
          near(a.value.heterogeneity.tau2, b.value.heterogeneity.tau2, 'τ²')
          near(a.value.heterogeneity.q, b.value.heterogeneity.q, 'Q')
        }
      ),
      { numRuns: RUNS }
    )
  }, 600_000)

  test('swapping the arms negates log RR, log OR, Peto log OR and RD (per trial and pooled)', () => {
    const swap = (t: DichotomousTrial): DichotomousTrial => ({
      name: t.name,
      eventsIntervention: t.eventsControl,
      totalIntervention: t.totalControl,
      eventsControl: t.eventsIntervention,
      totalControl: t.totalIntervention
    })
    fc.assert(
      fc.property(dichotomousTrials, dichotomousOptions, (trials, options) => {
        const a = metaAnalysis(trials, options)
        const b = metaAnalysis(trials.map(swap), options)
        expect(a.ok).toBe(b.ok)
        if (!a.ok || !b.ok) return
        a.value.trials.effects.forEach((e, i) => {
          expect(b.value.trials.effects[i]?.y).toBeCloseTo(-e.y, 9)
          expect(b.value.trials.effects[i]?.v).toBeCloseTo(e.v, 9)
        })
        expect(b.value.fixed.estimate).toBeCloseTo(-a.value.fixed.estimate, 9)
        expect(b.value.random.estimate).toBeCloseTo(-a.value.random.estimate, 9)
      }),
      { numRuns: RUNS }
    )
  }, 600_000)

  test('an invalid trial gives an error naming it (position and name) and the field', () => {
    const corruptions: [string, (t: DichotomousTrial) => DichotomousTrial][] = [
      ['eventsIntervention', (t) => ({ ...t, eventsIntervention: t.totalIntervention + 1 })],
      ['eventsControl', (t) => ({ ...t, eventsControl: -1 })],
      ['totalControl', (t) => ({ ...t, totalControl: 0 })],
      ['totalIntervention', (t) => ({ ...t, totalIntervention: Number.NaN })],
      ['eventsControl', (t) => ({ ...t, eventsControl: Infinity })]
    ]
    fc.assert(
      fc.property(
        dichotomousTrials,
        fc.nat(),
        fc.integer({ min: 0, max: corruptions.length - 1 }),
        fc.constantFrom('RR', 'OR', 'RD', 'PetoOR'),
        (trials, at, which, measure) => {
          const i = at % trials.length
          const [field, corrupt] = corruptions[which] as (typeof corruptions)[number]
          const bad = trials.map((t, j) => (j === i ? corrupt(t) : t))
          const r = cumulativeMetaAnalysis(bad, { measure })
          expect(r.ok).toBe(false)
          if (r.ok) return
          expect(r.error.message.startsWith(`trial ${i + 1} 'Trial ${i + 1}': `)).toBe(true)
          expect(r.error.field).toBe(`trials[${i}].${field}`)
          expect(trialEffects(bad, { measure }).ok).toBe(false)
        }
      ),
      { numRuns: RUNS }
    )
  }, 600_000)
})
