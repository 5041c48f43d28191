// "Export figure" in the web build: PNG carries its dpi (pHYs), SVG and PDF are vectors with the chart's labels.
import { readFileSync } from 'node:fs'
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

test('export the perioOxy chart as PNG (300 dpi), SVG and PDF', async ({ page }) => {
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page
    .getByRole('menuitem', { name: 'Perioperative oxygen and surgical site infection' })
    .click()
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

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
})
