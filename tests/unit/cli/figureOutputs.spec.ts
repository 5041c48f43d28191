// The headless figure as PDF (pdfkit, embedded DejaVu Sans) and PNG (resvg): vectors and an embedded font in the
// PDF, the dpi and the pixel size in the PNG, and the two drawing the same picture (the PDF rendered by poppler's
// pdftoppm, compared pixel by pixel with the PNG).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runTsa, type TsaResult } from '../../../src/engine'
import { measureFigureText } from '../../../src/cli/figure/fonts'
import PDFDocument from 'pdfkit'
import { renderScenePdf } from '../../../src/cli/figure/pdf'
import { renderScenePng } from '../../../src/cli/figure/png'
import { figurePdfDrawer } from '../../../src/cli/figure/render'
import { figureChartOptions } from '../../../src/shared/figure/figureOptions'
import { pngDpi, pngSize } from '../../../src/shared/figure/pngDpi'
import type { Scene, SceneItem } from '../../../src/shared/figure/scene'
import { tsaFigureScene } from '../../../src/shared/figure/tsaFigure'
import { analysisInput, parseProjectFile, type ProjectFile } from '../../../src/shared/projectFile'
import perioOxyJson from '../../../resources/examples/perioOxy.opentsa.json'
import { arbitraryTsaResult } from '../../helpers/figureArbitraries'
import { pdfStreams, pngGreyLevels } from '../../helpers/imageFiles'

const perioOxy = ((): { project: ProjectFile; result: TsaResult } => {
  const parsed = parseProjectFile(perioOxyJson)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const run = runTsa(analysisInput(parsed.value))
  if (!run.ok) throw new Error(run.error.message)
  return { project: parsed.value, result: run.value }
})()

function perioOxyScene(widthMm = 170, heightMm = 110): { scene: Scene } {
  const scene = tsaFigureScene({
    result: perioOxy.result,
    options: figureChartOptions(perioOxy.project),
    size: { widthMm, heightMm },
    measureText: measureFigureText
  })
  return { scene }
}

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-figure-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs a poppler tool; the test fails with its stderr if it does not succeed. */
function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' })
  expect(run.error, `${tool} must be installed (poppler-utils)`).toBeUndefined()
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

/**
 * pdftoppm's rendering as grey levels: its binary PPM ("P6 width height 255", then R, G, B per pixel) with the
 * channels averaged, as pngGreyLevels does for the PNG (pdftoppm's own -gray weighs them by luminance instead).
 */
function renderPdfGrey(
  pdfPath: string,
  dpi: number
): { width: number; height: number; grey: Uint8Array } {
  const base = join(dir, `colour-${dpi}`)
  poppler('pdftoppm', ['-r', String(dpi), '-singlefile', pdfPath, base])
  const ppm = readFileSync(`${base}.ppm`)
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))
  if (header === null) throw new Error('not a binary PPM')
  const [width, height] = [Number(header[1]), Number(header[2])]
  const rgb = ppm.subarray(header[0].length)
  const grey = new Uint8Array(width * height)
  for (let i = 0; i < grey.length; i++) {
    grey[i] = Math.round(((rgb[3 * i] ?? 0) + (rgb[3 * i + 1] ?? 0) + (rgb[3 * i + 2] ?? 0)) / 3)
  }
  return { width, height, grey }
}

