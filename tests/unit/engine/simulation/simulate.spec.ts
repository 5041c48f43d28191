/**
 * The teaching simulator against the boundary engine's exact recursion (issue acceptance): the naive repeated-testing
 * error of K equally spaced looks and the monitoring boundaries' type I error, plus determinism, progress, stopping,
 * invariants over random requests and request validation.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  computeBoundaries,
  exitProbabilities,
  normalUpperQuantile,
  simulate,
  type SimulationRequest,
  type SimulationSummary
} from '@engine'

const ALPHA = 0.05
const equallySpaced = (k: number): number[] => Array.from({ length: k }, (_, i) => (i + 1) / k)

const normalLooks = (looks: number, extra: Partial<SimulationRequest> = {}): SimulationRequest => ({
  runs: 10_000,
  seed: 1,
  mode: { kind: 'normalLooks', looks },
  alpha: ALPHA,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' },
  ...extra
})

const nullTrials = (extra: Partial<SimulationRequest> = {}): SimulationRequest => ({
  runs: 2000,
  seed: 7,
  mode: {
    kind: 'trials',
    trials: 20,
    trialSize: 200,
    controlRisk: 0.1,
    relativeRiskReduction: 0,
    tau2: 0
  },
  alpha: ALPHA,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' },
  ...extra
})

function run(req: SimulationRequest): SimulationSummary {
  const r = simulate(req)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** The exact chance that ±z_{1−α/2} at every one of K equal looks is ever crossed under H0. */
function exactNaiveError(looks: number): number {
  const t = equallySpaced(looks)
  const z = normalUpperQuantile(ALPHA / 2)
  return exitProbabilities(
    { informationFractions: t, upper: t.map(() => z), lower: t.map(() => -z) },
    0
  ).total
}

describe('normal looks against the exact recursion', () => {
  test.each([
    [5, 0.142],
    [10, 0.193]
  ])(
    'K = %i: the exact repeated-testing error is %f (Armitage et al. 1969) and the simulation is within 3 SE of it',
    (looks, published) => {
      const exact = exactNaiveError(looks)
      expect(exact.toFixed(3)).toBe(published.toFixed(3))
      const s = run(normalLooks(looks))
      expect(Math.abs(s.naiveCrossing - exact)).toBeLessThanOrEqual(3 * s.standardErrors.naiveCrossing)
    }
  )

  test.each([5, 10])(
    'K = %i: the tsa engine’s O’Brien–Fleming boundaries keep the crossing share within 3 SE of α',
    (looks) => {
      const s = run(normalLooks(looks))
      expect(s.boundaryCrossing).toBeLessThanOrEqual(ALPHA + 3 * s.standardErrors.boundaryCrossing)
      expect(Math.abs(s.boundaryCrossing - ALPHA)).toBeLessThanOrEqual(
        3 * s.standardErrors.boundaryCrossing
      )
    }
  )

  test('per-look first crossings match the exact exit probabilities of the same boundaries', () => {
    const looks = 5
    const design = computeBoundaries({
      informationFractions: equallySpaced(looks),
      alpha: ALPHA,
      sides: 2,
      spending: { kind: 'obf' }
    })
    if (!design.ok) throw new Error(design.error.message)
    const exact = exitProbabilities(
      {
        informationFractions: equallySpaced(looks),
        upper: design.value.looks.map((l) => l.upper ?? Infinity),
        lower: design.value.looks.map((l) => l.lower ?? -Infinity)
      },
      0
    )
    const s = run(normalLooks(looks))
    s.crossingLook.forEach((count, k) => {
      const p = (exact.upper[k] as number) + (exact.lower[k] as number)
      const se = Math.sqrt((p * (1 - p)) / s.runs)
      expect(Math.abs(count / s.runs - p)).toBeLessThanOrEqual(3 * se + 1 / s.runs)
    })
  })

  test('every run reaches the RIS (it sits at the last look)', () => {
    expect(run(normalLooks(3, { runs: 100 })).risReached).toBe(1)
  })
})

