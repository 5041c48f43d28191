// The report in the web build: Export report downloads one standalone HTML file (the chart inline, every setting,
// the methods paragraph, the version), and How to cite opens its dialog.
import { readFileSync } from 'node:fs'
import { expect, loadExample, PERIO_OXY, test } from './fixtures'

test('Export report downloads the whole analysis as one HTML file; How to cite shows the citation', async ({
  page
}) => {
  await page.goto('./')
  await loadExample(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'File' }).getByRole('button', { name: 'Export report' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/-report\.html$/)
  const html = readFileSync(await download.path(), 'utf8')
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
  expect(html).toContain(`<h1>${PERIO_OXY}</h1>`)
  expect(html).toMatch(/<figure>\s*<svg/) // the chart, drawn by the app, inline
  expect(html).toContain('data-setting="monitoring.ris.controlRisk"')
  expect(html).toContain('We performed a trial sequential analysis (TSA)')
  expect(html).not.toMatch(/<script|NaN|undefined|Infinity/)

  await page.getByRole('button', { name: 'How to cite' }).click()
  const cite = page.getByRole('dialog', { name: 'How to cite' })
  await expect(cite).toBeVisible()
  await expect(cite).toContainText(/OpenTSA version \d+\.\d+\.\d+ \(software\)/)
  await expect(cite.getByRole('listitem')).toHaveCount(6)
  await page.keyboard.press('Escape')
  await expect(cite).toBeHidden()
})
