// "Export figure" in the web build: PNG carries its dpi (pHYs), SVG and PDF are vectors with the chart's labels.
// The PDF's page content is read (path operators, no embedded image) and, where poppler's pdftoppm is installed,
// rendered to check that another program draws it.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { expect, test } from './fixtures'

/** Pixels per metre of a PNG's pHYs chunk, or null when there is none. */
function pngPixelsPerMetre(png: Buffer): number | null {
  let at = 8
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    if (type === 'pHYs') return png.readUInt32BE(at + 8)
    at += 12 + length
  }
  return null
}

/** The chunks of a PNG in file order. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = []
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at)
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length)
    })
    at += 12 + length
  }
  return chunks
}

/**
 * Grey levels (0–255) of an 8-bit, non-interlaced greyscale or RGB(A) PNG such as pdftoppm writes: the IDAT data
 * inflated and its row filters undone (PNG spec §9).
 */
function pngGreyLevels(png: Buffer): { width: number; height: number; grey: Uint8Array } {
  const chunks = pngChunks(png)
  const ihdr = chunks.find((c) => c.type === 'IHDR')?.data
  if (ihdr === undefined) throw new Error('PNG without IHDR')
  const [width, height, depth, colour, interlace] = [
    ihdr.readUInt32BE(0),
    ihdr.readUInt32BE(4),
    ihdr[8],
    ihdr[9],
    ihdr[12]
  ]
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour ?? -1]
  if (depth !== 8 || interlace !== 0 || channels === undefined) {
    throw new Error(
      `unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`
    )
  }
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)))
  const stride = width * channels
  const pixels = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0
      const paeth = (): number => {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      }
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0
      pixels[y * stride + x] = (value + predictor) & 0xff
    }
  }
  const grey = new Uint8Array(width * height)
  const colours = channels >= 3 ? 3 : 1
  for (let i = 0; i < width * height; i++) {
    let sum = 0
    for (let c = 0; c < colours; c++) sum += pixels[i * channels + c] ?? 0
    grey[i] = Math.round(sum / colours)
  }
  return { width, height, grey }
}

/** The content of every stream of a PDF, FlateDecode streams inflated. */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  const streams: string[] = []
  for (const m of text.matchAll(/<<((?:(?!stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dictionary = m[1] ?? ''
    const start = (m.index ?? 0) + m[0].length
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1]
    const end = length !== undefined ? start + Number(length) : text.indexOf('endstream', start)
    const bytes = pdf.subarray(start, end)
    streams.push(
      (dictionary.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1')
    )
  }
  return streams
}

test('export the perioOxy chart as PNG (300 dpi), SVG and PDF', async ({ page }, testInfo) => {
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page
    .getByRole('menuitem', { name: 'Perioperative oxygen and surgical site infection' })
    .click()
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('export-figure.png'), fullPage: true })

  const save = async (item: string): Promise<Buffer> => {
    await page.getByRole('button', { name: 'Export figure' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: item }).click()
    ])
    return readFileSync(await download.path())
  }

  const png = await save('PNG, 300 dpi')
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n')
  expect(pngPixelsPerMetre(png)).toBe(Math.round(300 / 0.0254))

  const svg = (await save('SVG')).toString('utf8')
  expect(svg).toMatch(/<svg[\s>]/)
  expect(svg).toMatch(/<path/)
  expect(svg).toContain('Cumulative Z-curve')

  const pdf = await save('PDF')
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(2000)

  // Vector: the page content draws paths (x y m = move to, x y l = line to, S = stroke) and texts, and the file
  // holds no image that could stand in for the chart.
  const streams = pdfStreams(pdf)
  const count = (re: RegExp): number => streams.reduce((n, s) => n + (s.match(re)?.length ?? 0), 0)
  const NUMBER = String.raw`-?\d+(?:\.\d+)?`
  expect(count(new RegExp(String.raw`${NUMBER}\s+${NUMBER}\s+m\b`, 'g'))).toBeGreaterThan(30)
  expect(count(new RegExp(String.raw`${NUMBER}\s+${NUMBER}\s+l\b`, 'g'))).toBeGreaterThan(30)
  expect(count(/(?:^|\s)S(?=\s|$)/gm)).toBeGreaterThan(10)
  expect(count(/\bTj\b|\bTJ\b/g)).toBeGreaterThan(10)
  expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/)

  // Another renderer draws it: poppler's pdftoppm at 50 dpi. The page is 170 × 110 mm, about 335 × 217 px.
  const pdfPath = testInfo.outputPath('tsa-chart.pdf')
  writeFileSync(pdfPath, pdf)
  const pngBase = testInfo.outputPath('tsa-chart-pdftoppm')
  const render = spawnSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdfPath, pngBase], {
    encoding: 'utf8'
  })
  if ((render.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    const why = 'pdftoppm is not installed (poppler-utils): the PDF was not rendered'
    console.log(`export-figure: ${why}`)
    testInfo.annotations.push({ type: 'skipped part', description: why })
    return
  }
  expect(render.status, render.stderr).toBe(0)
  const rendered = readFileSync(`${pngBase}.png`)
  await testInfo.attach('PDF rendered by pdftoppm', { body: rendered, contentType: 'image/png' })
  const { width, height, grey } = pngGreyLevels(rendered)
  expect(Math.abs(width - 335)).toBeLessThanOrEqual(2)
  expect(Math.abs(height - 217)).toBeLessThanOrEqual(2)
  // mostly white paper with dark lines and labels drawn on it
  const dark = grey.filter((g) => g < 128).length
  const white = grey.filter((g) => g > 240).length
  expect(white / grey.length).toBeGreaterThan(0.6)
  expect(dark).toBeGreaterThan(500)
})