describe('determinism', () => {
  test('the same seed gives the same summary twice, in both modes', () => {
    expect(run(normalLooks(5, { runs: 500, seed: 42 }))).toEqual(
      run(normalLooks(5, { runs: 500, seed: 42 }))
    )
    expect(run(nullTrials({ runs: 200, seed: 42 }))).toEqual(run(nullTrials({ runs: 200, seed: 42 })))
  })

  test('a different seed gives a different summary', () => {
    expect(run(normalLooks(5, { runs: 500, seed: 1 }))).not.toEqual(
      run(normalLooks(5, { runs: 500, seed: 2 }))
    )
    expect(run(nullTrials({ runs: 200, seed: 1 }))).not.toEqual(run(nullTrials({ runs: 200, seed: 2 })))
  })

  test('seeds that differ only above 32 bits still give different streams', () => {
    expect(run(normalLooks(5, { runs: 500, seed: 1 }))).not.toEqual(
      run(normalLooks(5, { runs: 500, seed: 2 ** 32 + 1 }))
    )
  })
})

describe('progress and stopping', () => {
  test('progress reports grow run by run, and the last one is the result', () => {
    const reports: SimulationSummary[] = []
    const r = simulate(normalLooks(4, { runs: 2500 }), {
      progressEvery: 1000,
      onProgress: (p) => reports.push(p)
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(reports.map((p) => p.runs)).toEqual([1000, 2000, 2500])
    for (let i = 1; i < reports.length; i++) {
      const [before, after] = [reports[i - 1], reports[i]] as [SimulationSummary, SimulationSummary]
      after.crossingLook.forEach((c, k) => expect(c).toBeGreaterThanOrEqual(before.crossingLook[k] as number))
    }
    expect(reports.at(-1)).toEqual(r.value)
  })

  test('shouldStop ends early with the runs done so far', () => {
    let asked = 0
    const r = simulate(normalLooks(4, { runs: 10_000 }), { shouldStop: () => ++asked > 300 })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.runs).toBe(300)
    expect(r.value.crossingLook.reduce((a, b) => a + b, 0)).toBe(
      Math.round(r.value.boundaryCrossing * 300)
    )
  })

  test('a stop before the first run gives zero runs and zero shares, not NaN', () => {
    const r = simulate(normalLooks(4), { shouldStop: () => true })
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ runs: 0, naiveCrossing: 0, boundaryCrossing: 0, risReached: 0 })
    })
  })
})

const smallRequest: fc.Arbitrary<SimulationRequest> = fc.record({
  runs: fc.integer({ min: 1, max: 60 }),
  seed: fc.integer(),
  mode: fc.oneof(
    fc.record({ kind: fc.constant('normalLooks' as const), looks: fc.integer({ min: 1, max: 12 }) }),
    fc.record({
      kind: fc.constant('trials' as const),
      trials: fc.integer({ min: 1, max: 8 }),
      trialSize: fc.integer({ min: 2, max: 400 }),
      controlRisk: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
      relativeRiskReduction: fc.double({ min: -0.1, max: 0.6, noNaN: true }),
      tau2: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
      anticipatedRrr: fc.double({ min: 0.05, max: 0.5, noNaN: true })
    })
  ),
  alpha: fc.constantFrom(0.01, 0.05, 0.1),
  sides: fc.constantFrom(1 as const, 2 as const),
  beta: fc.constantFrom(0.1, 0.2),
  spending: fc.constantFrom({ kind: 'obf' as const }, { kind: 'pocock' as const })
})

describe('invariants over small requests', () => {
  test('shares lie in [0, 1], per-look counts add up to the shares, nothing is NaN', () => {
    fc.assert(
      fc.property(smallRequest, (req) => {
        const s = run(req)
        const looks = req.mode.kind === 'normalLooks' ? req.mode.looks : req.mode.trials
        expect(s.runs).toBe(req.runs)
        for (const share of [s.naiveCrossing, s.boundaryCrossing, s.risReached]) {
          expect(share).toBeGreaterThanOrEqual(0)
          expect(share).toBeLessThanOrEqual(1)
        }
        for (const se of Object.values(s.standardErrors)) expect(Number.isFinite(se)).toBe(true)
        expect(s.crossingLook).toHaveLength(looks)
        expect(s.naiveCrossingLook).toHaveLength(looks)
        const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
        expect(sum(s.crossingLook)).toBe(Math.round(s.boundaryCrossing * s.runs))
        expect(sum(s.naiveCrossingLook)).toBe(Math.round(s.naiveCrossing * s.runs))
      }),
      { numRuns: 40 }
    )
  })
})

