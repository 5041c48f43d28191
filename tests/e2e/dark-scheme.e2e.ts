// The web build when the OS prefers a dark colour scheme: the page goes dark (main.css) and the TSA chart draws with
// its dark screen palette (light text), following a switch of the scheme while it is open.
import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * Opaque, light pixels on the chart's canvas (all channels above 200). The screen palettes leave the canvas
 * transparent, so these are the dark palette's text and grid labels; the light palette draws none.
 */
function lightChartPixels(page: Page): Promise<number> {
  return page
    .getByRole('img', { name: /^TSA chart/ })
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')
      if (ctx === null) return -1
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      let light = 0
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 200 && data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) light++
      }
      return light
    })
}

const pageBackground = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('dark colour scheme: dark page, chart in light text; switching back redraws it for a light page', async ({
  page
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page
    .getByRole('menuitem', { name: 'Perioperative oxygen and surgical site infection' })
    .click()
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

  expect(await pageBackground(page)).toBe('rgb(17, 20, 24)') // --color-bg of the dark scheme
  await expect.poll(() => lightChartPixels(page)).toBeGreaterThan(500)
  await page.screenshot({ path: testInfo.outputPath('dark-scheme.png'), fullPage: true })

  await page.emulateMedia({ colorScheme: 'light' })
  expect(await pageBackground(page)).toBe('rgb(255, 255, 255)')
  await expect.poll(() => lightChartPixels(page)).toBeLessThan(50)
})
