// "Export figure" in the web build: PNG carries its dpi (pHYs), SVG and PDF are vectors with the chart's labels.
// The PDF's page content is read (path operators, no embedded image) and, where poppler's pdftoppm is installed,
// rendered to check that another program draws it.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { pdfStreams, pngGreyLevels, pngPixelsPerMetre } from '../helpers/imageFiles'
import { expect, loadExample, test } from './fixtures'

test('export the perioOxy chart as PNG (300 dpi), SVG and PDF', async ({ page }, testInfo) => {
  await page.goto('./')
  await loadExample(page)
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