describe('simulated trials under the null', () => {
  // Before the RIS only: past it the app tests at the conventional z_{1−α/sides} at every further look, which lets
  // the crossing share climb above α again (runTsa's rule, which the simulator follows).
  test('before the RIS, naive testing crosses far more often than α and the monitoring boundaries at most α (within 3 SE)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 20 }),
        fc.integer({ min: 50, max: 100 }).map((half) => 2 * half),
        fc.double({ min: 0.1, max: 0.4, noNaN: true }),
        fc.integer(),
        (trials, trialSize, controlRisk, seed) => {
          const s = run(
            nullTrials({
              runs: 1000,
              seed,
              mode: {
                kind: 'trials',
                trials,
                trialSize,
                controlRisk,
                relativeRiskReduction: 0,
                tau2: 0,
                // RIS ≥ 4,600 participants for these risks: more than the 4,000 at most simulated
                anticipatedRrr: 0.1
              }
            })
          )
          expect(s.risReached).toBe(0)
          expect(s.naiveCrossing).toBeGreaterThan(ALPHA + 3 * s.standardErrors.naiveCrossing)
          expect(s.boundaryCrossing).toBeLessThanOrEqual(
            ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / s.runs)
          )
        }
      ),
      { numRuns: 5 }
    )
  })

  test('the RIS of the design (P_C 10%, anticipated RRR 20%) lies beyond 20 × 200 participants', () => {
    expect(run(nullTrials({ runs: 50 })).risReached).toBe(0)
    const larger = nullTrials({
      runs: 50,
      mode: { kind: 'trials', trials: 20, trialSize: 600, controlRisk: 0.1, relativeRiskReduction: 0, tau2: 0 }
    })
    expect(run(larger).risReached).toBe(1)
  })

  test('a true effect of the anticipated size crosses the monitoring boundaries most of the time', () => {
    const s = run(
      nullTrials({
        runs: 500,
        mode: {
          kind: 'trials',
          trials: 20,
          trialSize: 600,
          controlRisk: 0.1,
          relativeRiskReduction: 0.2,
          tau2: 0
        }
      })
    )
    // 20 × 600 participants exceed the RIS (≈ 7,000) designed for 80% power
    expect(s.boundaryCrossing).toBeGreaterThan(0.8)
  })
})

describe('invalid requests name the field', () => {
  const trialsMode = nullTrials().mode
  test.each<[string, Partial<SimulationRequest>]>([
    ['runs', { runs: 0 }],
    ['runs', { runs: 1.5 }],
    ['seed', { seed: 0.5 }],
    ['alpha', { alpha: 1.2 }],
    ['sides', { sides: 3 as 1 }],
    ['beta', { beta: 0 }],
    ['spending', { spending: { kind: 'linear' } as unknown as SimulationRequest['spending'] }],
    ['mode.kind', { mode: { kind: 'other' } as unknown as SimulationRequest['mode'] }],
    ['mode.looks', { mode: { kind: 'normalLooks', looks: 0 } }],
    ['mode.trials', { mode: { ...trialsMode, trials: 0 } as SimulationRequest['mode'] }],
    ['mode.trialSize', { mode: { ...trialsMode, trialSize: 1 } as SimulationRequest['mode'] }],
    ['mode.controlRisk', { mode: { ...trialsMode, controlRisk: 1 } as SimulationRequest['mode'] }],
    [
      'mode.relativeRiskReduction',
      { mode: { ...trialsMode, relativeRiskReduction: 1 } as SimulationRequest['mode'] }
    ],
    ['mode.tau2', { mode: { ...trialsMode, tau2: -1 } as SimulationRequest['mode'] }],
    ['mode.anticipatedRrr', { mode: { ...trialsMode, anticipatedRrr: 0 } as SimulationRequest['mode'] }]
  ])('%s', (field, change) => {
    const r = simulate(nullTrials(change))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe(field)
  })
})
