/**
 * computeBoundaries: request validation (every error names its field, interfaces.md) and the extremes the engine
 * promises to handle (200 looks, a first look at t = 1e-4) with both engines.
 */
import { describe, expect, test } from 'vitest'
import { computeBoundaries, type BoundaryRequest, type BoundaryResult } from '@engine'

const good: BoundaryRequest = {
  informationFractions: [0.25, 0.5, 0.75, 1],
  alpha: 0.05,
  sides: 2,
  spending: { kind: 'obf' }
}

/** Builds a deliberately invalid request (the engine sees untyped JSON from the CLI and IPC). */
const bad = (patch: Record<string, unknown>): BoundaryRequest =>
  ({ ...good, ...patch }) as unknown as BoundaryRequest

describe('validation: {ok: false} with error.field naming the field and a clear message', () => {
  const cases: [string, BoundaryRequest, string, RegExp][] = [
    ['alpha 0', bad({ alpha: 0 }), 'alpha', /alpha must lie in \(0, 1\), got 0/],
    ['alpha 1', bad({ alpha: 1 }), 'alpha', /alpha must lie in \(0, 1\), got 1/],
    ['alpha −0.1', bad({ alpha: -0.1 }), 'alpha', /alpha must lie in \(0, 1\), got -0\.1/],
    ['alpha NaN', bad({ alpha: Number.NaN }), 'alpha', /alpha must lie in \(0, 1\), got NaN/],
    ['alpha "0.05" (a string)', bad({ alpha: '0.05' }), 'alpha', /alpha must lie in \(0, 1\)/],
    ['sides 3', bad({ sides: 3 }), 'sides', /sides must be 1 or 2, got 3/],
    [
      'empty fractions',
      bad({ informationFractions: [] }),
      'informationFractions',
      /at least one look/
    ],
    [
      'non-increasing fractions',
      bad({ informationFractions: [0.2, 0.5, 0.5, 1] }),
      'informationFractions[2]',
      /must increase: look 3 \(0\.5\) ≤ look 2 \(0\.5\)/
    ],
    [
      'decreasing fractions',
      bad({ informationFractions: [0.2, 0.5, 0.4, 1] }),
      'informationFractions[2]',
      /must increase/
    ],
    [
      'fraction > 1',
      bad({ informationFractions: [0.5, 1.2] }),
      'informationFractions[1]',
      /information fraction 2 must lie in \[[0-9.e-]+, 1\], got 1\.2/
    ],
    [
      'fraction 0',
      bad({ informationFractions: [0, 0.5, 1] }),
      'informationFractions[0]',
      /information fraction 1 must lie in \[[0-9.e-]+, 1\], got 0/
    ],
    [
      'fraction NaN',
      bad({ informationFractions: [0.5, Number.NaN] }),
      'informationFractions[1]',
      /not a number/
    ],
    [
      '201 looks',
      bad({ informationFractions: Array.from({ length: 201 }, (_, i) => (i + 1) / 201) }),
      'informationFractions',
      /at most 200 looks are supported, got 201/
    ],
    [
      'unknown spending kind',
      bad({ spending: { kind: 'linear' } }),
      'spending',
      /unknown spending function "linear"/
    ],
    [
      'missing spending',
      bad({ spending: undefined }),
      'spending',
      /obf, pocock, power:RHO, hsd:GAMMA/
    ],
    [
      'power rho 0',
      bad({ spending: { kind: 'power', rho: 0 } }),
      'spending.rho',
      /power family needs rho > 0, got 0/
    ],
    [
      'power rho −1',
      bad({ spending: { kind: 'power', rho: -1 } }),
      'spending.rho',
      /rho > 0, got -1/
    ],
    [
      'hsd gamma NaN',
      bad({ spending: { kind: 'hsd', gamma: Number.NaN } }),
      'spending.gamma',
      /finite gamma/
    ],
    ['engine "foo"', bad({ engine: 'foo' }), 'engine', /engine must be tsa or precise, got foo/],
    ['beta 1', bad({ beta: 1 }), 'beta', /beta must lie in \(0, 1\), got 1/],
    ['beta 0', bad({ beta: 0 }), 'beta', /beta must lie in \(0, 1\), got 0/]
  ]

  test.each(cases.map(([name, req, field, message]) => ({ name, req, field, message })))(
    '$name → field $field',
    ({ req, field, message }) => {
      const r = computeBoundaries(req)
      expect(r.ok, JSON.stringify(r)).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('invalidInput')
      expect(r.error.field).toBe(field)
      expect(r.error.message).toMatch(message)
    }
  )

  test('the valid request it is built from passes', () => {
    expect(computeBoundaries(good).ok).toBe(true)
  })
})

