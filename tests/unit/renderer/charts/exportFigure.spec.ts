import { describe, expect, test, vi } from 'vitest'
import { BasicPlatform } from 'chart.js'
import {
  exportChartConfig,
  pngDevicePixelRatio,
  type TsaExportChartOptions
} from '@renderer/charts/exportFigure'
import { paletteFor } from '@shared/figure/palette'
import { syntheticResult } from './syntheticResult'

// ---- tests ------------------------------------------------------------------------------------------------------

describe('DPI helpers', () => {
  test('devicePixelRatio = dpi / 96; 800×500 CSS px at 300 dpi → 2500×1562.5 device px', () => {
    expect(pngDevicePixelRatio(96)).toBe(1)
    expect(pngDevicePixelRatio(300) * 800).toBe(2500)
    expect(pngDevicePixelRatio(600)).toBe(6.25)
    expect(() => pngDevicePixelRatio(0)).toThrow(RangeError)
    expect(() => pngDevicePixelRatio(Number.NaN)).toThrow(RangeError)
  })
})

describe('exportChartConfig', () => {
  const result = syntheticResult()

  test('PNG: print palette on white, fixed size, no animation, DPR = dpi/96, BasicPlatform, no tooltip', () => {
    const c = exportChartConfig(result, { title: 'T' }, { devicePixelRatio: 300 / 96, svg: false })
    expect(c.platform).toBe(BasicPlatform)
    expect(c.options?.responsive).toBe(false)
    expect(c.options?.animation).toBe(false)
    expect(c.options?.devicePixelRatio).toBe(3.125)
    expect(c.options?.events).toEqual([])
    expect(c.options?.plugins?.tsaBackground?.color).toBe('#ffffff')
    expect(c.options?.plugins?.tooltip?.enabled).toBe(false)
    expect(c.options?.color).toBe('#111111')
    expect(c.options?.plugins?.title?.text).toBe('T')
    expect(c.options?.datasets).toBeUndefined()
  })

  test('SVG: the line segment workaround is set (else lines vanish in svgcanvas)', () => {
    const c = exportChartConfig(result, {}, { devicePixelRatio: 1, svg: true })
    const segment = c.options?.datasets?.line?.segment as { borderColor?: unknown } | undefined
    expect(typeof segment?.borderColor).toBe('function')
    expect((segment?.borderColor as () => unknown)()).toBeUndefined()
    expect(c.platform).toBe(BasicPlatform)
  })

  test('the export uses the print palette regardless of the screen: dark OS scheme, a theme slipped in', () => {
    const print = paletteFor('print')
    const matchMedia = vi.fn(() => ({ matches: true }) as unknown as MediaQueryList)
    vi.stubGlobal('matchMedia', matchMedia)
    try {
      // TsaExportChartOptions has no theme; a caller going around the type must still get print colours
      const sneaky = { theme: 'dark' } as unknown as TsaExportChartOptions
      for (const svg of [false, true]) {
        const c = exportChartConfig(result, sneaky, { devicePixelRatio: 1, svg })
        expect(c.options?.plugins?.tsaBackground?.color).toBe(print.background)
        expect(c.options?.color).toBe(print.text)
        const line = (role: string) => c.data.datasets.find((d) => d.tsaRole === role)
        expect(line('zCurve')?.borderColor).toBe(print.zCurve.color)
        expect(line('upperBoundary')?.borderColor).toBe(print.monitoring.color)
        expect(line('futilityUpper')?.borderColor).toBe(print.futility.color)
      }
      expect(matchMedia).not.toHaveBeenCalled() // the export does not even ask for the scheme
    } finally {
      vi.unstubAllGlobals()
    }
  })

  test('the export keeps the data of the screen config (only presentation changes)', () => {
    const c = exportChartConfig(result, {}, { devicePixelRatio: 1, svg: true })
    expect(c.data.datasets.map((d) => d.tsaRole)).toContain('upperBoundary')
    expect(c.options?.plugins?.annotation?.annotations).toHaveProperty('ris')
  })
})
