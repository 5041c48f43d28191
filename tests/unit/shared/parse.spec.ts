import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PARSERS } from '../../../src/shared/ipc/parse'
import { parseProjectFile } from '../../../src/shared/projectFile'
import type { Result } from '../../../src/shared/ipc/contract'

const goodBoundaries = {
  informationFractions: [0.25, 0.5, 0.75, 1],
  alpha: 0.05,
  sides: 2,
  spending: { kind: 'obf' }
}

const goodRis = {
  alpha: 0.05,
  sides: 2,
  beta: 0.2,
  controlRisk: 0.15,
  relativeRiskReduction: 0.2,
  heterogeneity: { kind: 'diversity', value: 0.25 }
}

/** The error message of a rejected parse (fails the test if the parse was accepted or the code is wrong). */
function rejection(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected the payload to be rejected')
  expect(result.error.code).toBe('invalidRequest')
  return result.error.message
}

describe('PARSERS.computeBoundaries', () => {
  it('accepts a good payload and returns it unchanged', () => {
    expect(PARSERS.computeBoundaries(goodBoundaries)).toEqual({ ok: true, value: goodBoundaries })
  })

  it('accepts every spending family and the optional fields', () => {
    const full = {
      ...goodBoundaries,
      sides: 1,
      spending: { kind: 'power', rho: 2 },
      engine: 'precise',
      beta: 0.1,
      futility: 'nonBinding',
      betaSpending: { kind: 'hsd', gamma: -4 }
    }
    expect(PARSERS.computeBoundaries(full)).toEqual({ ok: true, value: full })
    expect(PARSERS.computeBoundaries({ ...goodBoundaries, spending: { kind: 'pocock' } }).ok).toBe(
      true
    )
  })

  it.each([
    ['above 1', 1.5],
    ['zero', 0],
    ['negative', -0.05],
    ['a string', '0.05'],
    ['missing', undefined]
  ])('rejects alpha %s, naming the field', (_label, alpha) => {
    expect(rejection(PARSERS.computeBoundaries({ ...goodBoundaries, alpha }))).toMatch(/^alpha: /)
  })

  it.each([[3], [0], ['2'], [1.5]])('rejects sides = %j, naming the field', (sides) => {
    expect(rejection(PARSERS.computeBoundaries({ ...goodBoundaries, sides }))).toMatch(
      /^sides: must be 1 or 2/
    )
  })

  it.each([
    ['a non-positive look', [0, 0.5, 1], 'informationFractions[0]: must be > 0'],
    ['a NaN look', [0.5, Number.NaN], 'informationFractions[1]'],
    ['an infinite look', [0.5, Number.POSITIVE_INFINITY], 'informationFractions[1]'],
    ['a null look (JSON of NaN)', [0.5, null], 'informationFractions[1]'],
    [
      'looks out of order',
      [0.5, 0.25, 1],
      'informationFractions[1]: must be larger than the previous look'
    ],
    ['no looks', [], 'informationFractions: must contain at least one look'],
    ['not an array', '0.5,1', 'informationFractions: must be an array']
  ])('rejects %s, naming the field', (_label, informationFractions, expected) => {
    expect(
      rejection(PARSERS.computeBoundaries({ ...goodBoundaries, informationFractions }))
    ).toContain(expected)
  })

  it('rejects an unknown spending kind and a missing rho', () => {
    expect(
      rejection(PARSERS.computeBoundaries({ ...goodBoundaries, spending: { kind: 'linear' } }))
    ).toMatch(/^spending/)
    expect(
      rejection(PARSERS.computeBoundaries({ ...goodBoundaries, spending: { kind: 'power' } }))
    ).toMatch(/^spending\.rho: /)
  })

  it('rejects unknown fields and a non-object payload', () => {
    expect(rejection(PARSERS.computeBoundaries({ ...goodBoundaries, extra: 1 }))).toContain('extra')
    expect(rejection(PARSERS.computeBoundaries(null))).toMatch(/^request: /)
  })

  it('reports every problem, each with its field', () => {
    const message = rejection(
      PARSERS.computeBoundaries({ ...goodBoundaries, alpha: 2, sides: 3, futility: 'maybe' })
    )
    expect(message).toMatch(/alpha: /)
    expect(message).toMatch(/sides: /)
    expect(message).toMatch(/futility: /)
  })
})

