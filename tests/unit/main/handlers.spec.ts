// Main's request handlers with a fake engine host and a fake document service: runTsa goes to the worker (its error
// Result reaches the renderer), document requests go to the service with the window of the sender.
import { describe, expect, it, vi } from 'vitest'
import type { DocumentRequests, DocumentWindow } from '../../../src/main/documents/documentService'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { toBridgeError } from '../../../src/main/ipc/failure'
import type { RequestSender } from '../../../src/main/ipc/register'
import type { ProjectFile } from '../../../src/shared/projectFile'

const project = { format: 'opentsa-project', trials: [] } as unknown as ProjectFile
const APP = { name: 'OpenTSA', version: '0' }
const sender = { id: 7 } as unknown as RequestSender
const window = { id: 1 } as DocumentWindow
/** for the tests that send no simulation requests (the 'simulations' block below does) */
const NO_SIMULATIONS = { run: vi.fn(), cancel: vi.fn() }

/** Every document request answers with its own name, so a test can see which one ran. */
function fakeDocuments(): DocumentRequests {
  const made = new Map<PropertyKey, ReturnType<typeof vi.fn>>()
  return new Proxy({} as DocumentRequests, {
    get(_target, name) {
      if (!made.has(name)) {
        made.set(
          name,
          vi.fn(async () => `ran ${String(name)}`)
        )
      }
      return made.get(name)
    }
  })
}

describe('createHandlers', () => {
  it('runs runTsa through the engine host and returns its value', async () => {
    const run = vi.fn(async () => ({ ok: true as const, value: { looks: [] } }))
    const handlers = createHandlers(
      APP,
      { run } as never,
      fakeDocuments(),
      () => window,
      NO_SIMULATIONS
    )
    expect(await handlers.runTsa(project, sender)).toEqual({ looks: [] })
    expect(run).toHaveBeenCalledWith('runTsa', project)
  })

  it('turns an error Result from the worker into the same error for the renderer', async () => {
    const error = { code: 'engineTimeout', message: 'the computation did not finish' }
    const run = vi.fn(async () => ({ ok: false as const, error }))
    const handlers = createHandlers(
      APP,
      { run } as never,
      fakeDocuments(),
      () => window,
      NO_SIMULATIONS
    )
    const thrown = await handlers.runTsa(project, sender).catch((err: unknown) => err)
    expect(toBridgeError(thrown)).toEqual(error)
  })

  it('says it is the desktop host', async () => {
    const handlers = createHandlers(
      APP,
      { run: vi.fn() },
      fakeDocuments(),
      () => window,
      NO_SIMULATIONS
    )
    expect(await handlers.appInfo(null, sender)).toEqual({
      name: 'OpenTSA',
      version: '0',
      host: 'desktop'
    })
  })

  it('hands each document request to the service with the window of its sender', async () => {
    const documents = fakeDocuments()
    const windowOf = vi.fn(() => window)
    const handlers = createHandlers(APP, { run: vi.fn() }, documents, windowOf, NO_SIMULATIONS)
    expect(await handlers.saveProject({ project, saveAs: true }, sender)).toBe('ran saveProject')
    expect(documents.saveProject).toHaveBeenCalledWith({ project, saveAs: true }, window)
    expect(windowOf).toHaveBeenCalledWith(sender)
    expect(await handlers.closeWindow(null, sender)).toBe('ran closeWindow')
    expect(documents.closeWindow).toHaveBeenCalledWith(null, window)
  })
})

