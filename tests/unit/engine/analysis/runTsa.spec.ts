/**
 * runTsa behaviour (methods.md §3–8, interfaces.md `analyze --json`): orientation, looks past the RIS, information
 * axes, manual RIS, exclusions, errors naming the field, an unbounded heterogeneity adjustment, the five conclusion
 * codes, and fast-check fuzzing of whole project files through parseProjectFile + runTsa.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { runTsa } from '../../../../src/engine/analysis/runTsa'
import type { TsaInput, TsaResult, TsaTrialInput } from '../../../../src/engine/analysis/types'
import {
  analysisInput,
  analysisSchema,
  monitoringSchema,
  parseProjectFile
} from '../../../../src/shared/projectFile'

type Trial = [name: string, a: number, n1: number, c: number, n2: number]

function project(trials: Trial[], edit: (p: TsaInput) => void = () => {}): TsaInput {
  const p: TsaInput = {
    outcome: { type: 'dichotomous', direction: 'harmful' },
    trials: trials.map(([name, a, n1, c, n2]) => ({
      name,
      eventsIntervention: a,
      totalIntervention: n1,
      eventsControl: c,
      totalControl: n2
    })),
    analysis: analysisSchema.parse({}), // the project file's defaults (RR, random DL, MH, 0.25 per cell)
    monitoring: monitoringSchema.parse({ ris: { controlRisk: 0.2, relativeRiskReduction: 0.2 } })
  }
  edit(p)
  return p
}

function ok(input: TsaInput): TsaResult {
  const r = runTsa(input)
  if (!r.ok) throw new Error(`${r.error.field ?? ''}: ${r.error.message}`)
  return r.value
}

/** A consistent beneficial effect: 10% vs 20% events. */
const BENEFIT: Trial[] = [
  ['A', 20, 200, 40, 200],
  ['B', 30, 300, 60, 300],
  ['C', 50, 500, 100, 500],
  ['D', 100, 1000, 200, 1000]
]

describe('the design is reported with the result (for legends and reports)', () => {
  test('alpha, beta, sides, spending, futility and engine as given; beta-spending only for design futility', () => {
    const wedge = ok(
      project(BENEFIT, (p) => {
        p.monitoring.futility = 'tsaWedge'
        p.monitoring.alphaSpending = { kind: 'hsd', gamma: -2 }
      })
    )
    expect(wedge.design).toEqual({
      alpha: 0.05,
      beta: 0.2,
      sides: 2,
      alphaSpending: { kind: 'hsd', gamma: -2 },
      futility: 'tsaWedge',
      betaSpending: null,
      boundaryEngine: 'tsa'
    })
    const binding = ok(
      project(BENEFIT, (p) => {
        p.monitoring.sides = 1
        p.monitoring.futility = 'binding'
      })
    )
    expect(binding.design).toMatchObject({
      sides: 1,
      futility: 'binding',
      betaSpending: { kind: 'obf' }
    })
  })
})

describe('orientation (methods.md §3)', () => {
  test('harmful outcome: RR < 1 gives positive Z; beneficial outcome flips it', () => {
    const harmful = ok(project(BENEFIT))
    expect(harmful.pooled.estimate as number).toBeLessThan(1)
    for (const look of harmful.looks) expect(look.z as number).toBeGreaterThan(0)
    expect(harmful.pooled.z as number).toBeLessThan(0) // the pooled z is on the analysis scale
    const beneficial = ok(
      project(BENEFIT, (p) => {
        p.outcome.direction = 'beneficial'
        p.monitoring.ris.relativeRiskReduction = undefined
        p.monitoring.ris.relativeBenefitIncrease = 0.25
      })
    )
    harmful.looks.forEach((look, k) =>
      expect(beneficial.looks[k]?.z).toBeCloseTo(-(look.z as number), 12)
    )
  })
})

describe('looks past the RIS', () => {
  test('upper/lower null and the TSA-adjusted CI equals the conventional CI', () => {
    const r = ok(
      project(BENEFIT, (p) => {
        p.monitoring.ris.mode = 'manual'
        p.monitoring.ris.manual = 1000
      })
    )
    const past = r.looks.filter((l) => (l.informationFraction as number) >= 1)
    expect(past.length).toBeGreaterThan(0)
    for (const look of past) {
      expect(look.upper).toBeNull()
      expect(look.lower).toBeNull()
      expect(look.futilityUpper).toBeNull()
      expect(look.tsaCiLower).toBeCloseTo(look.ciLower as number, 12)
      expect(look.tsaCiUpper).toBeCloseTo(look.ciUpper as number, 12)
    }
    const before = r.looks.filter((l) => (l.informationFraction as number) < 1)
    for (const look of before) {
      expect(look.upper as number).toBeGreaterThan(r.conventionalBoundary)
      expect(look.tsaCiLower as number).toBeLessThan(look.ciLower as number)
    }
  })
})

