import { deflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { crc32, pngDpi, pngSize, withPngDpi } from '../../../../src/shared/figure/pngDpi'
import { pngChunks, pngGreyLevels } from '../../../helpers/imageFiles'

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])))
  return Buffer.concat([head, data, crc])
}

/** A 3 × 2 greyscale PNG (one filter byte per row), optionally with a pHYs chunk already in it. */
function tinyPng(physPerMetre?: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(3, 0)
  ihdr.writeUInt32BE(2, 4)
  ihdr[8] = 8 // bit depth
  const rows = Buffer.from([0, 10, 20, 30, 0, 40, 50, 60])
  const phys = Buffer.alloc(9)
  phys.writeUInt32BE(physPerMetre ?? 0, 0)
  phys.writeUInt32BE(physPerMetre ?? 0, 4)
  phys[8] = 1
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(physPerMetre === undefined ? [] : [chunk('pHYs', phys)]),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array())
  ])
}

describe('the dpi of a PNG (pHYs)', () => {
  test('CRC-32 is the PNG one (check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789', 'latin1'))).toBe(0xcbf43926)
  })

  test('writes pHYs right after IHDR in pixels per metre, image data untouched', () => {
    const png = Buffer.from(withPngDpi(tinyPng(), 300))
    expect(pngChunks(png).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    expect(pngDpi(png)).toBeCloseTo(300, 1)
    expect(png.readUInt32BE(png.indexOf('pHYs') + 4)).toBe(11811)
    expect(pngGreyLevels(png).grey).toEqual(pngGreyLevels(tinyPng()).grey)
    expect(pngSize(png)).toEqual({ width: 3, height: 2 })
  })

  test('replaces an earlier pHYs instead of adding a second one', () => {
    const png = Buffer.from(withPngDpi(tinyPng(2835), 600)) // 2835 px/m = 72 dpi
    expect(pngChunks(png).filter((c) => c.type === 'pHYs')).toHaveLength(1)
    expect(pngDpi(png)).toBeCloseTo(600, 1)
    expect(pngDpi(tinyPng())).toBeNull()
  })

  test('refuses what is not a PNG, and a dpi that is not positive', () => {
    expect(() => withPngDpi(new Uint8Array([1, 2, 3]), 300)).toThrow(/not a PNG/)
    expect(() => withPngDpi(tinyPng(), 0)).toThrow(/dpi/)
    expect(() => withPngDpi(tinyPng(), Number.NaN)).toThrow(/dpi/)
  })
})
