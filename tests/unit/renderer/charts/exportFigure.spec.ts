import { deflateSync } from 'node:zlib'
import { describe, expect, test, vi } from 'vitest'
import { BasicPlatform } from 'chart.js'
import {
  exportChartConfig,
  pngDevicePixelRatio,
  setPngDpi,
  type TsaExportChartOptions
} from '@renderer/charts/exportFigure'
import { figureSizeFromMm } from '@shared/figure/figureSize'
import { paletteFor } from '@shared/figure/palette'
import { syntheticResult } from './syntheticResult'

// ---- a tiny PNG writer/reader (for the changedpi check) -------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A 2×2 RGB PNG, optionally with a pHYs chunk at `dpi`. */
function tinyPng(dpi?: number): string {
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, 2)
  v.setUint32(4, 2)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const raw = new Uint8Array([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr)]
  if (dpi !== undefined) parts.push(chunk('pHYs', physData(dpi)))
  parts.push(chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array()))
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    bytes.set(p, o)
    o += p.length
  }
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`
}

function physData(dpi: number): Uint8Array {
  const d = new Uint8Array(9)
  const v = new DataView(d.buffer)
  const ppm = Math.round(dpi / 0.0254)
  v.setUint32(0, ppm)
  v.setUint32(4, ppm)
  d[8] = 1
  return d
}

/** Chunks of a PNG data URL; throws on a bad signature or CRC. */
function readChunks(dataUrl: string): { type: string; data: Uint8Array }[] {
  const bytes = new Uint8Array(Buffer.from(dataUrl.split(',')[1]!, 'base64'))
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  const view = new DataView(bytes.buffer)
  const chunks: { type: string; data: Uint8Array }[] = []
  for (let o = 8; o < bytes.length;) {
    const len = view.getUint32(o)
    const type = new TextDecoder().decode(bytes.subarray(o + 4, o + 8))
    const crc = view.getUint32(o + 8 + len)
    expect(crc32(bytes.subarray(o + 4, o + 8 + len)), `CRC of ${type}`).toBe(crc)
    chunks.push({ type, data: bytes.subarray(o + 8, o + 8 + len) })
    o += 12 + len
  }
  return chunks
}

const physDpi = (c: { data: Uint8Array }): { x: number; y: number; unit: number } => {
  const v = new DataView(c.data.buffer, c.data.byteOffset, 9)
  return { x: v.getUint32(0), y: v.getUint32(4), unit: v.getUint8(8) }
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('DPI helpers', () => {
  test('devicePixelRatio = dpi / 96; 800×500 CSS px at 300 dpi → 2500×1562.5 device px', () => {
    expect(pngDevicePixelRatio(96)).toBe(1)
    expect(pngDevicePixelRatio(300) * 800).toBe(2500)
    expect(pngDevicePixelRatio(600)).toBe(6.25)
    expect(() => pngDevicePixelRatio(0)).toThrow(RangeError)
    expect(() => pngDevicePixelRatio(Number.NaN)).toThrow(RangeError)
  })

  test('figure size from millimetres', () => {
    expect(figureSizeFromMm(25.4, 50.8)).toEqual({ width: 96, height: 192 })
    expect(figureSizeFromMm(170, 110)).toEqual({ width: 643, height: 416 })
  })

  test('setPngDpi inserts a valid pHYs chunk after IHDR (300 dpi = 11811 px/m)', () => {
    const out = setPngDpi(tinyPng(), 300)
    const chunks = readChunks(out)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    expect(physDpi(chunks[1]!)).toEqual({ x: 11811, y: 11811, unit: 1 })
  })

  test('setPngDpi overwrites an existing pHYs chunk (72 → 600 dpi)', () => {
    const chunks = readChunks(setPngDpi(tinyPng(72), 600))
    expect(chunks.filter((c) => c.type === 'pHYs')).toHaveLength(1)
    expect(physDpi(chunks.find((c) => c.type === 'pHYs')!)).toEqual({
      x: Math.round(600 / 0.0254),
      y: Math.round(600 / 0.0254),
      unit: 1
    })
  })

  test('setPngDpi keeps the image data', () => {
    const before = readChunks(tinyPng()).find((c) => c.type === 'IDAT')!.data
    const after = readChunks(setPngDpi(tinyPng(), 150)).find((c) => c.type === 'IDAT')!.data
    expect(Array.from(after)).toEqual(Array.from(before))
  })

  test('setPngDpi refuses other data', () => {
    expect(() => setPngDpi('data:image/jpeg;base64,AAAA', 300)).toThrow(TypeError)
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
