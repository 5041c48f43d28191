// @electron: the built desktop app (npm run build:electron → out/main/index.js). Skips where the Electron binary
// is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here); run with `npx playwright test --project=e2e-electron`.
import { existsSync } from 'node:fs'
import {
  ELECTRON_MAIN,
  electronBinary,
  electronTest as test,
  expect,
  loadExample
} from './fixtures'

test.skip(
  electronBinary() === null,
  'Electron binary not installed (require("electron") gives no binary path): desktop e2e skipped'
)
test.skip(!existsSync(ELECTRON_MAIN), `${ELECTRON_MAIN} missing: run npm run build:electron first`)

test('@electron the desktop app opens its window and analyses a bundled example', async ({
  page
}, testInfo) => {
  await expect(page.getByRole('heading', { name: 'OpenTSA', level: 1 })).toBeVisible()
  await loadExample(page)
  await expect(
    page.getByRole('region', { name: 'Results' }).getByTestId('conclusion')
  ).not.toBeEmpty()
  await page.screenshot({ path: testInfo.outputPath('desktop-example.png') })
})
