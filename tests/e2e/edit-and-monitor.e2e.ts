// Editing trials and settings in the web build and watching the monitoring follow: trials typed into an empty project
// and pasted from a spreadsheet, an invalid cell, and a stricter alpha. The chart is read through its text alternative
// (interfaces.md: role img "TSA chart…", described by one sentence per look), the way a screen reader gets it.
import { expect, loadExample, PERIO_OXY, test } from './fixtures'
import type { Locator, Page } from '@playwright/test'

const chartOf = (page: Page): Locator => page.getByRole('img', { name: /^TSA chart/ })

/** The chart's text alternative (its accessible description: a summary, then "Look k, trial: …" per look). */
async function chartDescription(page: Page): Promise<string> {
  const id = await chartOf(page).getAttribute('aria-describedby')
  expect(id, 'the chart is described by its text alternative').toBeTruthy()
  const description = await page.locator(`[id="${id}"]`).textContent()
  return (description ?? '').replace(/\s+/g, ' ')
}

/** "Look k, trial" for every look the text alternative lists. */
async function looksListed(page: Page): Promise<string[]> {
  return [...(await chartDescription(page)).matchAll(/Look \d+, [^:]+/g)].map((m) => m[0])
}

/** The last look's cumulative Z, as the text alternative states it ("Last Z = 1.23"). */
async function lastZ(page: Page): Promise<number> {
  const m = /Last Z = (-?\d+\.\d+)/.exec(await chartDescription(page))
  expect(m, 'the text alternative states the last Z').not.toBeNull()
  return Number(m?.[1])
}

/**
 * Sets a labelled number in region "Settings" and commits it (change event), as a user types a protocol's value
 * over a new project's starting RIS inputs.
 */
async function setSetting(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('region', { name: 'Settings' }).getByLabel(label, { exact: true })
  await field.fill(value)
  await field.press('Enter')
  await expect(field).toHaveValue(value)
}

/** Types one trial row into the grid: Add trial, then each cell, Tab between cells, Enter after the last. */
async function typeTrial(page: Page, cells: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add trial' }).click() // focus lands in the new Study cell, editing
  for (const [i, text] of cells.entries()) {
    await page.keyboard.type(text) // on a cell, typing starts editing it
    await page.keyboard.press(i === cells.length - 1 ? 'Enter' : 'Tab')
  }
}

test('trials typed into an empty project give a chart; a pasted spreadsheet range adds looks', async ({
  page,
  context
}, testInfo) => {
  await page.goto('./')
  const grid = page.getByRole('grid', { name: 'Trials' })
  await expect(grid.getByRole('row')).toHaveCount(1) // the header row only
  await setSetting(page, 'Control event proportion', '0.15')
  await setSetting(page, 'Relative risk reduction', '0.25')

  // Study, Year, Intervention events, Intervention total, Control events, Control total
  await typeTrial(page, ['Alpha 2001', '2001', '12', '100', '20', '100'])
  await typeTrial(page, ['Beta 2004', '2004', '30', '250', '41', '248'])
  await expect(grid.getByRole('row')).toHaveCount(3)
  await expect(grid.getByRole('gridcell', { name: '248' })).toBeVisible()
  await expect(chartOf(page)).toBeVisible()
  await expect.poll(() => looksListed(page)).toEqual(['Look 1, Alpha 2001', 'Look 2, Beta 2004'])
  const zTyped = await lastZ(page)

  // A range copied from a spreadsheet in a decimal-comma locale: a header row, "1.204" groups thousands and
  // "150,0" has a decimal comma. It goes into a new empty row (Add trial, Esc), so nothing typed is overwritten.
  const range = [
    'Study\tYear\tIntervention events\tIntervention total\tControl events\tControl total',
    'Gamma 2008\t2008\t95\t1.204\t131\t1.198',
    'Delta 2011\t2011\t16\t150,0\t27\t149,0'
  ].join('\n')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(
    // runs in the page; this file is type-checked without DOM types, hence globalThis
    (text) =>
      (
        globalThis as unknown as {
          navigator: { clipboard: { writeText(t: string): Promise<void> } }
        }
      ).navigator.clipboard.writeText(text),
    range
  )
  await page.getByRole('button', { name: 'Add trial' }).click()
  await page.keyboard.press('Escape')
  await page.keyboard.press('ControlOrMeta+V')

  await expect(grid.getByRole('row')).toHaveCount(5)
  await expect(grid.getByRole('row', { name: /Gamma 2008/ })).toContainText('1204')
  await expect(grid.getByRole('row', { name: /Delta 2011/ })).toContainText('150')
  await expect
    .poll(() => looksListed(page))
    .toEqual([
      'Look 1, Alpha 2001',
      'Look 2, Beta 2004',
      'Look 3, Gamma 2008',
      'Look 4, Delta 2011'
    ])
  expect(await lastZ(page)).not.toBeCloseTo(zTyped, 2)

  await page.screenshot({ path: testInfo.outputPath('typed-and-pasted.png'), fullPage: true })
})

