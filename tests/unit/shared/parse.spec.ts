import { describe, expect, it } from 'vitest'
import { PARSERS } from '../../../src/shared/ipc/parse'
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
