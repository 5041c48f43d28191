// Shared e2e fixtures (style.md example 14): capture page errors and fail the test on any, assert through roles.
// `test` drives the web build in Chromium; `electronTest` launches the built desktop app, one per worker.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  _electron as electron,
  test as base,
  expect,
  type ElectronApplication,
  type Page
} from '@playwright/test'

export { expect }

/** Uncaught exceptions and console errors of a page, collected (asserting inside the handler would crash the worker). */
function captureErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`)
  })
  return errors
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = captureErrors(page)
    await use(page)
    expect(errors, 'uncaught errors in the page').toEqual([])
  }
})

/** The Electron binary's path, or null when it is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, as in CI here). */
export function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null // electron/index.js throws "Electron failed to install correctly" without the binary
  }
}

export const ELECTRON_MAIN = resolve(import.meta.dirname, '../../out/main/index.js')

export const electronTest = base.extend<{ page: Page }, { app: ElectronApplication }>({
  app: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const executablePath = electronBinary()
      if (executablePath === null) throw new Error('no Electron binary (tests should skip first)')
      // A fresh profile per worker: the recent list, the recovery file and Chromium's storage are the test's own,
      // never the user's (and a crash-recovery offer left by a previous run cannot appear).
      const userData = mkdtempSync(join(tmpdir(), 'opentsa-e2e-'))
      const app = await electron.launch({
        executablePath,
        args: [ELECTRON_MAIN, `--user-data-dir=${userData}`],
        env: { ...process.env, TSA_E2E: '1' }
      })
      await use(app)
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    },
    { scope: 'worker' }
  ],
  page: async ({ app }, use) => {
    const page = await app.firstWindow()
    const errors = captureErrors(page)
    await use(page)
    expect(errors, 'uncaught errors in the renderer').toEqual([])
  }
})

/** The bundled example most tests use (its title, as the Load example menu names it). */
export const PERIO_OXY = 'Perioperative oxygen and surgical site infection'

/** Loads a bundled example through the Load example menu and waits for its chart. */
export async function loadExample(page: Page, title = PERIO_OXY): Promise<void> {
  await page.getByRole('button', { name: 'Load example' }).click()
  await page.getByRole('menuitem', { name: title }).click()
  await expect(page.getByRole('img', { name: /^TSA chart/ })).toBeVisible()
}

/** Call at the top of an @electron test file: skips it, saying why, where the desktop app cannot be launched. */
export function skipWithoutElectron(): void {
  electronTest.skip(
    electronBinary() === null,
    'Electron binary not installed (require("electron") gives no binary path): desktop e2e skipped'
  )
  electronTest.skip(
    !existsSync(ELECTRON_MAIN),
    `${ELECTRON_MAIN} missing: run npm run build:electron first`
  )
}
