/**
 * Renderer figures (interfaces.md "Benchmarks"): how long the app in Chromium takes from new data to the redrawn TSA
 * chart, with the engine in its Web Worker, exactly as a user runs it (the static web build, dist-web/).
 *
 *   renderer.loadToChart.trialsN  a TSV paste of N synthetic trials into the empty trial table (a ClipboardEvent on
 *                                 the grid, which is how a spreadsheet range arrives) → the chart's first draw.
 *   renderer.editToChart.trialsN  with those N trials shown: Enter commits a typed value in an "Intervention events"
 *                                 cell → the chart's redraw.
 *
 * Both end at TsaChart's draw mark (src/renderer/src/charts/chartDrawMark.ts), taken after the chart and the DOM of
 * that update are done; both start from an in-page timestamp (the paste dispatch; the Enter keydown, seen first by
 * a capturing listener), so Playwright's own round trips are not counted. Each run of a figure is a fresh page.
 * The trials are bench/syntheticTrials.ts's, and the control event proportion (10%) and relative risk reduction (5%)
 * are set first, as for analyze.trials*, so that the RIS lies beyond the data and every look gets boundaries.
 *
 * A figure that cannot be measured (no dist-web and no build, no Chromium, a timeout) is left out with a reason,
 * never reported as 0.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { preview } from 'vite'
import playwrightConfig from '../playwright.config'
import { CHART_DRAWN_MARK } from '../src/renderer/src/charts/chartDrawMark'
import { median, type Figure } from './measure'
import { syntheticTrials, syntheticTrialsTsv } from './syntheticTrials'

const ROOT = resolve(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist-web')
/** What the web build is made of: a build older than any of these is rebuilt before measuring. */
const BUILD_INPUTS = [
  'src/renderer',
  'src/web',
  'src/engine',
  'src/shared',
  'resources/examples',
  'vite.web.config.ts',
  'package-lock.json'
]
/**
 * The browser APIs the in-page functions below use beyond Node's globals (performance, PerformanceObserver,
 * AbortController): this file is type-checked without the DOM library, so they reach them through globalThis.
 */
interface PageDom {
  document: {
    querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null
    addEventListener(
      type: 'keydown',
      listener: (event: { key: string }) => void,
      options: { capture: boolean; signal: AbortSignal }
    ): void
  }
  DataTransfer: new () => { setData(format: string, data: string): void }
  ClipboardEvent: new (
    type: 'paste',
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }
  ) => unknown
}

/** Longest wait for one draw; a run that takes longer means something is broken, not slow. */
const DRAW_TIMEOUT_MS = 20_000

export interface RendererBenchOptions {
  /** progress and skip reasons go here (stderr in --json mode, so stdout stays JSON) */
  log: (line: string) => void
  /** trial counts and runs per figure */
  sizes?: readonly { trials: number; runs: number }[]
}

export interface RendererBenchResult {
  figures: Figure[]
  /** why figures were left out, one line each */
  skipped: string[]
}

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (stat === undefined) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), 0)
}

/** Builds dist-web/ when it is missing or older than its sources; returns why it could not, or null. */
function ensureWebBuild(log: (line: string) => void): string | null {
  const index = join(DIST, 'index.html')
  const built = existsSync(index) ? statSync(index).mtimeMs : 0
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))))
  if (built > sources) return null
  log(
    built === 0
      ? 'dist-web/ is missing: building it'
      : 'dist-web/ is older than its sources: rebuilding it'
  )
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' })
  if (r.status === 0 && existsSync(index)) return null
  return `npm run build:web failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').at(-1) ?? ''}`
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail()))
    })
  })
}

/** Chromium as the e2e tests launch it (the e2e-web project of playwright.config.ts). */
function launchOptions(): { executablePath?: string; args?: string[] } {
  const web = playwrightConfig.projects?.find((p) => p.name === 'e2e-web')
  const launch = web?.use?.launchOptions ?? {}
  return {
    ...(launch.executablePath !== undefined ? { executablePath: launch.executablePath } : {}),
    ...(launch.args !== undefined ? { args: launch.args } : {})
  }
}

/** A fresh page of the app, its engine worker answering, with the settings of analyze.trials* (bench/run.ts). */
async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(url)
  // the version comes from the worker: it is up and answering
  await page
    .getByTestId('app-info')
    .filter({ hasText: /\d+\.\d+\.\d+/ })
    .waitFor()
  const settings = page.getByRole('region', { name: 'Settings' })
  for (const [label, value] of [
    ['Control event proportion', '0.1'],
    ['Relative risk reduction', '0.05']
  ] as const) {
    const field = settings.getByLabel(label, { exact: true })
    await field.fill(value)
    await field.press('Enter')
  }
  return page
}

/**
 * Pastes the TSV into the empty trial grid and resolves with the milliseconds from the paste to the chart's first
 * draw, and the looks drawn. Runs in the page.
 */
