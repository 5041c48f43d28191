import { join } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { aliases } from './electron.vite.config.ts'

/**
 * Unit tests run in Node, without Electron (tests mock the 'electron' module where main code imports it).
 * Renderer tests (tests/unit/renderer/**) get happy-dom and the Vue plugin. Vitest 4 has no environmentMatchGlobs:
 * the split is two projects here; a single file can also opt in with a `// @vitest-environment happy-dom` comment.
 */
/** With OPENTSA_REPORT_DIR set (.ci/run), results also go to a JSON file the CI log summarises. */
const REPORT_DIR = process.env['OPENTSA_REPORT_DIR']

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    ...(REPORT_DIR === undefined
      ? {}
      : {
          reporters: ['default', 'json'],
          outputFile: { json: join(REPORT_DIR, 'vitest.json') }
        }),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.spec.ts'],
          exclude: ['tests/unit/renderer/**']
        }
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.spec.ts']
        }
      }
    ]
  }
})
