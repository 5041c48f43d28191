import { describe, expect, test } from 'vitest'
import {
  computeBoundaries,
  normalCdf,
  normalQuantile,
  type SpendingSpec
} from '../../../../src/engine'
import {
  buildSpendingChartConfig,
  equallySpacedFractions,
  parseLookFractions,
  spendingLabel,
  type SpendingCurve
} from '../../../../src/shared/figure/spendingChart'

const ALPHA = 0.05
const FRACTIONS = [0.25, 0.5, 0.75, 1]

/** The curve as the explorer gets it: the engine's alphaSpent at each fraction (two-sided). */
function curveOf(spec: SpendingSpec): SpendingCurve {
  const r = computeBoundaries({
    informationFractions: FRACTIONS,
    alpha: ALPHA,
    sides: 2,
    spending: spec
  })
  if (!r.ok) throw new Error(r.error.message)
  return {
    spec,
    points: r.value.looks.map((l) => ({ t: l.informationFraction, alphaSpent: l.alphaSpent }))
  }
}

// Closed forms of Lan & DeMets (1983), total over both sides with α/2 per side:
//   O'Brien–Fleming type: α*(t) = 2·2(1 − Φ(z_{1−α/4}/√t));  Pocock type: α*(t) = α·ln(1 + (e − 1)t)
const z = normalQuantile(1 - ALPHA / 4)
const obf = (t: number): number => 2 * 2 * (1 - normalCdf(z / Math.sqrt(t)))
const pocock = (t: number): number => ALPHA * Math.log(1 + (Math.E - 1) * t)

describe('buildSpendingChartConfig', () => {
  const cfg = buildSpendingChartConfig([curveOf({ kind: 'obf' }), curveOf({ kind: 'pocock' })], {
    alpha: ALPHA,
    theme: 'screen'
  })
  const yAt = (label: string, t: number): number | undefined =>
    cfg.data.datasets.find((d) => d.label === label)?.data.find((p) => p.x === t)?.y

  test.each([0.25, 0.5, 1])(
    "O'Brien–Fleming and Pocock equal the closed-form α*(t) at t = %s",
    (t) => {
      expect(yAt("O'Brien–Fleming", t)).toBeCloseTo(obf(t), 7)
      expect(yAt('Pocock', t)).toBeCloseTo(pocock(t), 7)
    }
  )

  test('every curve starts at (0, 0) and spends exactly α by t = 1; the y axis ends at α', () => {
    for (const d of cfg.data.datasets) {
      expect(d.data[0]).toEqual({ x: 0, y: 0 })
      expect(d.data.at(-1)?.x).toBe(1)
      expect(d.data.at(-1)?.y).toBeCloseTo(ALPHA, 10)
    }
    expect(cfg.options?.scales?.['y']?.max).toBe(ALPHA)
  })

  test('each family has its own dash pattern, so the chart reads without colour', () => {
    const all = buildSpendingChartConfig(
      [
        curveOf({ kind: 'obf' }),
        curveOf({ kind: 'pocock' }),
        curveOf({ kind: 'power', rho: 2 }),
        curveOf({ kind: 'hsd', gamma: -4 })
      ],
      { alpha: ALPHA, theme: 'dark' }
    )
    const dashes = all.data.datasets.map((d) => JSON.stringify(d.borderDash))
    expect(new Set(dashes).size).toBe(4)
  })

  test('points that are not finite are left out', () => {
    const c = buildSpendingChartConfig(
      [
        {
          spec: { kind: 'obf' },
          points: [
            { t: 0.5, alphaSpent: Number.NaN },
            { t: 1, alphaSpent: 0.05 }
          ]
        }
      ],
      { alpha: ALPHA, theme: 'screen' }
    )
    expect(c.data.datasets[0]?.data).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 0.05 }
    ])
  })
})

describe('spending labels and look fractions', () => {
  test('names every family with its parameter', () => {
    expect(spendingLabel({ kind: 'obf' })).toBe("O'Brien–Fleming")
    expect(spendingLabel({ kind: 'pocock' })).toBe('Pocock')
    expect(spendingLabel({ kind: 'power', rho: 2 })).toBe('Power (ρ = 2.0)')
    expect(spendingLabel({ kind: 'hsd', gamma: -4 })).toBe('Hwang–Shih–DeCani (γ = -4.0)')
  })

  test('a count gives equally spaced looks; a list must increase within (0, 1]', () => {
    expect(equallySpacedFractions(4)).toEqual(FRACTIONS)
    expect(parseLookFractions('4')).toEqual(FRACTIONS)
    expect(parseLookFractions('0.25, 0.5,0.75 1')).toEqual(FRACTIONS)
    expect(parseLookFractions('0.5, 0.25')).toBeNull()
    expect(parseLookFractions('0.5, 1.5')).toBeNull()
    expect(parseLookFractions('abc')).toBeNull()
    expect(parseLookFractions('')).toBeNull()
  })
})
