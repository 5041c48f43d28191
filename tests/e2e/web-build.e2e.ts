// The web build (dist-web/) in Chromium: the app loads, and computations go through window.tsa → the engine Web
// Worker and back (the renderer is the desktop app's, unchanged).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TsaBridge } from '../../src/shared/ipc/contract'
import { expect, test } from './fixtures'

const example = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../resources/examples/perioOxy.opentsa.json'),
    'utf8'
  )
) as unknown

test('the web build shows the app and computes boundaries in the worker', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'OpenTSA', level: 1 })).toBeVisible()
  // appInfo is answered by the worker: the version proves the round trip before any click.
  await expect(page.getByTestId('app-info')).toHaveText(/^OpenTSA \d+\.\d+\.\d+/)

  await page.getByRole('button', { name: 'Compute' }).click()
  const rows = page.getByRole('table').locator('tbody').getByRole('row')
  await expect(rows).toHaveCount(4)
  await expect(rows.first().getByRole('cell').nth(2)).toHaveText(/^\d+\.\d{4}$/) // upper boundary of look 1

  await page.screenshot({ path: testInfo.outputPath('web-boundaries.png'), fullPage: true })
})

test('a bad input comes back as a message naming the field', async ({ page }) => {
  await page.goto('./')
  await page.getByLabel('Information fractions').fill('0.5, 0.25')
  await page.getByRole('button', { name: 'Compute' }).click()
  await expect(page.getByRole('alert')).toContainText('informationFractions[1]')
})

test('window.tsa.runTsa analyses a bundled example in the worker', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByTestId('app-info')).toHaveText(/\d/)
  const result = await page.evaluate(async (project) => {
    // Runs in the page; this file is type-checked without DOM types, hence globalThis.
    const { tsa } = globalThis as unknown as { tsa: TsaBridge }
    const r = await tsa.runTsa(project as never)
    return r.ok ? { ok: true, looks: r.value.looks.length } : { ok: false, error: r.error }
  }, example)
  expect(result).toMatchObject({ ok: true })
  expect((result as { looks: number }).looks).toBeGreaterThan(0)
})