test('an invalid cell says why, and the other trials are still analysed', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await loadExample(page, PERIO_OXY)
  const looksBefore = await looksListed(page)
  expect(looksBefore).toHaveLength(15)

  const grid = page.getByRole('grid', { name: 'Trials' })
  const greif = grid.getByRole('row', { name: /Greif 2000/ })
  const controlEvents = greif.getByRole('gridcell').nth(4) // Study, Year, then the arm data
  await expect(greif.getByRole('gridcell').nth(1)).toHaveText('2000') // the year from the study's label
  await expect(controlEvents).toHaveText('28')
  await controlEvents.click()
  await page.keyboard.type('twenty-eight')
  await page.keyboard.press('Enter')

  await expect(controlEvents).toHaveAttribute('aria-invalid', 'true')
  await expect(controlEvents).toHaveAccessibleDescription('"twenty-eight" is not a number')
  await expect.poll(() => looksListed(page)).toHaveLength(14)
  const looksAfter = await looksListed(page)
  expect(looksAfter.some((l) => l.endsWith('Greif 2000'))).toBe(false)
  expect(looksAfter.map((l) => l.replace(/^Look \d+, /, ''))).toEqual(
    looksBefore.map((l) => l.replace(/^Look \d+, /, '')).filter((name) => name !== 'Greif 2000')
  )

  await page.screenshot({ path: testInfo.outputPath('invalid-cell.png'), fullPage: true })
})

test('the results list a trial left out for an invalid cell as excluded, with the reason', async ({
  page
}) => {
  await page.goto('./')
  await loadExample(page, PERIO_OXY)
  const greif = page.getByRole('grid', { name: 'Trials' }).getByRole('row', { name: /Greif 2000/ })
  await greif.getByRole('gridcell').nth(4).click()
  await page.keyboard.type('twenty-eight')
  await page.keyboard.press('Enter')
  const excluded = page.getByRole('region', { name: 'Results' }).getByRole('list', {
    name: 'Excluded trials'
  })
  await expect(excluded.getByRole('listitem').filter({ hasText: 'Greif 2000' })).toContainText(
    /not a number|invalid/,
    { timeout: 3000 }
  )
})

test('a stricter alpha widens the monitoring boundaries in the chart and the per-look table', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await loadExample(page, PERIO_OXY)

  /** The monitoring boundary the text alternative gives for the last look ("monitoring boundary upper 2.71"). */
  const lastUpperBoundary = async (): Promise<number> => {
    const sentences = (await chartDescription(page)).split(/(?=Look \d+, )/)
    const m = /monitoring boundary upper (\d+\.\d+)/.exec(sentences.at(-1) ?? '')
    expect(m, 'the last look has a monitoring boundary').not.toBeNull()
    return Number(m?.[1])
  }
  const results = page.getByRole('region', { name: 'Results' })
  await results.getByText(/^Per-look table/).click() // opens the <details>
  const looksTable = results.getByRole('table', { name: 'Looks' })
  const lastRowUpper = looksTable.getByRole('row').last().getByRole('cell').nth(3) // Information, Fraction, Z, Upper

  const chartBefore = await lastUpperBoundary()
  const tableBefore = Number(await lastRowUpper.textContent())
  expect(tableBefore).toBeCloseTo(chartBefore, 2)

  await setSetting(page, 'Alpha', '0.01')
  await expect.poll(lastUpperBoundary).toBeGreaterThan(chartBefore)
  const chartAfter = await lastUpperBoundary()
  await expect.poll(async () => Number(await lastRowUpper.textContent())).toBeCloseTo(chartAfter, 2)
  // the conventional boundary moves with alpha as well: z(1 − 0.01/2) = 2.58
  expect(await chartDescription(page)).toContain('Conventional boundary Z = 2.58')

  await page.screenshot({ path: testInfo.outputPath('alpha-0.01.png'), fullPage: true })
})
