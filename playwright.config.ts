// Browser tests. e2e-web: Debian's Chromium (/usr/bin/chromium; never `npx playwright install`) against the static
// web build (dist-web/, `npm run build:web` first), served by `vite preview`. e2e-electron: tests tagged @electron
// launch the built desktop app (out/main/index.js) and skip when the Electron binary is not installed.
// Unit tests run under vitest (tests/unit); Playwright sees only tests/e2e/*.e2e.ts.
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

/** Not vite preview's default 4173, so a preview left running by hand does not collide. */
const PORT = Number(process.env['OPENTSA_E2E_PORT'] ?? 4317)
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
/** With OPENTSA_REPORT_DIR set (.ci/run), results also go to a JSON file the CI log summarises. */
const REPORT_DIR = process.env['OPENTSA_REPORT_DIR']

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  reporter: REPORT_DIR
    ? [['list'], ['json', { outputFile: join(REPORT_DIR, 'playwright.json') }]]
    : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'e2e-web',
      grepInvert: /@electron/,
      use: {
        browserName: 'chromium',
        baseURL: `http://127.0.0.1:${PORT}/`,
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox', // containers (CI) have no user namespaces for Chromium's sandbox
            '--disable-gpu',
            // no network traffic of Chromium's own: the tests must work offline, like the app
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run'
          ]
        }
      }
    },
    {
      name: 'e2e-electron',
      grep: /@electron/
    }
  ],
  webServer: {
    // Serves the existing build; vite preview fails with "…dist-web does not exist" when it was not built.
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe'
  }
})