function pasteToDraw(page: Page, tsv: string): Promise<{ ms: number; looks: number }> {
  return page.evaluate(
    ({ tsv, mark, timeout }) =>
      new Promise<{ ms: number; looks: number }>((done, fail) => {
        const { document, DataTransfer, ClipboardEvent } = globalThis as unknown as PageDom
        const grid = document.querySelector('[role="grid"][aria-label="Trials"]')
        if (grid === null) return fail(new Error('no grid "Trials"'))
        let t0 = Number.POSITIVE_INFINITY
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntriesByName(mark)) {
            if (e.startTime < t0) continue
            observer.disconnect()
            const { looks } = (e as unknown as { detail: { looks: number } }).detail
            done({ ms: e.startTime - t0, looks })
          }
        })
        observer.observe({ type: 'mark' })
        setTimeout(
          () => fail(new Error(`no chart draw within ${timeout} ms of the paste`)),
          timeout
        )
        const data = new DataTransfer()
        data.setData('text/plain', tsv)
        t0 = performance.now()
        grid.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
        )
      }),
    { tsv, mark: CHART_DRAWN_MARK, timeout: DRAW_TIMEOUT_MS }
  )
}

/**
 * Types a new value into one "Intervention events" cell and commits it with Enter; resolves with the milliseconds
 * from the Enter keydown to the chart's redraw.
 */
async function editToDraw(page: Page, row: number, value: number): Promise<number> {
  const grid = page.getByRole('grid', { name: 'Trials' })
  const cell = grid
    .getByRole('row')
    .nth(row + 1) // the header row comes first
    .getByRole('gridcell')
    .nth(2) // Study, Year, Intervention events
  await cell.click()
  await page.keyboard.type(String(value)) // typing on a cell starts editing it
  const pending = await page.evaluateHandle(
    ({ mark, timeout }) => ({
      // wrapped in an object: evaluateHandle would otherwise wait for the promise itself
      drawn: new Promise<number>((done, fail) => {
        const { document } = globalThis as unknown as PageDom
        let t0 = Number.POSITIVE_INFINITY
        // No named functions in here: tsx compiles them with a __name() helper that the page does not have.
        const listening = new AbortController()
        document.addEventListener(
          'keydown',
          (e) => {
            if (e.key === 'Enter' && t0 === Number.POSITIVE_INFINITY) t0 = performance.now()
          },
          { capture: true, signal: listening.signal }
        )
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntriesByName(mark)) {
            if (e.startTime < t0) continue
            observer.disconnect()
            listening.abort()
            done(e.startTime - t0)
          }
        })
        observer.observe({ type: 'mark' })
        setTimeout(() => fail(new Error(`no chart redraw within ${timeout} ms of Enter`)), timeout)
      })
    }),
    { mark: CHART_DRAWN_MARK, timeout: DRAW_TIMEOUT_MS }
  )
  await page.keyboard.press('Enter')
  const ms = await page.evaluate((p) => p.drawn, pending)
  await pending.dispose()
  return ms
}

/** Measures the renderer figures; figures that cannot be measured are left out with a reason. */
export async function rendererFigures(options: RendererBenchOptions): Promise<RendererBenchResult> {
  const { log } = options
  const sizes = options.sizes ?? [
    { trials: 10, runs: 9 },
    { trials: 200, runs: 7 }
  ]
  const names = sizes.flatMap(({ trials }) => [
    `renderer.loadToChart.trials${trials}`,
    `renderer.editToChart.trials${trials}`
  ])
  const skipAll = (why: string): RendererBenchResult => ({
    figures: [],
    skipped: names.map((n) => `${n}: ${why}`)
  })

  const buildProblem = ensureWebBuild(log)
  if (buildProblem !== null) return skipAll(buildProblem)

  let browser: Browser
  try {
    browser = await chromium.launch(launchOptions())
  } catch (err) {
    return skipAll(
      `Chromium did not start (${err instanceof Error ? err.message.split('\n')[0] : err})`
    )
  }
  const port = await freePort()
  const server = await preview({
    configFile: join(ROOT, 'vite.web.config.ts'),
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false }
  })
  const url = `http://127.0.0.1:${port}/`

  const figures: Figure[] = []
  const skipped: string[] = []
  try {
    for (const { trials, runs } of sizes) {
      const tsv = syntheticTrialsTsv(trials)
      const data = syntheticTrials(trials)
      // a data cell in the middle of the table; each run gives it a value it does not have yet
      const row = trials >> 1
      const edited = data[row] as (typeof data)[number]
      const load: number[] = []
      const edit: number[] = []
      let problem: string | null = null
      for (let run = 0; run < runs && problem === null; run++) {
        const page = await openApp(browser, url)
        try {
          const loaded = await pasteToDraw(page, tsv)
          if (loaded.looks === 0) throw new Error('the chart was drawn without looks')
          load.push(loaded.ms)
          const value = (edited.eventsIntervention + 1 + run) % (edited.totalIntervention + 1)
          edit.push(await editToDraw(page, row, value))
        } catch (err) {
          problem = err instanceof Error ? err.message : String(err)
        } finally {
          await page.close()
        }
      }
      if (problem !== null) {
        skipped.push(
          `renderer.loadToChart.trials${trials}, renderer.editToChart.trials${trials}: ${problem}`
        )
        continue
      }
      figures.push(
        { name: `renderer.loadToChart.trials${trials}`, medianMs: median(load), runs: load.length },
        { name: `renderer.editToChart.trials${trials}`, medianMs: median(edit), runs: edit.length }
      )
      log(`renderer, ${trials} trials: measured ${runs} runs`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return { figures, skipped }
}