describe('information axes and manual RIS', () => {
  test('participants, events and statistical information', () => {
    const participants = ok(project(BENEFIT))
    expect(participants.looks.map((l) => l.cumulativeInformation)).toEqual([400, 1000, 2000, 4000])
    expect(participants.ris.unit).toBe('participants')
    const events = ok(project(BENEFIT, (p) => (p.monitoring.informationAxis = 'events')))
    expect(events.looks.map((l) => l.cumulativeInformation)).toEqual([60, 150, 300, 600])
    expect(events.ris.unit).toBe('events')
    // events RIS = participants RIS × P̄ (P̄ = (0.2 + 0.16)/2)
    expect(events.ris.fixed as number).toBeCloseTo((participants.ris.fixed as number) * 0.18, 9)
    const info = ok(project(BENEFIT, (p) => (p.monitoring.informationAxis = 'information')))
    expect(info.ris.unit).toBe('information')
    const increasing = info.looks.map((l) => l.cumulativeInformation)
    increasing.slice(1).forEach((x, k) => expect(x).toBeGreaterThan(increasing[k] as number))
    for (const look of info.looks) {
      expect(look.informationFraction).toBeCloseTo(
        look.cumulativeInformation / (info.ris.required as number),
        12
      )
    }
  })

  test('manual RIS is used as given', () => {
    const r = ok(
      project(BENEFIT, (p) => {
        p.monitoring.ris.mode = 'manual'
        p.monitoring.ris.manual = 8000
      })
    )
    expect(r.ris.required).toBe(8000)
    expect(r.looks.map((l) => l.informationFraction)).toEqual([0.05, 0.125, 0.25, 0.5])
  })
})

describe('exclusions are reported per trial', () => {
  test('double-zero trial, include = false, incomplete row', () => {
    const input = project([...BENEFIT, ['Zero', 0, 50, 0, 50], ['Off', 5, 50, 9, 50]])
    ;(input.trials[5] as TsaTrialInput).include = false
    input.trials.push({
      name: 'Half',
      eventsIntervention: 3,
      totalIntervention: 40,
      eventsControl: null,
      totalControl: 40
    })
    const r = ok(input)
    expect(r.looks.map((l) => l.trial)).toEqual(['A', 'B', 'C', 'D'])
    const reasons = Object.fromEntries(r.excluded.map((e) => [e.trial, e.reason]))
    expect(reasons['Zero']).toBe('zero events in both arms')
    expect(reasons['Off']).toBe('excluded by the user')
    expect(reasons['Half']).toMatch(/incomplete data \(eventsControl\)/)
  })
})

describe('errors name the field', () => {
  test('empty project', () => {
    const r = runTsa(project([]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('trials')
  })
  test('every trial excluded', () => {
    const input = project(BENEFIT)
    for (const t of input.trials) t.include = false
    const r = runTsa(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.field).toBe('trials')
      expect(r.error.message).toMatch(/excluded/)
    }
  })
  test('measure MD with a dichotomous outcome', () => {
    const r = runTsa(project(BENEFIT, (p) => (p.analysis.measure = 'MD')))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.field).toBe('analysis.measure')
      expect(r.error.message).toMatch(/MD/)
    }
  })
  test('events > total names the trial: parseProjectFile and runTsa', () => {
    const trials: Trial[] = [
      ['A', 2, 20, 3, 20],
      ['B', 2, 20, 3, 20],
      ['X', 30, 20, 3, 20]
    ]
    const r = runTsa(project(trials))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/X/)
    const parsed = parseProjectFile({
      format: 'opentsa-project',
      formatVersion: 1,
      outcome: { type: 'dichotomous' },
      trials: project(trials).trials
    })
    // the schema checks types only; the engine names the trial
    if (parsed.ok) {
      const run = runTsa(analysisInput(parsed.value))
      expect(run.ok).toBe(false)
      if (!run.ok) expect(`${run.error.field ?? ''} ${run.error.message}`).toMatch(/X/)
    } else {
      expect(parsed.error.message).toMatch(/^trial 3 'X': /)
    }
  })
})

describe('a heterogeneity adjustment → 1', () => {
  test('D² → 1: ris.required null with a note, no NaN anywhere', () => {
    const r = ok(
      project(BENEFIT, (p) => {
        p.monitoring.ris.heterogeneity = { kind: 'user', value: 1 - 1e-9 }
      })
    )
    expect(r.ris.required).toBeNull()
    expect(r.notes.join(' ')).toMatch(/unbounded/)
    for (const look of r.looks) {
      expect(look.informationFraction).toBeNull()
      expect(look.upper).toBeNull()
    }
    expect(r.conclusion.code).toBe('inconclusive')
    const json = JSON.stringify(r)
    expect(json).not.toMatch(/NaN|Infinity/)
  })
})

