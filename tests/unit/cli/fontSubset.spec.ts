// The SVG's embedded font: TrueType subsets of DejaVu Sans that keep the glyphs of the figure's characters (with the
// same outlines and advances), a cmap for them, and checksums a font parser accepts; resvg draws text with them.
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, test } from 'vitest'
import { figureFonts } from '../../../src/cli/figure/fonts'
import { cmapLookup, subsetFont } from '../../../src/cli/figure/fontSubset'
import { EMBEDDED_FONT_FAMILY, figureFontFaces } from '../../../src/cli/figure/svgFonts'
import { figureScene } from '../../../src/cli/figure/render'
import { runTsa } from '../../../src/engine'
import { analysisInput, parseProjectFile } from '../../../src/shared/projectFile'
import perioOxyJson from '../../../resources/examples/perioOxy.opentsa.json'

const TEXT = 'Monitoring boundary (α 5%, β 20%), τ² ≥ 0, D² – Favours 80% oxygen: Ü é'

/** Table tags and their records of a TrueType file. */
function tables(font: Uint8Array): Map<string, { offset: number; length: number; sum: number }> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const out = new Map<string, { offset: number; length: number; sum: number }>()
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i
    out.set(String.fromCharCode(...font.subarray(at, at + 4)), {
      sum: view.getUint32(at + 4),
      offset: view.getUint32(at + 8),
      length: view.getUint32(at + 12)
    })
  }
  return out
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4)
  padded.set(bytes)
  const view = new DataView(padded.buffer)
  let sum = 0
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0
  return sum
}

/** A glyph's outline bytes and advance width. */
function glyph(font: Uint8Array, id: number): { outline: number[]; advance: number } {
  const t = tables(font)
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const loca = t.get('loca')!.offset
  const glyf = t.get('glyf')!.offset
  const [from, to] = [view.getUint32(loca + 4 * id), view.getUint32(loca + 4 * id + 4)]
  const metrics = view.getUint16(t.get('hhea')!.offset + 34)
  const advance = view.getUint16(t.get('hmtx')!.offset + 4 * Math.min(id, metrics - 1))
  const outline = [...font.subarray(glyf + from, glyf + to)]
  // the subset pads glyphs to 4 bytes; compare without the padding
  while (outline.length % 4 !== 0) outline.push(0)
  return { outline, advance }
}

describe('subsetFont', () => {
  const full = figureFonts().regular
  const subset = subsetFont(full, TEXT)

  test('leaves the font it reads unchanged (the PDF and PNG use the same bytes)', () => {
    const file = readFileSync(new URL('../../../resources/fonts/DejaVuSans.ttf', import.meta.url))
    expect(Buffer.from(full).equals(file)).toBe(true)
  })

  test('is a small fraction of the font', () => {
    expect(subset.length).toBeLessThan(full.length / 10)
  })

  test('maps every character to a glyph with the original outline and advance', () => {
    const [inFull, inSubset] = [cmapLookup(full), cmapLookup(subset)]
    for (const ch of new Set(TEXT)) {
      const cp = ch.codePointAt(0)!
      const g = inSubset(cp)
      expect(g, `${ch} in the subset`).toBeGreaterThan(0)
      const original = glyph(full, inFull(cp))
      // composite glyphs (é, Ü) have renumbered components: compare simple glyphs byte for byte
      const copy = glyph(subset, g)
      expect(copy.advance, ch).toBe(original.advance)
      // numberOfContours ≥ 0 (sign bit clear): a simple glyph, copied byte for byte
      if (original.outline.length === 0 || ((original.outline[0] ?? 0) & 0x80) === 0) {
        expect(copy.outline, ch).toEqual(original.outline)
      }
    }
    expect(inSubset('Q'.codePointAt(0)!)).toBe(0) // not in the text
  })

  test('has the tables browsers require, with correct checksums', () => {
    const t = tables(subset)
    for (const tag of [
      'OS/2',
      'cmap',
      'glyf',
      'head',
      'hhea',
      'hmtx',
      'loca',
      'maxp',
      'name',
      'post'
    ]) {
      expect(t.has(tag), tag).toBe(true)
    }
    expect(t.has('GPOS')).toBe(false)
    for (const [tag, record] of t) {
      if (tag === 'head') continue // its checksum covers checkSumAdjustment, set afterwards
      expect(checksum(subset.subarray(record.offset, record.offset + record.length)), tag).toBe(
        record.sum
      )
    }
    expect(checksum(subset)).toBe(0xb1b0afba) // the whole file, with checkSumAdjustment in place
    // the licence travels with the font (name id 13)
    expect(Buffer.from(subset).toString('utf16le').length).toBeGreaterThan(0)
    expect(Buffer.from(subset).swap16().toString('utf16le')).toContain('Bitstream')
  })

  describe('draws text in resvg like the full font', () => {
    beforeAll(async () => {
      await initWasm(
        readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'))
      ).catch((e: Error) => {
        if (!/already initialized/i.test(e.message)) throw e
      })
    })
    const inkOf = (font: Uint8Array): number => {
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40">` +
        `<rect width="900" height="40" fill="#fff"/>` +
        `<text x="4" y="28" font-family="DejaVu Sans" font-size="20">${TEXT.replace('&', '&amp;')}</text></svg>`
      const resvg = new Resvg(svg, { font: { fontBuffers: [font], loadSystemFonts: false } })
      const pixels = resvg.render().pixels
      let ink = 0
      for (let i = 0; i < pixels.length; i += 4) ink += 255 - (pixels[i] ?? 255)
      return ink
    }
    test('the same amount of ink, within 2% (kerning is left out)', () => {
      const full = inkOf(figureFonts().regular)
      expect(full).toBeGreaterThan(100_000)
      expect(Math.abs(inkOf(subset) - full) / full).toBeLessThan(0.02)
    })
  })
})

describe('figureFontFaces', () => {
  test('one @font-face per face the figure uses, with the subset as data', () => {
    const parsed = parseProjectFile(perioOxyJson)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const run = runTsa(analysisInput(parsed.value))
    if (!run.ok) throw new Error(run.error.message)
    const css = figureFontFaces(figureScene({ project: parsed.value, result: run.value }))
    const faces = css.split('\n')
    // regular (axes, legend), bold (RIS label), oblique (favours labels)
    expect(faces).toHaveLength(3)
    const fontOf = (face: string): Uint8Array =>
      new Uint8Array(Buffer.from(/base64,([A-Za-z0-9+/=]+)\)/.exec(face)?.[1] ?? '', 'base64'))
    for (const face of faces) {
      expect(face).toContain(`font-family:'${EMBEDDED_FONT_FAMILY}'`)
      expect(fontOf(face).length).toBeLessThan(40_000)
    }
    // the legend's α is in the regular face, the RIS label's digits in the bold one
    const regular = faces.find((f) => f.includes('font-weight:normal;font-style:normal')) ?? ''
    const bold = faces.find((f) => f.includes('font-weight:bold')) ?? ''
    expect(cmapLookup(fontOf(regular))('α'.codePointAt(0)!)).toBeGreaterThan(0)
    expect(cmapLookup(fontOf(bold))('3'.codePointAt(0)!)).toBeGreaterThan(0)
    expect(cmapLookup(fontOf(bold))('α'.codePointAt(0)!)).toBe(0)
  })
})