describe('exportReportPdf', () => {
  it('analyses the project in the engine, draws the report as a PDF and hands it to exportFile', async () => {
    const { readFileSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const { runTsa } = await import('../../../src/engine')
    const { parseProjectFile } = await import('../../../src/shared/projectFile')
    const parsed = parseProjectFile(
      JSON.parse(
        readFileSync(
          resolve(import.meta.dirname, '../../../resources/examples/perioOxy.opentsa.json'),
          'utf8'
        )
      )
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    const run = vi.fn(async (_name: string, input: ProjectFile) => runTsa(input))
    const documents = fakeDocuments()
    const handlers = createHandlers(APP, { run } as never, documents, () => window, NO_SIMULATIONS)
    const answer = await handlers.exportReportPdf(
      {
        project: parsed.value,
        dataExclusions: [{ trial: 'Row 3', reason: 'invalid data' }],
        suggestedName: 'oxygen-report.pdf'
      },
      sender
    )
    expect(answer).toBe('ran exportFile')
    expect(run).toHaveBeenCalledWith('runTsa', parsed.value)
    const [file, win] = vi.mocked(documents.exportFile).mock.calls[0] ?? []
    expect(win).toBe(window)
    expect(file).toMatchObject({
      kind: 'pdf',
      suggestedName: 'oxygen-report.pdf',
      encoding: 'base64'
    })
    const pdf = Buffer.from(file?.content ?? '', 'base64')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.includes('FontFile2')).toBe(true) // DejaVu embedded: α, τ² render
  }, 30_000)

  it("reads the report's font from the folder main names (resources/ beside the app)", async () => {
    const { runTsa } = await import('../../../src/engine')
    const { figureFontDir, useFigureFontDir } = await import('../../../src/cli/figure/fonts')
    const { parseProjectFile } = await import('../../../src/shared/projectFile')
    const { readFileSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const parsed = parseProjectFile(
      JSON.parse(
        readFileSync(
          resolve(import.meta.dirname, '../../../resources/examples/perioOxy.opentsa.json'),
          'utf8'
        )
      )
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    const cliFonts = figureFontDir()
    const run = vi.fn(async (_name: string, input: ProjectFile) => runTsa(input))
    const documents = fakeDocuments()
    const missing = new URL('file:///nonexistent-opentsa-fonts/')
    const handlers = createHandlers(
      APP,
      { run } as never,
      documents,
      () => window,
      NO_SIMULATIONS,
      missing
    )
    try {
      const thrown = await handlers
        .exportReportPdf(
          { project: parsed.value, dataExclusions: [], suggestedName: 'r.pdf' },
          sender
        )
        .catch((err: unknown) => err)
      expect(String(thrown)).toMatch(/nonexistent-opentsa-fonts/)
      expect(documents.exportFile).not.toHaveBeenCalled()
    } finally {
      useFigureFontDir(cliFonts)
    }
  }, 30_000)

  it('an engine failure reaches the renderer and nothing is exported', async () => {
    const error = { code: 'invalidInput', message: 'no trial can be analysed' }
    const run = vi.fn(async () => ({ ok: false as const, error }))
    const documents = fakeDocuments()
    const handlers = createHandlers(APP, { run } as never, documents, () => window, NO_SIMULATIONS)
    const thrown = await handlers
      .exportReportPdf({ project, dataExclusions: [], suggestedName: 'r.pdf' }, sender)
      .catch((err: unknown) => err)
    expect(toBridgeError(thrown)).toEqual(error)
    expect(documents.exportFile).not.toHaveBeenCalled()
  })
})

describe('simulations: progress to the asking window only, cancel by that window only', () => {
  const summary = {
    runs: 10,
    naiveCrossing: 0.2,
    boundaryCrossing: 0.05,
    risReached: 1,
    crossingLook: [0],
    naiveCrossingLook: [2],
    standardErrors: { naiveCrossing: 0.1, boundaryCrossing: 0.05, risReached: 0 }
  }
  const request = {
    id: 'run-1',
    runs: 10,
    seed: 1,
    mode: { kind: 'normalLooks' as const, looks: 1 },
    alpha: 0.05,
    sides: 2 as const,
    beta: 0.2,
    spending: { kind: 'obf' as const }
  }
  const windowSender = (id: number, destroyed = false) =>
    ({ id, isDestroyed: () => destroyed, send: vi.fn() }) as unknown as RequestSender & {
      send: ReturnType<typeof vi.fn>
    }
  /** A host whose run reports progress once, then answers. */
  const fakeSimulations = () => ({
    run: vi.fn(async (_key: string, _req: unknown, onProgress: (s: typeof summary) => void) => {
      onProgress(summary)
      return { ok: true as const, value: summary }
    }),
    cancel: vi.fn(() => true)
  })

  /** Handlers over a fresh fake simulation host. */
  const withSimulations = () => {
    const simulations = fakeSimulations()
    const handlers = createHandlers(
      APP,
      { run: vi.fn() },
      fakeDocuments(),
      () => window,
      simulations
    )
    return { simulations, handlers }
  }

  it("sends progress to the window that asked, under the renderer's id", async () => {
    const { simulations, handlers } = withSimulations()
    const asking = windowSender(3)
    expect(await handlers.simulate(request, asking)).toEqual(summary)
    expect(simulations.run.mock.calls[0]?.[0]).toBe('3:run-1')
    expect(asking.send).toHaveBeenCalledWith('tsa:evt/simulationProgress', { id: 'run-1', summary })
    expect(simulations.cancel).not.toHaveBeenCalled()
  })

  it('cancels the run of a window that was closed, at its next progress report', async () => {
    const { simulations, handlers } = withSimulations()
    const closed = windowSender(4, true)
    await handlers.simulate(request, closed)
    expect(closed.send).not.toHaveBeenCalled()
    expect(simulations.cancel).toHaveBeenCalledWith('4:run-1')
  })

  it("a window cancels its own run: the key carries the sender, so another window's run is out of reach", async () => {
    const { simulations, handlers } = withSimulations()
    expect(await handlers.cancelSimulation({ id: 'run-1' }, windowSender(5))).toBeNull()
    expect(simulations.cancel).toHaveBeenCalledWith('5:run-1')
  })
})