describe('conclusion codes', () => {
  test('benefit: a large consistent effect crosses the monitoring boundary', () => {
    const r = ok(project(BENEFIT))
    expect(r.conclusion.code).toBe('benefit')
  })
  test('harm: RR > 1 on a harmful outcome', () => {
    const harm = BENEFIT.map(([n, a, n1, c, n2]): Trial => [n, c, n1, a, n2])
    expect(ok(project(harm)).conclusion.code).toBe('harm')
  })
  const NULL_EFFECT: Trial[] = Array.from({ length: 8 }, (_, i): Trial => [
    `N${i + 1}`,
    200,
    1000,
    200,
    1000
  ])
  test('futility: no effect with the CTU inner wedge', () => {
    const r = ok(
      project(NULL_EFFECT, (p) => {
        p.monitoring.futility = 'tsaWedge'
        p.monitoring.ris.heterogeneity = { kind: 'none' }
        p.monitoring.ris.relativeRiskReduction = 0.15
      })
    )
    expect(r.conclusion.code).toBe('futility')
  })
  test('noEffectAtRis: no effect, RIS reached, no futility boundaries', () => {
    const r = ok(
      project(NULL_EFFECT, (p) => {
        p.monitoring.ris.heterogeneity = { kind: 'none' }
        p.monitoring.ris.relativeRiskReduction = 0.3
      })
    )
    expect(r.looks.at(-1)?.informationFraction as number).toBeGreaterThanOrEqual(1)
    expect(r.conclusion.code).toBe('noEffectAtRis')
  })
  test('inconclusive: little information', () => {
    const r = ok(project([['S', 10, 100, 12, 100]]))
    expect(r.conclusion.code).toBe('inconclusive')
    expect(r.conclusion.text).toMatch(/%/)
  })
})

