// The File commands in the web build: Save downloads the project, New asks before discarding, Open reads it back
// through the file chooser, Import reads a CSV, Export results downloads the per-look table, and unsaved work
// survives a reload (autosave in localStorage, offered back by the recovery banner).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PERIO_OXY_CSV = resolve(import.meta.dirname, '../fixtures/datasets/perioOxy.csv')

const grid = (page: Page) => page.getByRole('grid', { name: 'Trials' })
const fileGroup = (page: Page) => page.getByRole('group', { name: 'File' })
const dirtyMark = (page: Page) => page.getByText('• unsaved changes')

/** A new or imported project has no anticipated effect yet; the analysis (and so the results) needs one. */
async function setAnticipatedEffect(page: Page): Promise<void> {
  const settings = page.getByRole('region', { name: 'Settings' })
  for (const [label, value] of [
    ['Control event proportion', '0.15'],
    ['Relative risk reduction', '0.2']
  ] as const) {
    await settings.getByLabel(label, { exact: true }).fill(value)
    await settings.getByLabel(label, { exact: true }).press('Enter')
  }
}

/** Adds a trial and types its cells (Study, Year, then the four arm counts), as a user at the keyboard would. */
async function typeTrial(page: Page, cells: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add trial' }).click()
  for (const [k, text] of cells.entries()) {
    await page.keyboard.type(text)
    await page.keyboard.press(k < cells.length - 1 ? 'Tab' : 'Enter')
  }
}

test('Save downloads the project; New discards after a confirm; Open brings the same project back', async ({
  page
}, testInfo) => {
  await page.goto('./')
  const title = page.getByRole('region', { name: 'Settings' }).getByLabel('Title')
  await title.fill('Oxygen and infection')
  await title.press('Enter')
  await setAnticipatedEffect(page)
  await typeTrial(page, ['Greif 2000', '2000', '13', '250', '28', '250'])
  await expect(grid(page).getByRole('gridcell', { name: 'Greif 2000', exact: true })).toBeVisible()
  await expect(dirtyMark(page)).toBeVisible()
  await expect(page).toHaveTitle('Oxygen and infection • — OpenTSA')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fileGroup(page).getByRole('button', { name: 'Save', exact: true }).click()
  ])
  expect(download.suggestedFilename()).toBe('Oxygen and infection.opentsa.json')
  const saved = testInfo.outputPath('oxygen.opentsa.json')
  await download.saveAs(saved)
  const project = JSON.parse(readFileSync(saved, 'utf8')) as {
    title: string
    trials: Record<string, unknown>[]
  }
  expect(project.title).toBe('Oxygen and infection')
  expect(project.trials).toEqual([
    expect.objectContaining({
      name: 'Greif 2000',
      year: 2000,
      eventsIntervention: 13,
      totalIntervention: 250,
      eventsControl: 28,
      totalControl: 250
    })
  ])
  await expect(dirtyMark(page)).toBeHidden()
  await expect(page).toHaveTitle('Oxygen and infection.opentsa.json — OpenTSA')

  // an unsaved edit, then New: the browser asks before discarding it
  await page.getByRole('button', { name: 'Add trial' }).click()
  await expect(dirtyMark(page)).toBeVisible()
  const question = new Promise<string>((resolveQuestion) => {
    page.once('dialog', (dialog) => {
      resolveQuestion(dialog.message())
      void dialog.accept()
    })
  })
  await fileGroup(page).getByRole('button', { name: 'New' }).click()
  expect(await question).toMatch(/unsaved changes.*start a new project\?$/)
  await expect(grid(page).getByRole('gridcell')).toHaveCount(0)
  await expect(page.getByTestId('document-title')).toHaveText('Untitled')
  await expect(dirtyMark(page)).toBeHidden()

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    fileGroup(page).getByRole('button', { name: 'Open…' }).click()
  ])
  await chooser.setFiles(saved)
  await expect(grid(page).getByRole('gridcell', { name: 'Greif 2000', exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(2) // header + the one trial
  await expect(title).toHaveValue('Oxygen and infection')
  await expect(page.getByTestId('document-title')).toHaveText('oxygen.opentsa.json')
  await expect(dirtyMark(page)).toBeHidden()
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

  // Ctrl+S is the page's Save, not the browser's "save page as"
  await typeTrial(page, ['Myles 2007', '2007', '77', '997', '106', '1015'])
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+s')
  ])
  expect(again.suggestedFilename()).toBe('oxygen.opentsa.json')
  await expect(dirtyMark(page)).toBeHidden()
})

test('Import a CSV, then Export results: one CSV row per look, no NaN', async ({ page }) => {
  await page.goto('./')
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    fileGroup(page).getByRole('button', { name: 'Import data…' }).click()
  ])
  await chooser.setFiles(PERIO_OXY_CSV)
  // RTSA's column names: the import wizard finds every column and only asks to confirm
  await page
    .getByRole('dialog', { name: 'Import data' })
    .getByRole('button', { name: 'Import 15 trials' })
    .click()
  await expect(grid(page).getByRole('gridcell', { name: 'Greif 2000', exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(16) // header + 15 trials
  await expect(page.getByRole('status').filter({ hasText: 'Imported 15 trials.' })).toBeVisible()
  await expect(dirtyMark(page)).toBeVisible() // an import is not saved anywhere yet
  await setAnticipatedEffect(page)
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fileGroup(page).getByRole('button', { name: 'Export results' }).click()
  ])
  expect(download.suggestedFilename()).toBe('opentsa-results.csv')
  const csv = readFileSync(await download.path(), 'utf8')
  const lines = csv.trimEnd().split('\n')
  expect(lines[0]).toMatch(
    /^section,trial,cumulativeInformation,informationFraction,z,upper,lower,/
  )
  const looks = lines.filter((line) => line.startsWith('look,'))
  expect(looks).toHaveLength(15)
  expect(looks[0]).toMatch(/^look,Gardella 2008,143,/)
  expect(csv).not.toMatch(/NaN|Infinity|undefined/)
  expect(lines.some((line) => line.startsWith('conclusion,'))).toBe(true)
})

test('unsaved work survives a reload: the recovery banner offers it back and Restore brings it', async ({
  page
}) => {
  await page.goto('./')
  await typeTrial(page, ['Belda 2005', '2005', '14', '148', '31', '143'])
  await expect(dirtyMark(page)).toBeVisible()
  await page.reload() // the pending autosave is written as the page goes away

  const banner = page.getByRole('region', { name: /^Unsaved work from .+ was recovered/ })
  await expect(banner).toBeVisible()
  await expect(grid(page).getByRole('gridcell')).toHaveCount(0)
  await banner.getByRole('button', { name: 'Restore' }).click()
  await expect(banner).toBeHidden()
  await expect(grid(page).getByRole('gridcell', { name: 'Belda 2005', exact: true })).toBeVisible()
  await expect(dirtyMark(page)).toBeVisible() // restored work is still unsaved

  // Discard forgets it for good
  await page.reload()
  await page
    .getByRole('region', { name: /was recovered/ })
    .getByRole('button', { name: 'Discard' })
    .click()
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Trials' })).toBeVisible()
  await expect(page.getByRole('region', { name: /was recovered/ })).toHaveCount(0)
})
