// Teaching mode's Present view: larger texts (fontScale) and the high-contrast palette, both additive options of
// the TSA chart builder.
import { describe, expect, test } from 'vitest'
import { buildTsaChartConfig } from '../../../../src/shared/figure/buildTsaChartConfig'
import { highContrastPalette, paletteFor } from '../../../../src/shared/figure/palette'
import { syntheticResult } from '../../renderer/charts/syntheticResult'

describe('fontScale', () => {
  const result = syntheticResult()
  const plain = buildTsaChartConfig(result, { theme: 'screen' })
  const large = buildTsaChartConfig(result, { theme: 'screen', fontScale: 2 })

  test('scales the axis, tick and legend texts and the labels on the plot', () => {
    expect(large.options?.scales?.['x']?.ticks?.font).toEqual({ size: 24 })
    expect(large.options?.scales?.['y']?.title).toMatchObject({ font: { size: 24 } })
    expect(large.options?.plugins?.legend?.labels?.font).toEqual({ size: 24 })
    const annotations = large.options?.plugins?.annotation?.annotations as Record<
      string,
      { font?: { size?: number } }
    >
    expect(annotations['favoursIntervention']?.font?.size).toBe(22)
  })

  test('without it the config is unchanged (Chart.js default sizes, no explicit font)', () => {
    expect(plain.options?.scales?.['x']?.ticks?.font).toBeUndefined()
    expect(plain.options?.plugins?.legend?.labels?.font).toBeUndefined()
    const annotations = plain.options?.plugins?.annotation?.annotations as Record<
      string,
      { font?: { size?: number } }
    >
    expect(annotations['favoursIntervention']?.font?.size).toBe(11)
  })
})

describe('highContrastPalette', () => {
  test('black on white with every line wider than the print palette and the dash patterns kept', () => {
    const hc = highContrastPalette()
    const print = paletteFor('print')
    expect(hc.background).toBe('#ffffff')
    expect(hc.text).toBe('#000000')
    for (const kind of ['zCurve', 'conventional', 'monitoring', 'futility', 'ris'] as const) {
      expect(hc[kind].width).toBeGreaterThan(print[kind].width)
      expect(hc[kind].dash).toEqual(print[kind].dash)
    }
  })

  test('is a fresh object each call (the chart may not mutate a shared table)', () => {
    const a = highContrastPalette()
    a.zCurve.dash.push(99)
    expect(highContrastPalette().zCurve.dash).toEqual([])
  })
})
