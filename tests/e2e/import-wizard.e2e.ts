// The import wizard in the web build (Chromium): a CSV with non-standard headers through the file chooser, one column
// fixed in the dialog, the preview, then the trials in the grid; an .xlsx dropped on the window; a malformed file's
// message in the dialog with the project left as it was. Screenshots of the dialog are saved.
import type { Page } from '@playwright/test'
import { buildXlsx } from '../helpers/xlsx'
import { expect, test } from './fixtures'

const grid = (page: Page) => page.getByRole('grid', { name: 'Trials' })
const fileGroup = (page: Page) => page.getByRole('group', { name: 'File' })
const wizard = (page: Page) => page.getByRole('dialog', { name: 'Import data' })

/** Headers a meta-analyst might type: the control arm's are RevMan Web names, the intervention's are not known. */
const NON_STANDARD_CSV = [
  'Trial;Year;Treated SSI;Treated n;Control cases;Control N',
  'Greif;2000;13;250;28;250',
  'Belda;2005;35;148;54;143',
  'Myles;2007;77;997;106;1015'
].join('\n')

async function chooseFile(page: Page, name: string, content: string | Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    fileGroup(page).getByRole('button', { name: 'Import data…' }).click()
  ])
  await chooser.setFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(content)
  })
}

/** Drops a file on the page as the operating system would (a DataTransfer with one File). */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      // runs in the page; this file is type-checked without DOM types, hence globalThis
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } }
        File: new (parts: Uint8Array[], name: string) => unknown
      }
      const transfer = new page.DataTransfer()
      transfer.items.add(new page.File([new Uint8Array(data)], name))
      return transfer
    },
    { name, data: [...bytes] }
  )
  const target = page.locator('main')
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
}

test('a CSV with unknown headers: one column chosen in the dialog, previewed, imported into the grid', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await chooseFile(page, 'oxygen-trials.csv', NON_STANDARD_CSV)
  const dialog = wizard(page)
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('oxygen-trials.csv')).toBeVisible()
  // the guesses: study, year and the control arm are found; the intervention columns are not
  await expect(dialog.getByLabel('Study')).toHaveValue('0')
  await expect(dialog.getByLabel('Control events (required)')).toHaveValue('4')
  await expect(dialog.getByLabel('Intervention events (required)')).toHaveValue('')
  const importButton = dialog.getByRole('button', { name: 'Import 3 trials' })
  await expect(importButton).toBeDisabled()
  await expect(dialog.getByRole('status')).toHaveText(
    'Choose a column for Intervention events, Intervention total.'
  )

  await dialog.getByLabel('Intervention events (required)').selectOption({ label: 'Treated SSI' })
  await dialog.getByLabel('Intervention total (required)').selectOption({ label: 'Treated n' })
  const preview = dialog.getByRole('table')
  await expect(preview.getByRole('caption')).toHaveText('Preview: 3 trials')
  await expect(preview.getByRole('row').nth(1)).toHaveText(/Greif\s*2000\s*13\s*250\s*28\s*250/)
  await expect(importButton).toBeEnabled()
  await page.screenshot({ path: testInfo.outputPath('import-wizard-csv.png') })

  await importButton.click()
  await expect(dialog).toBeHidden()
  await expect(grid(page).getByRole('gridcell', { name: 'Myles', exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(4) // header + 3 trials
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 trials.' })).toBeVisible()
  await expect(page.getByText('• unsaved changes')).toBeVisible()
  // focus went back to where the import started
  await expect(fileGroup(page).getByRole('button', { name: 'Import data…' })).toBeFocused()
})

test('an .xlsx dropped on the window opens the wizard on its data sheet; Import fills the grid', async ({
  page
}) => {
  await page.goto('./')
  const workbook = buildXlsx([
    { name: 'About', rows: [['Perioperative oxygen and surgical site infection']] },
    {
      name: 'Trials',
      rows: [
        ['study', 'year', 'eI', 'nI', 'eC', 'nC'],
        ['Greif 2000', 2000, 13, 250, 28, 250],
        ['Pryor 2004', 2004, 20, 80, 10, 80]
      ]
    }
  ])
  await dropFile(page, 'oxygen.xlsx', workbook)
  const dialog = wizard(page)
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Sheet')).toHaveValue('1')
  await expect(dialog.getByRole('table').getByRole('row').nth(2)).toHaveText(/Pryor 2004/)
  await dialog.getByRole('button', { name: 'Import 2 trials' }).click()
  await expect(dialog).toBeHidden()
  await expect(grid(page).getByRole('gridcell', { name: 'Pryor 2004', exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(3)
})

test('a malformed file: the dialog says where, Cancel leaves the project as it was', async ({
  page
}, testInfo) => {
  await page.goto('./')
  await page.getByRole('button', { name: 'Load example' }).click()
  await page.getByRole('menuitem').first().click()
  const rows = await grid(page).getByRole('row').count()
  expect(rows).toBeGreaterThan(1)
  const before = await grid(page).innerText()

  await chooseFile(page, 'broken.csv', 'study,eI,nI,eC,nC\nA,1,10,2,10\nB,3,"12,4,12\n')
  const dialog = wizard(page)
  await expect(dialog.getByRole('alert')).toHaveText(/^broken\.csv: line 3: /)
  await expect(dialog.getByRole('button', { name: /^Import/ })).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('import-wizard-malformed.png') })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await grid(page).innerText()).toBe(before)
  await expect(page.getByText('• unsaved changes')).toBeHidden()
})
