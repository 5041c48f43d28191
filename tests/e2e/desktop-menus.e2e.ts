// @electron: the desktop app's native menu and file dialogs (npm run build:electron → out/main/index.js). Dialogs are
// stubbed inside the main process (app.evaluate), menu items are clicked there too, and the files are real.
// Skips where the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here); run with
// `npx playwright test --project=e2e-electron`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ElectronApplication, Page } from '@playwright/test'
import { parseProjectFile } from '../../src/shared/projectFile'
import { electronTest as test, expect, loadExample, skipWithoutElectron } from './fixtures'

skipWithoutElectron()

// One app per worker: these tests share its window, in this order.
test.describe.configure({ mode: 'serial' })

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/perioOxy.opentsa.json')

/** The main window's title bar text (BrowserWindow.getTitle; the page's own <title> is not shown there). */
const windowTitle = (app: ElectronApplication): Promise<string> =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '')

/** Clicks a native menu item by id (ids: src/main/menu.ts), as the user choosing it would. */
async function chooseMenuItem(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId)
    item?.click()
    return item !== undefined && item !== null
  }, id)
  expect(found, `menu item ${id}`).toBe(true)
}

/** The next Save dialog answers `path`; the next Open dialog answers `[path]`. */
async function stubSaveDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath })
  }, path)
}
async function stubOpenDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [filePath] })
  }, path)
}

const status = (page: Page) =>
  page.getByRole('group', { name: 'File' }).locator('..').getByRole('status')

test.beforeEach(async ({ app }) => {
  // A native message box would wait for a click no test can give: answer "Don't Save" to every one (also at the
  // end, when the fixture quits the app with unsaved changes).
  await app.evaluate(({ dialog }) => {
    dialog.showMessageBox = async () => ({ response: 1, checkboxChecked: false })
  })
})

test('@electron the File and Edit menus have their items and accelerators', async ({ app }) => {
  const menus = await app.evaluate(({ Menu }) =>
    Object.fromEntries(
      (Menu.getApplicationMenu()?.items ?? []).map((menu) => [
        menu.label,
        (menu.submenu?.items ?? [])
          .filter((item) => item.type !== 'separator' && item.visible)
          .map((item) => [item.label, item.accelerator ?? ''])
      ])
    )
  )
  // macOS quits from the app menu: File ends with the Close Window role there (its shortcut is the role's own).
  const file = menus['File'] ?? []
  if (process.platform === 'darwin') expect(file.pop()?.[0]).toBe('Close Window')
  else expect(file.pop()).toEqual(['Quit', 'Ctrl+Q'])
  expect(file).toEqual([
    ['New', 'CmdOrCtrl+N'],
    ['Open…', 'CmdOrCtrl+O'],
    ['Open Recent', ''],
    ['Save', 'CmdOrCtrl+S'],
    ['Save As…', 'CmdOrCtrl+Shift+S'],
    ['Import Data (CSV, Excel, RevMan, .TSA)…', 'CmdOrCtrl+I'],
    ['Export Figure', ''],
    ['Export Results (CSV)…', ''],
    ['Export Report (HTML)…', ''],
    ['Export Report (PDF)…', ''],
    ['Print…', 'CmdOrCtrl+P']
  ])
  expect(menus['Edit']?.slice(0, 2)).toEqual([
    ['Undo', 'CmdOrCtrl+Z'],
    ['Redo', 'CmdOrCtrl+Shift+Z']
  ])
  const undoRegistered = await app.evaluate(
    ({ Menu }) =>
      Menu.getApplicationMenu()?.getMenuItemById('edit.undo')?.registerAccelerator ?? null
  )
  expect(undoRegistered, 'Ctrl+Z is left to the page').toBe(false)
})

