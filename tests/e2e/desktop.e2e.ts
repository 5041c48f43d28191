// @electron: the built desktop app (npm run build:electron → out/main/index.js). Skips where the Electron binary
// is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here); run with `npx playwright test --project=e2e-electron`.
import { electronTest as test, expect, loadExample, skipWithoutElectron } from './fixtures'

skipWithoutElectron()

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
