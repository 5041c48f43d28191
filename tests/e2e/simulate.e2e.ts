// The teaching simulator in the web build: Teaching mode → Simulate. A long run reports progress while the page stays
// responsive (its Cancel click is handled before the run could have ended); a small seeded run (2,000 runs, 10 looks,
// no effect) shows the naive share near the textbook 0.193 and the monitoring boundaries near α; the same seed
// gives the same numbers.
import { expect, loadExample, test } from './fixtures'

test('simulate in a worker: progress, a click handled during the run, a reproducible summary', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await loadExample(page)
  await page.getByRole('button', { name: 'Teaching mode' }).click()
  const teaching = page.getByRole('region', { name: 'Teaching mode' })
  await teaching.getByRole('tab', { name: 'Simulate' }).click()

  const runs = teaching.getByRole('spinbutton', { name: 'Runs' })
  const progress = teaching.getByRole('progressbar', { name: 'Simulation progress' })
  const status = teaching.getByRole('status').filter({ hasText: /Not run|Running|Done|Cancelled/ })
  const summary = teaching.getByRole('region', { name: 'Simulation summary' })
  const run = teaching.getByRole('button', { name: 'Run simulation' })
  const cancel = teaching.getByRole('button', { name: 'Cancel' })
  await teaching.getByRole('spinbutton', { name: 'Looks' }).fill('10')
  await teaching.getByRole('spinbutton', { name: 'Seed' }).fill('2024')

  // A million runs take seconds: progress arrives while it runs, and the page answers a click meanwhile.
  await runs.fill('1000000')
  await run.click()
  await expect(status).toHaveText(/^Running/)
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0)
  await cancel.click()
  await expect(status).toHaveText(/^Cancelled after [\d,]+ runs$/)
  const reached = Number((await status.textContent())?.replace(/\D/g, ''))
  expect(reached).toBeGreaterThan(0)
  expect(reached).toBeLessThan(1_000_000) // the click was handled before the run could end
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100)

  // The small run: 2,000 runs, 10 normal looks, no effect.
  await runs.fill('2000')
  await run.click()
  await expect(status).toHaveText('Done: 2,000 runs')
  await expect(progress).toHaveAttribute('aria-valuenow', '100')
  const naive = summary.locator('[data-field="naive"]')
  const naiveShare = Number((await naive.textContent())?.split(' ')[0])
  expect(naiveShare).toBeGreaterThan(0.16) // exact: 0.193 (Armitage, McPherson & Rowe); SE ≈ 0.009
  expect(naiveShare).toBeLessThan(0.23)
  const boundaryShare = Number(
    (await summary.locator('[data-field="boundary"]').textContent())?.split(' ')[0]
  )
  expect(boundaryShare).toBeLessThan(0.08) // the monitoring boundaries keep it near α = 0.05
  const first = await summary.textContent()
  await page.screenshot({ path: testInfo.outputPath('simulate.png'), fullPage: true })

  // Same seed, same numbers.
  await run.click()
  await expect(status).toHaveText('Done: 2,000 runs')
  expect(await summary.textContent()).toBe(first)
})