describe('fuzzing project files (fast-check)', () => {
  // mostly valid cells, sometimes empty, negative, fractional or absurd
  const cell = (valid: fc.Arbitrary<number>): fc.Arbitrary<number | null> =>
    fc.oneof(
      { arbitrary: valid, weight: 20 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.integer({ min: -2, max: 0 }), weight: 1 },
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 }
    )
  const events = cell(fc.integer({ min: 0, max: 60 }))
  const count = cell(fc.integer({ min: 1, max: 400 }))
  const dichotomousTrial = fc.record({
    name: fc.string({ maxLength: 6 }),
    eventsIntervention: events,
    totalIntervention: count,
    eventsControl: events,
    totalControl: count,
    include: fc.oneof(
      { arbitrary: fc.constant(true), weight: 5 },
      { arbitrary: fc.constant(false), weight: 1 }
    ),
    lowRiskOfBias: fc.boolean()
  })
  // SDs down to 1e-300 reach variances that underflow to 0: runTsa must reject those with a message, not emit ∞.
  const sd = fc.oneof(fc.double({ min: 1e-300, max: 30, noNaN: true }), fc.constantFrom(-1, 0))
  const continuousTrial = fc.record({
    name: fc.string({ maxLength: 6 }),
    meanIntervention: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(null)),
    sdIntervention: fc.oneof(sd, fc.constant(null)),
    totalIntervention: count,
    meanControl: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(null)),
    sdControl: fc.oneof(sd, fc.constant(null)),
    totalControl: count
  })
  const estimated = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | { from: string } | undefined> =>
    fc.oneof(
      value,
      fc.constant({ from: 'data' }),
      fc.constant({ from: 'lowRiskOfBias' }),
      fc.constant(undefined)
    )
  const settings = fc.record({
    analysis: fc.record({
      measure: fc.constantFrom('RR', 'OR', 'RD', 'PetoOR', 'RR', 'OR', 'RD', 'MD', 'XX'),
      model: fc.constantFrom('fixed', 'random'),
      fixedMethod: fc.constantFrom('MH', 'IV'),
      tau2Method: fc.constantFrom('DL', 'SJ', 'BT', 'REML', 'PM'),
      hksj: fc.boolean(),
      zeroEvents: fc.record({
        method: fc.constantFrom('constant', 'reciprocal', 'empirical'),
        value: fc.constantFrom(0.25, 0.5, 1, 0.25, 0.5, -1),
        includeDoubleZero: fc.boolean()
      }),
      ctuCompatibility: fc.boolean()
    }),
    monitoring: fc.record({
      alpha: fc.constantFrom(0.05, 0.01, 0.025, 0.05, 0.01, 1.5),
      sides: fc.constantFrom(1, 2, 2, 1, 2, 3),
      beta: fc.constantFrom(0.1, 0.2),
      alphaSpending: fc.constantFrom(
        { kind: 'obf' },
        { kind: 'pocock' },
        { kind: 'power', rho: 2 },
        { kind: 'hsd', gamma: -4 }
      ),
      futility: fc.constantFrom('none', 'tsaWedge', 'nonBinding', 'binding'),
      boundaryEngine: fc.constantFrom('tsa', 'precise'),
      informationAxis: fc.constantFrom('participants', 'events', 'information'),
      ris: fc.record({
        mode: fc.constantFrom('formula', 'manual'),
        controlRisk: estimated(fc.double({ min: 0.01, max: 0.9, noNaN: true })),
        relativeRiskReduction: estimated(fc.double({ min: 0.01, max: 0.9, noNaN: true })),
        difference: estimated(fc.double({ min: -10, max: 10, noNaN: true })),
        variance: estimated(fc.double({ min: 0.1, max: 500, noNaN: true })),
        heterogeneity: fc.constantFrom(
          { kind: 'diversity' },
          { kind: 'inconsistency' },
          { kind: 'none' },
          { kind: 'user', value: 0.5 },
          { kind: 'user', value: 0.999999999 }
        ),
        manual: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 20000 })),
        sequentialInflation: fc.boolean()
      }),
      lil: fc.record({ enabled: fc.boolean(), lambda: fc.constant(2) })
    })
  })
  const projectFile = fc.oneof(
    fc.tuple(fc.array(dichotomousTrial, { maxLength: 8 }), settings).map(([trials, s]) => ({
      format: 'opentsa-project',
      formatVersion: 1,
      outcome: { type: 'dichotomous', direction: 'harmful' },
      trials,
      ...s
    })),
    fc.tuple(fc.array(continuousTrial, { maxLength: 8 }), settings).map(([trials, s]) => ({
      format: 'opentsa-project',
      formatVersion: 1,
      outcome: { type: 'continuous', direction: 'beneficial' },
      trials,
      ...s,
      analysis: { ...s.analysis, measure: 'MD' }
    }))
  )

  test('parseProjectFile + runTsa never throw; ok results JSON-round-trip without NaN/Infinity', () => {
    let analysed = 0
    fc.assert(
      fc.property(projectFile, (raw) => {
        const parsed = parseProjectFile(JSON.parse(JSON.stringify(raw)))
        if (!parsed.ok) {
          expect(parsed.error.message.length).toBeGreaterThan(0)
          return
        }
        const r = runTsa(analysisInput(parsed.value))
        if (!r.ok) {
          expect(r.error.message.length).toBeGreaterThan(0)
          return
        }
        analysed++
        const json = JSON.stringify(r.value)
        expect(json).not.toMatch(/NaN|Infinity/)
        expect(JSON.parse(json)).toEqual(r.value)
      }),
      { numRuns: 1500, seed: 20240601 }
    )
    expect(analysed).toBeGreaterThan(20)
  })
})

describe('heterogeneity report', () => {
  test('H = √(Q/df) and τ = √τ² are reported beside Q, I², τ² and D²', () => {
    const r = ok(
      project([
        ['A', 10, 100, 20, 100],
        ['B', 30, 100, 25, 100],
        ['C', 5, 100, 20, 100]
      ])
    )
    const h = r.heterogeneity
    expect(h.df).toBe(2)
    expect(h.h).toBeCloseTo(Math.sqrt(h.q / h.df), 12)
    expect(h.tau).toBeCloseTo(Math.sqrt(h.tau2), 12)
  })
})

describe('boundary curve', () => {
  test('runs from the looks that update the boundaries to the RIS, with the looks’ own values', () => {
    const r = ok(
      project([
        ['A', 10, 100, 20, 100],
        ['B', 30, 300, 45, 300],
        ['C', 20, 200, 30, 200]
      ])
    )
    const curve = r.boundaryCurve
    const last = curve[curve.length - 1]
    expect(last?.informationFraction).toBe(1)
    expect(last?.cumulativeInformation).toBeCloseTo(r.ris.required as number, 9)
    for (const look of r.looks) {
      const point = curve.find((p) => p.informationFraction === look.informationFraction)
      expect(point?.upper, look.trial).toBe(look.upper)
      expect(point?.lower, look.trial).toBe(look.lower)
    }
    expect(JSON.stringify(curve)).not.toMatch(/NaN|Infinity/)
  })
})
