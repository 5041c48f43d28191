// The trial table's layout in the web build: at a 1280 × 800 window the dichotomous table fits its column (it used
// to overflow it by a few pixels, under the settings), and a table too wide for its column scrolls inside it.
import { expect, test } from './fixtures'
import type { Locator } from '@playwright/test'

/** How far the element's content reaches beyond its box, in CSS px (0 when it needs no scrolling). */
const horizontalOverflow = (element: Locator): Promise<number> =>
  element.evaluate((el) => {
    // runs in the page; this file is type-checked without DOM types, hence the cast
    const { scrollWidth, clientWidth } = el as unknown as {
      scrollWidth: number
      clientWidth: number
    }
    return scrollWidth - clientWidth
  })

test('at 1280 × 800 the perioOxy trial table fits its column; a narrow window scrolls it in place', async ({
  page
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page
    .getByRole('menuitem', { name: 'Perioperative oxygen and surgical site infection' })
    .click()
  const column = page.getByRole('region', { name: 'Trials' })
  const grid = column.getByRole('grid', { name: 'Trials' })
  await expect(grid.getByRole('row')).toHaveCount(16)

  const columnBox = await column.boundingBox()
  const gridBox = await grid.boundingBox()
  expect(columnBox).not.toBeNull()
  expect(gridBox).not.toBeNull()
  expect(gridBox!.x).toBeGreaterThanOrEqual(columnBox!.x - 0.5)
  expect(gridBox!.x + gridBox!.width).toBeLessThanOrEqual(columnBox!.x + columnBox!.width + 0.5)
  const scroller = grid.locator('xpath=..') // the grid's wrapper, which scrolls sideways when it must
  expect(await horizontalOverflow(scroller)).toBe(0)
  expect(await horizontalOverflow(page.locator('html'))).toBe(0)
  await page.screenshot({ path: testInfo.outputPath('trials-1280.png') })

  // Too narrow for the table: it scrolls inside its wrapper, the page itself does not get wider.
  await page.setViewportSize({ width: 700, height: 800 })
  await expect.poll(() => horizontalOverflow(scroller)).toBeGreaterThan(0)
  expect(await horizontalOverflow(page.locator('html'))).toBe(0)
})