describe('PDF', () => {
  const { scene } = perioOxyScene()
  let pdf: Buffer
  let pdfPath = ''
  beforeAll(async () => {
    pdf = Buffer.from(await renderScenePdf(scene))
    pdfPath = join(dir, 'figure.pdf')
    writeFileSync(pdfPath, pdf)
  })

  test('is one page of the figure’s size: 170 × 110 mm = 481.9 × 311.8 pt', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const info = poppler('pdfinfo', [pdfPath])
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(/^Page size:\s+481\.89\d* x 311\.81\d* pts$/m)
    expect(info).toMatch(/^Title:\s+TSA chart/m)
  })

  test('draws with vector paths and text, no image', () => {
    const streams = pdfStreams(pdf)
    const count = (re: RegExp): number =>
      streams.reduce((n, s) => n + (s.match(re)?.length ?? 0), 0)
    const NUMBER = String.raw`-?\d+(?:\.\d+)?`
    expect(count(new RegExp(String.raw`${NUMBER}\s+${NUMBER}\s+m\b`, 'g'))).toBeGreaterThan(40)
    expect(count(new RegExp(String.raw`${NUMBER}\s+${NUMBER}\s+l\b`, 'g'))).toBeGreaterThan(40)
    expect(count(/(?:^|\s)S(?=\s|$)/gm)).toBeGreaterThan(20)
    expect(count(/\[[\d.\s]+\]\s+0\s+d\b/g)).toBeGreaterThan(3) // dash patterns
    expect(count(/\bTJ?\b/g)).toBeGreaterThan(20)
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/)
  })

  test('embeds DejaVu Sans as TrueType subsets (FontFile2) that carry α, ±, – and the digits', () => {
    const text = pdf.toString('latin1')
    expect(text).toMatch(/\/FontFile2/)
    expect(text).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+DejaVuSans\b/)
    const fonts = poppler('pdffonts', [pdfPath])
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    // the text reads back (ToUnicode): α is a character, not a picture
    const words = poppler('pdftotext', [pdfPath, '-'])
    expect(words).toContain('α 5%')
    expect(words).toContain('RIS = 13,281 participants')
    expect(words).toContain('Favours 30–35% oxygen')
    expect(words).toContain('Z = ±1.96')
  })

  test('pdftoppm -r 72 -png renders it at the page size', () => {
    poppler('pdftoppm', ['-r', '72', '-png', '-singlefile', pdfPath, join(dir, 'page72')])
    const png = readFileSync(join(dir, 'page72.png'))
    expect(pngSize(png)).toEqual({ width: 482, height: 312 })
    const { grey } = pngGreyLevels(png)
    expect(grey.filter((g) => g < 128).length).toBeGreaterThan(1000) // lines and text on it
  })

  test('figurePdfDrawer puts the figure into another document (a report), at a given place and width', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const ended = new Promise((resolve) => doc.on('end', resolve))
    doc.text('Report heading', 50, 50)
    figurePdfDrawer({ project: perioOxy.project, result: perioOxy.result })(doc, {
      x: 50,
      y: 100,
      width: 400
    })
    doc.end()
    await ended
    const report = Buffer.concat(chunks)
    // the figure's transform: moved to (50, 100) and scaled to 400 pt wide
    const content = pdfStreams(report).join('\n')
    expect(content).toMatch(/1 0 0 1 50 100 cm/)
    const scale = /(\d\.\d+) 0 0 \1 0 0 cm/.exec(content)?.[1]
    expect(Number(scale)).toBeCloseTo(400 / scene.width, 5)
    expect(report.toString('latin1')).toMatch(/\/FontFile2/)
  })
})

describe('PNG', () => {
  test('has the requested pixel size (mm × dpi / 25.4) and says its dpi in pHYs', async () => {
    const { scene } = perioOxyScene()
    const { png, widthPx, heightPx, dpi } = await renderScenePng(scene, 300)
    expect({ widthPx, heightPx, dpi }).toEqual({ widthPx: 2008, heightPx: 1299, dpi: 300 })
    expect(pngSize(png)).toEqual({ width: 2008, height: 1299 })
    expect(pngDpi(png)).toBeCloseTo(300, 1)
    const ppm = Buffer.from(png).indexOf('pHYs')
    expect(Buffer.from(png).readUInt32BE(ppm + 4)).toBe(Math.round(300 / 0.0254)) // 11811 px/m
  })

  test('a single column at 600 dpi: 85 mm = 2008 px wide', async () => {
    const { scene } = perioOxyScene(85, 80)
    const { png } = await renderScenePng(scene, 600)
    expect(pngSize(png)).toEqual({ width: 2008, height: 1890 })
    expect(pngDpi(png)).toBeCloseTo(600, 1)
  })
})