describe('PARSERS.computeRequiredInformationSize', () => {
  it('accepts dichotomous and continuous payloads', () => {
    expect(PARSERS.computeRequiredInformationSize(goodRis)).toEqual({ ok: true, value: goodRis })
    const continuous = { alpha: 0.05, sides: 2, beta: 0.1, difference: -5, variance: 100 }
    expect(PARSERS.computeRequiredInformationSize(continuous)).toEqual({
      ok: true,
      value: continuous
    })
  })

  it('rejects bad alpha, beta and sides, naming the field', () => {
    expect(rejection(PARSERS.computeRequiredInformationSize({ ...goodRis, alpha: 0 }))).toMatch(
      /^alpha: /
    )
    expect(rejection(PARSERS.computeRequiredInformationSize({ ...goodRis, beta: 1 }))).toMatch(
      /^beta: /
    )
    expect(rejection(PARSERS.computeRequiredInformationSize({ ...goodRis, sides: 0 }))).toMatch(
      /^sides: /
    )
  })

  it('requires one complete pair of effect inputs', () => {
    const { relativeRiskReduction: _rrr, ...noRrr } = goodRis
    expect(rejection(PARSERS.computeRequiredInformationSize(noRrr))).toBe(
      'relativeRiskReduction: is required'
    )
    expect(
      rejection(PARSERS.computeRequiredInformationSize({ ...goodRis, difference: 1, variance: 2 }))
    ).toMatch(/not both/)
    expect(
      rejection(PARSERS.computeRequiredInformationSize({ alpha: 0.05, sides: 2, beta: 0.2 }))
    ).toContain('controlRisk: is required')
  })

  it('rejects a bad heterogeneity value', () => {
    expect(
      rejection(
        PARSERS.computeRequiredInformationSize({
          ...goodRis,
          heterogeneity: { kind: 'inconsistency', value: 1.2 }
        })
      )
    ).toMatch(/^heterogeneity\.value: /)
  })
})

describe('PARSERS.appInfo', () => {
  it('accepts only null', () => {
    expect(PARSERS.appInfo(null)).toEqual({ ok: true, value: null })
    expect(rejection(PARSERS.appInfo({}))).toMatch(/^request: /)
  })
})

describe('PARSERS.runTsa', () => {
  const example = (): Record<string, unknown> =>
    JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../../../resources/examples/perioOxy.opentsa.json'),
        'utf8'
      )
    ) as Record<string, unknown>

  it('accepts a bundled example project and fills in defaults (the same as parseProjectFile)', () => {
    const raw = example()
    const parsed = PARSERS.runTsa(raw)
    expect(parsed).toEqual(parseProjectFile(raw))
    expect(parsed.ok).toBe(true)
  })

  it('rejects a non-object or a wrong format as invalidRequest naming the field', () => {
    for (const raw of [null, 3, 'x', []]) expect(rejection(PARSERS.runTsa(raw))).toMatch(/object/)
    const wrong = PARSERS.runTsa({ ...example(), format: 'something-else' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalidRequest', field: 'format' } })
  })

  it('names the trial field at fault', () => {
    const raw = example()
    const trials = raw['trials'] as Record<string, unknown>[]
    trials[1] = { ...trials[1], totalControl: 'many' }
    const r = PARSERS.runTsa(raw)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'trials[1].totalControl' }
    })
    expect(rejection(r)).toContain('totalControl')
  })

  it('rejects an unknown outcome type and bad monitoring settings', () => {
    const raw = example()
    expect(
      PARSERS.runTsa({ ...raw, outcome: { ...(raw['outcome'] as object), type: 'ordinal' } })
    ).toMatchObject({ ok: false, error: { code: 'invalidRequest', field: 'outcome.type' } })
    const monitoring = { ...(raw['monitoring'] as object), alpha: 1.5 }
    expect(PARSERS.runTsa({ ...raw, monitoring })).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'monitoring.alpha' }
    })
  })
})
