// The web build (dist-web/) in Chromium: the app loads, and the analysis goes through window.tsa → the engine Web
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

test('the web build shows the app and its engine worker answers', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'OpenTSA', level: 1 })).toBeVisible()
  // appInfo is answered by the worker: the version proves the round trip before any click.
  await expect(page.getByTestId('app-info')).toHaveText(/^OpenTSA \d+\.\d+\.\d+/)
  await expect(page.getByRole('grid', { name: 'Trials' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Settings' })).toBeVisible()
})

test('a bad setting is marked invalid and says why', async ({ page }) => {
  await page.goto('./')
  const alpha = page.getByRole('region', { name: 'Settings' }).getByLabel('Alpha')
  await alpha.fill('1.5')
  await alpha.press('Enter')
  await expect(alpha).toHaveAttribute('aria-invalid', 'true')
  await expect(alpha).toHaveAccessibleDescription(/between 0 and 1/)
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