test('@electron Save As writes the project where the (stubbed) dialog points; the title names the file', async ({
  app,
  page
}, testInfo) => {
  await loadExample(page)

  const saved = testInfo.outputPath('saved-as') // no extension typed: main adds .opentsa.json
  await stubSaveDialog(app, saved)
  await chooseMenuItem(app, 'file.saveAs')
  const written = `${saved}.opentsa.json`
  await expect.poll(() => existsSync(written)).toBe(true)

  const parsed = parseProjectFile(JSON.parse(readFileSync(written, 'utf8')))
  const example = parseProjectFile(JSON.parse(readFileSync(EXAMPLE, 'utf8')))
  if (!parsed.ok || !example.ok) {
    throw new Error('the saved file or the example is not a valid project')
  }
  expect(parsed.value.title).toBe(example.value.title)
  expect(parsed.value.trials).toEqual(example.value.trials)
  await expect.poll(() => windowTitle(app)).toBe('saved-as.opentsa.json — OpenTSA')
  await expect(status(page)).toHaveText('Saved saved-as.opentsa.json.')
})

test('@electron Open reads the file the (stubbed) dialog picks; an edit puts the dirty mark in the title', async ({
  app,
  page
}, testInfo) => {
  const project = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { title: string; trials: unknown[] }
  project.title = 'Three oxygen trials'
  project.trials = project.trials.slice(0, 3)
  const path = testInfo.outputPath('three-trials.opentsa.json')
  writeFileSync(path, JSON.stringify(project, null, 2))

  await stubOpenDialog(app, path)
  await chooseMenuItem(app, 'file.open')
  await expect(status(page)).toHaveText('Opened three-trials.opentsa.json.')
  await expect.poll(() => windowTitle(app)).toBe('three-trials.opentsa.json — OpenTSA')
  await expect(page.getByRole('region', { name: 'Settings' }).getByLabel('Title')).toHaveValue(
    'Three oxygen trials'
  )

  const alpha = page.getByRole('region', { name: 'Settings' }).getByLabel('Alpha')
  await alpha.fill('0.01')
  await alpha.press('Enter')
  await expect.poll(() => windowTitle(app)).toBe('three-trials.opentsa.json • — OpenTSA')

  // Open Recent lists it (a name only), and Save writes back to it without a dialog
  const recent = await app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.getMenuItemById('file.openRecent')?.submenu?.items ?? []).map(
      (item) => item.label
    )
  )
  expect(recent[0]).toBe('three-trials.opentsa.json')
  await app.evaluate(({ dialog }) => {
    dialog.showSaveDialog = async () => {
      throw new Error('Save must not ask: the project already has a file')
    }
  })
  await chooseMenuItem(app, 'file.save')
  await expect(status(page)).toHaveText('Saved three-trials.opentsa.json.')
  await expect.poll(() => windowTitle(app)).toBe('three-trials.opentsa.json — OpenTSA')
  const back = JSON.parse(readFileSync(path, 'utf8')) as { monitoring: { alpha: number } }
  expect(back.monitoring.alpha).toBe(0.01)
})

test('@electron File → Export Report writes the HTML report where the (stubbed) dialog points; Help → How to Cite opens its dialog', async ({
  app,
  page
}, testInfo) => {
  await loadExample(page)

  const report = testInfo.outputPath('oxygen-report') // no extension typed: main adds .html
  await stubSaveDialog(app, report)
  await chooseMenuItem(app, 'file.exportReport')
  const written = `${report}.html`
  await expect.poll(() => existsSync(written)).toBe(true)
  const html = readFileSync(written, 'utf8')
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
  expect(html).toContain('<h1>Perioperative oxygen and surgical site infection</h1>')
  expect(html).toContain('<svg') // the chart, inline
  expect(html).toContain('data-setting="monitoring.alpha"')
  expect(html).not.toMatch(/NaN|undefined|Infinity/)
  await expect(status(page)).toHaveText('Exported oxygen-report.html.')

  await chooseMenuItem(app, 'help.howToCite')
  const cite = page.getByRole('dialog', { name: 'How to cite' })
  await expect(cite).toBeVisible()
  await expect(cite).toContainText(/OpenTSA version \d+\.\d+\.\d+ \(software\)/)
  await cite.getByRole('button', { name: 'Close' }).click()
  await expect(cite).toBeHidden()
})
