// The web build when the OS prefers a dark colour scheme: the page goes dark (main.css) and the TSA chart draws with
// its dark screen palette (light text), following a switch of the scheme while it is open.
import { expect, loadExample, test } from './fixtures'
import type { Page } from '@playwright/test'

/** The part of a canvas element the pixel count uses. */
interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
  } | null
}

/**
 * Opaque, light pixels on the chart's canvas (all channels above 200). The screen palettes leave the canvas
 * transparent, so these are the dark palette's text and grid labels; the light palette draws none.
 */
function lightChartPixels(page: Page): Promise<number> {
  return page
    .getByRole('img', { name: /^TSA chart/ })
    .locator('canvas')
    .evaluate((element) => {
      // runs in the page; this file is type-checked without DOM types, hence the cast
      const canvas = element as unknown as CanvasLike
      const ctx = canvas.getContext('2d')
      if (ctx === null) return -1
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      let light = 0
      for (let i = 0; i < data.length; i += 4) {
        let bright = true
        for (let k = i; k < i + 4; k++) bright &&= (data[k] ?? 0) > 200 // r, g, b and alpha
        if (bright) light++
      }
      return light
    })
}

test('dark colour scheme: dark page, chart in light text; switching back redraws it for a light page', async ({
  page
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('./')
  await loadExample(page)

  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 20, 24)') // dark --color-bg
  await expect.poll(() => lightChartPixels(page)).toBeGreaterThan(500)
  await page.screenshot({ path: testInfo.outputPath('dark-scheme.png'), fullPage: true })

  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)')
  await expect.poll(() => lightChartPixels(page)).toBeLessThan(50)
})
