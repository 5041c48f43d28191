// The first screen in the web build: load a bundled example, the analysis runs in the worker, the chart and the
// results appear; a settings change re-runs it.
import { expect, test } from './fixtures'

test('load perioOxy, see chart and results; changing Alpha updates the results', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page
    .getByRole('menuitem', { name: 'Perioperative oxygen and surgical site infection' })
    .click()

  await expect(page.getByRole('grid', { name: 'Trials' }).getByRole('row')).not.toHaveCount(0)
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()
  const results = page.getByRole('region', { name: 'Results' })
  await expect(results).toBeVisible()
  const conclusion = results.getByTestId('conclusion')
  await expect(conclusion).not.toBeEmpty()
  await expect(results).toContainText('Required information size')
  const ris = results.getByTestId('ris')
  await expect(ris).toHaveText(/\d/)
  const risBefore = await ris.textContent()
  const tsaCiBefore = await results.getByTestId('pooled-tsa').textContent()

  const alpha = page.getByRole('region', { name: 'Settings' }).getByLabel('Alpha')
  await expect(alpha).toHaveValue('0.05')
  await alpha.fill('0.01')
  await alpha.press('Enter') // change event
  await expect(ris).not.toHaveText(risBefore ?? '')
  await expect(results.getByTestId('pooled-tsa')).not.toHaveText(tsaCiBefore ?? '')
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

  await page.screenshot({ path: testInfo.outputPath('enter-and-run.png'), fullPage: true })
})