describe('the PDF and the PNG draw the same figure', () => {
  /**
   * Both at 96 dpi, so that one scene px is one pixel. Poppler and resvg anti-alias edges differently, poppler snaps
   * thin lines to the pixel grid and hints glyphs, resvg draws exact outlines: single pixels along every line and
   * letter differ by up to the whole grey range (mean absolute difference about 5 of 255 on this figure). Averaged
   * over 3 × 3 pixels those differences shrink to about 2.2, while the same figure drawn 2 or 3 px off its place
   * differs by 5.8 to 6.4 (measured). The tolerance, 3.5 after the 3 × 3 average, lies between the two, and the
   * test checks that a PNG shifted by 3 px does fail it.
   */
  const DPI = 96
  let pdfGrey: { width: number; height: number; grey: Uint8Array }
  let pngGrey: { width: number; height: number; grey: Uint8Array }
  const { scene } = perioOxyScene()
  beforeAll(async () => {
    const pdfPath = join(dir, 'compare.pdf')
    writeFileSync(pdfPath, await renderScenePdf(scene))
    pdfGrey = renderPdfGrey(pdfPath, DPI)
    pngGrey = pngGreyLevels(Buffer.from((await renderScenePng(scene, DPI)).png))
  })
  const at = (img: typeof pdfGrey, x: number, y: number): number =>
    img.grey[Math.round(y) * img.width + Math.round(x)] ?? 255
  /** The darkest pixel within `r` pixels (lines are 1–3 px wide and anti-aliased). */
  const darkestNear = (img: typeof pdfGrey, x: number, y: number, r = 1): number => {
    let min = 255
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) min = Math.min(min, at(img, x + dx, y + dy))
    }
    return min
  }

  test('same pixel size', () => {
    expect({ width: pdfGrey.width, height: pdfGrey.height }).toEqual({
      width: pngGrey.width,
      height: pngGrey.height
    })
    expect(pngGrey.width).toBe(643)
  })

  /** Mean absolute difference of the two images' 3 × 3 averages of grey. */
  const blurredDifference = (a: typeof pdfGrey, b: typeof pdfGrey): number => {
    const mean3 = (img: typeof pdfGrey, x: number, y: number): number => {
      let sum = 0
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) sum += at(img, x + dx, y + dy)
      }
      return sum / 9
    }
    let total = 0
    for (let y = 1; y < a.height - 1; y++) {
      for (let x = 1; x < a.width - 1; x++) total += Math.abs(mean3(a, x, y) - mean3(b, x, y))
    }
    return total / ((a.width - 2) * (a.height - 2))
  }

  test('agree within 3.5 of 255 grey levels (3 × 3 average); the same PNG 3 px off does not', () => {
    expect(blurredDifference(pngGrey, pdfGrey)).toBeLessThan(3.5)
    const shifted = { ...pngGrey, grey: new Uint8Array(pngGrey.grey.length).fill(255) }
    for (let y = 0; y < pngGrey.height; y++) {
      for (let x = 3; x < pngGrey.width; x++) {
        shifted.grey[y * pngGrey.width + x] = pngGrey.grey[y * pngGrey.width + x - 3] ?? 255
      }
    }
    expect(blurredDifference(shifted, pdfGrey)).toBeGreaterThan(3.5)
  })

  test('the Z-curve is dark in both at each of its points and half-way between them', () => {
    const curve = scene.layers
      .flatMap((l) => l.items)
      .find(
        (i): i is Extract<SceneItem, { kind: 'polyline' }> =>
          i.role === 'zCurve' && i.kind === 'polyline'
      )
    const points = curve?.points ?? []
    expect(points.length).toBeGreaterThan(10)
    const samples = points.flatMap((p, i) => {
      const next = points[i + 1]
      return next === undefined ? [p] : [p, { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 }]
    })
    for (const p of samples) {
      // #0072B2 is grey 97 at full cover
      expect(darkestNear(pdfGrey, p.x, p.y), `PDF at ${p.x}, ${p.y}`).toBeLessThan(150)
      expect(darkestNear(pngGrey, p.x, p.y), `PNG at ${p.x}, ${p.y}`).toBeLessThan(150)
    }
  })

  test('dark pixels (lines and text) lie in the same places: 97% have a dark neighbour in the other', () => {
    const agreement = (a: typeof pdfGrey, b: typeof pdfGrey): number => {
      let dark = 0
      let matched = 0
      for (let y = 1; y < a.height - 1; y++) {
        for (let x = 1; x < a.width - 1; x++) {
          if (at(a, x, y) >= 100) continue
          dark++
          if (darkestNear(b, x, y) < 160) matched++
        }
      }
      expect(dark).toBeGreaterThan(2000)
      return matched / dark
    }
    expect(agreement(pngGrey, pdfGrey)).toBeGreaterThan(0.97)
    expect(agreement(pdfGrey, pngGrey)).toBeGreaterThan(0.97)
  })
})

describe('no NaN or Infinity in the PDF and PNG of arbitrary results', () => {
  test('each renders, with finite numbers only', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryTsaResult, async (result) => {
        const scene = tsaFigureScene({
          result,
          options: { trialLabels: true },
          size: { widthMm: 60, heightMm: 45 },
          measureText: measureFigureText
        })
        const pdf = Buffer.from(await renderScenePdf(scene, { compress: false }))
        expect(pdf.toString('latin1')).not.toMatch(/NaN|Infinity/)
        const { png } = await renderScenePng(scene, 72)
        expect(pngSize(png)).toEqual({ width: 170, height: 128 })
      }),
      { numRuns: 25 }
    )
  }, 60_000)
})