/** Every look has finite numbers or null, nothing NaN/±∞, and the DTO survives JSON unchanged. */
function expectWellFormed(result: BoundaryResult, context: string): void {
  for (const [k, look] of result.looks.entries()) {
    for (const key of ['upper', 'lower', 'futilityUpper', 'futilityLower'] as const) {
      const v = look[key]
      if (v !== null) {
        expect(Number.isFinite(v), `${context} look ${k + 1} ${key} = ${v}`).toBe(true)
      }
    }
    expect(Number.isFinite(look.alphaSpent), `${context} look ${k + 1} alphaSpent`).toBe(true)
  }
  expect(JSON.parse(JSON.stringify(result))).toEqual(result)
}

describe('the extremes the engine accepts', () => {
  const twoHundred = Array.from({ length: 200 }, (_, i) => (i + 1) / 200)

  for (const engine of ['precise', 'tsa'] as const) {
    test(`200 equally spaced looks, OBF two-sided α 0.05 (${engine})`, () => {
      const r = computeBoundaries({ ...good, informationFractions: twoHundred, engine })
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true)
      if (!r.ok) return
      expect(r.value.looks).toHaveLength(200)
      expectWellFormed(r.value, `${engine} K = 200`)
      const last = r.value.looks[199]
      // The final OBF bound at K = 200 is about 2.20 (it grows with K towards the continuous-monitoring bound).
      expect(last?.upper).toBeGreaterThan(2.15)
      expect(last?.upper).toBeLessThan(2.25)
      expect(last?.lower).toBe(-(last?.upper as number))
      // precise: all of α; tsa: less the alpha of the capped early looks, which ld98 does not carry on.
      if (engine === 'precise') expect(last?.alphaSpent).toBeCloseTo(0.05, 12)
      else expect(last?.alphaSpent).toBeLessThanOrEqual(0.05)
    })

    test(`a first look at t = 1e-4 (Pocock and OBF, ${engine})`, () => {
      for (const kind of ['pocock', 'obf'] as const) {
        const r = computeBoundaries({
          ...good,
          informationFractions: [1e-4, 0.25, 0.5, 1],
          spending: { kind },
          engine
        })
        expect(r.ok, JSON.stringify(r)).toBe(true)
        if (!r.ok) return
        expectWellFormed(r.value, `${engine} ${kind} t1 = 1e-4`)
        const first = r.value.looks[0]
        if (kind === 'pocock') {
          // Pocock spends a·ln(1 + (e − 1)·1e-4) ≈ 4.3e-6 per side at once: the first bound is z_{1 − 4.3e-6} ≈ 4.45.
          expect(first?.upper).toBeCloseTo(4.4499, 3)
        } else if (engine === 'precise') {
          expect(first?.upper, 'OBF spends ~1e-1000 at t = 1e-4: no attainable bound').toBeNull()
        } else {
          expect(first?.upper, 'ld98: the cap').toBe(8)
        }
        for (const look of r.value.looks.slice(1)) expect(look.upper).not.toBeNull()
      }
    })
  }

  test('a 200-look precise design takes well under a second', () => {
    const start = performance.now()
    computeBoundaries({ ...good, informationFractions: twoHundred, engine: 'precise' })
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
