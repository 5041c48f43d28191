import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { runTsa, type TsaLook, type TsaResult } from '../../../../src/engine'
import { buildTsaChartConfig } from '../../../../src/shared/figure/buildTsaChartConfig'
import {
  clampLook,
  lookCaption,
  lookFacts,
  resultUpToLook
} from '../../../../src/shared/figure/stepThrough'
import { analysisInput, parseProjectFile } from '../../../../src/shared/projectFile'
import perioOxyJson from '../../../../resources/examples/perioOxy.opentsa.json'
import { arbitraryTsaResult } from '../../../helpers/figureArbitraries'

function perioOxy(): TsaResult {
  const parsed = parseProjectFile(perioOxyJson)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const run = runTsa(analysisInput(parsed.value))
  if (!run.ok) throw new Error(run.error.message)
  return run.value
}

/** perioOxy with its first look replaced, to put one Z-value where each caption case needs it. */
function withFirstLook(base: TsaResult, look: Partial<TsaLook>): TsaResult {
  const first = { ...(base.looks[0] as TsaLook), trial: 'Trial A', ...look }
  return { ...base, conventionalBoundary: 1.959964, looks: [first, ...base.looks.slice(1)] }
}

describe('resultUpToLook', () => {
  const result = perioOxy()
  const K = result.looks.length

  test('keeps the first k looks and the whole design boundary curve to the RIS', () => {
    expect(K).toBeGreaterThan(3)
    const sliced = resultUpToLook(result, 3)
    expect(sliced.looks).toEqual(result.looks.slice(0, 3))
    expect(sliced.boundaryCurve).toBe(result.boundaryCurve)
    expect(sliced.boundaryCurve.at(-1)?.informationFraction).toBe(1)
    expect(sliced.ris).toBe(result.ris)
  })

  test('the chart of a slice still draws the monitoring boundary up to the RIS', () => {
    const cfg = buildTsaChartConfig(resultUpToLook(result, 2), { theme: 'screen' })
    const upper = cfg.data.datasets.find((d) => d.tsaRole === 'upperBoundary')
    const z = cfg.data.datasets.find((d) => d.tsaRole === 'zCurve')
    expect(z?.data.filter((p) => p.y !== null)).toHaveLength(2)
    expect(upper?.data.at(-1)?.x).toBeCloseTo(result.ris.required ?? NaN, 6)
  })

  test('blanks a conclusion reached after look k, keeps one reached within it', () => {
    const decided: TsaResult = {
      ...result,
      conclusion: { code: 'benefit', text: 'Benefit.', look: 2 }
    }
    expect(resultUpToLook(decided, 2).conclusion).toEqual({
      code: 'inconclusive',
      text: '',
      look: null
    })
    expect(resultUpToLook(decided, 3).conclusion.code).toBe('benefit')
  })

  test('clamps k to 1…K (NaN and fractions included) and returns the result itself at K', () => {
    expect(clampLook(result, 0)).toBe(1)
    expect(clampLook(result, Number.NaN)).toBe(1)
    expect(clampLook(result, 2.4)).toBe(2)
    expect(clampLook(result, K + 10)).toBe(K)
    expect(resultUpToLook(result, K + 10)).toBe(result)
  })

  test('never produces NaN: the slice, its Z-curve, the facts and the caption (any result, any k)', () => {
    fc.assert(
      fc.property(arbitraryTsaResult, fc.integer({ min: -3, max: 40 }), (r, k) => {
        const sliced = resultUpToLook(r, k)
        // a prefix of the engine's own looks: the slice adds no number of its own
        expect(sliced.looks).toEqual(r.looks.slice(0, clampLook(r, k)))
        const zCurve = buildTsaChartConfig(sliced, { theme: 'screen' }).data.datasets.find(
          (d) => d.tsaRole === 'zCurve'
        )
        for (const p of zCurve?.data ?? []) {
          expect(Number.isFinite(p.x)).toBe(true)
          expect(p.y === null || Number.isFinite(p.y)).toBe(true)
        }
        const facts = lookFacts(r, k)
        for (const v of [facts?.z, facts?.monitoring, facts?.informationFraction]) {
          expect(v === null || v === undefined || Number.isFinite(v)).toBe(true)
        }
        expect(lookCaption(r, k)).not.toMatch(/NaN|Infinity/)
      }),
      { numRuns: 60 }
    )
  })
})

describe('lookFacts', () => {
  test('gives look k of K, trial, fraction, Z, the naive bound and the boundary on the side of Z', () => {
    const r = withFirstLook(perioOxy(), {
      z: -2.5,
      informationFraction: 0.3,
      upper: 3.9,
      lower: -3.9
    })
    expect(lookFacts(r, 1)).toEqual({
      look: 1,
      of: r.looks.length,
      trial: 'Trial A',
      informationFraction: 0.3,
      z: -2.5,
      naive: 1.959964,
      monitoring: -3.9
    })
  })
})

describe('lookCaption', () => {
  const base = perioOxy()
  const noFutility = { futilityUpper: null, futilityLower: null }
  const caption = (look: Partial<TsaLook>): string => lookCaption(withFirstLook(base, look), 1)

  test('naive crossed, monitoring not', () => {
    expect(
      caption({ z: 2.3, informationFraction: 0.3, upper: 3.9, lower: -3.9, ...noFutility })
    ).toBe(
      `Trial 1 of ${base.looks.length} (Trial A): Z = 2.30 crosses the naive 1.96 but not the monitoring boundary of 3.90 at 30% of the RIS: a naive test would call it, the monitoring boundary says not yet.`
    )
  })

  test('monitoring boundary crossed for benefit, and for harm', () => {
    expect(caption({ z: 4.2, informationFraction: 0.5, upper: 3.1, lower: -3.1 })).toContain(
      'Z = 4.20 crosses the monitoring boundary of 3.10 at 50% of the RIS: firm evidence of benefit.'
    )
    expect(caption({ z: -3.5, informationFraction: 0.5, upper: 3.1, lower: -3.1 })).toContain(
      'Z = -3.50 crosses the monitoring boundary of -3.10 at 50% of the RIS: firm evidence of harm.'
    )
  })

  test('inside every boundary', () => {
    expect(
      caption({ z: 1.2, informationFraction: 0.25, upper: 4.5, lower: -4.5, ...noFutility })
    ).toContain(
      'Z = 1.20 stays inside the naive 1.96 and the monitoring boundary of 4.50 at 25% of the RIS: no conclusion yet.'
    )
  })

  test('futility area entered (two-sided inner wedge)', () => {
    expect(
      caption({
        z: 0.4,
        informationFraction: 0.8,
        upper: 2.3,
        lower: -2.3,
        futilityUpper: 0.9,
        futilityLower: -0.9
      })
    ).toContain('Z = 0.40 has entered the futility area at 80% of the RIS')
  })

  test('past the RIS, the naive boundary decides', () => {
    expect(caption({ z: 2.1, informationFraction: 1.2, upper: null, lower: null })).toContain(
      'Z = 2.10 at 120% of the RIS: the RIS is reached, so the naive boundary 1.96 applies, and Z crosses it: firm evidence of benefit.'
    )
    expect(caption({ z: 1.1, informationFraction: 1.2, upper: null, lower: null })).toContain(
      'the RIS is reached without crossing the naive 1.96'
    )
  })

  test('a look without a Z-value, and a result without looks', () => {
    expect(caption({ z: null })).toBe(
      `Trial 1 of ${base.looks.length} (Trial A): no Z-value can be computed yet.`
    )
    expect(lookCaption({ ...base, looks: [] }, 1)).toBe('There are no trials to step through.')
  })
})
