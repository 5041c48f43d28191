// The document requests' security rules (Electron checklist item 17, ecosystem.md §4.1 item 8), checked without
// Electron: the renderer can never name a path to write to; main writes only where a dialog in the same request
// pointed, or to the path a dialog bound the window to; and every new channel refuses untrusted senders.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import type { DocumentFiles } from '../../../src/main/documents/diskFiles'
import type { RecentDocuments } from '../../../src/main/documents/recentDocuments'
import type { AutosavedWork, RecoveryStore } from '../../../src/main/documents/recovery'
import { ENGINE_REQUESTS, type Requests } from '../../../src/shared/ipc/contract'

type InvokeListener = (event: unknown, raw: unknown) => Promise<unknown>
const ipcHandlers = new Map<string, InvokeListener>()

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, listener: InvokeListener) =>
      ipcHandlers.set(channel, listener)
    ),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel))
  }
}))

const { registerRequestHandlers } = await import('../../../src/main/ipc/register')
const { isTrustedSender } = await import('../../../src/main/security')
const { PARSERS } = await import('../../../src/shared/ipc/parse')
const { REQUEST_CHANNELS } = await import('../../../src/shared/ipc/contract')
const { createDocumentService } = await import('../../../src/main/documents/documentService')
const { parseProjectFile } = await import('../../../src/shared/projectFile')

const ROOT = resolve(import.meta.dirname, '../../..')
const EXAMPLE_TEXT = readFileSync(join(ROOT, 'resources/examples/perioOxy.opentsa.json'), 'utf8')
const EXAMPLE: unknown = JSON.parse(EXAMPLE_TEXT)

/** A valid payload for every request: a new request without one here does not compile. */
const VALID: { [K in keyof Requests]: unknown } = {
  runTsa: EXAMPLE,
  computeBoundaries: {
    informationFractions: [0.5, 1],
    alpha: 0.05,
    sides: 2,
    spending: { kind: 'obf' }
  },
  computeRequiredInformationSize: {
    alpha: 0.05,
    sides: 2,
    beta: 0.2,
    controlRisk: 0.1,
    relativeRiskReduction: 0.2
  },
  appInfo: null,
  openProject: { recent: 0 },
  chooseImportFile: null,
  saveProject: { project: EXAMPLE, saveAs: false },
  newDocument: null,
  exportFile: { kind: 'svg', suggestedName: 'chart.svg', content: '<svg/>', encoding: 'utf8' },
  setDocumentState: { title: 'Oxygen', dirty: true },
  confirmDiscard: { reason: 'close' },
  autosave: EXAMPLE,
  recovery: null,
  recentDocuments: null,
  print: null,
  exportReportPdf: { project: EXAMPLE, dataExclusions: [], suggestedName: 'oxygen-report.pdf' },
  closeWindow: null,
  simulate: {
    id: 'run-1',
    runs: 100,
    seed: 1,
    mode: { kind: 'normalLooks', looks: 5 },
    alpha: 0.05,
    sides: 2,
    beta: 0.2,
    spending: { kind: 'obf' }
  },
  cancelSimulation: { id: 'run-1' }
}

const NAMES = Object.keys(VALID) as (keyof Requests)[]
const PATH_KEYS = ['path', 'filePath', 'defaultPath', 'directory', 'documentPath', 'target']
const SOME_PATH = '/home/user/.bashrc'

/** Every key anywhere in a parsed value. */
function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, found))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      found.add(key)
      keysIn(v, found)
    }
  }
  return found
}

describe('no request payload can carry a path for writing', () => {
  it('every sample payload is valid (the checks below start from accepted payloads)', () => {
    for (const name of NAMES) expect(PARSERS[name](VALID[name]).ok, name).toBe(true)
  })

  it.each(NAMES)('%s: a path-like key is rejected or dropped, never passed on', (name) => {
    for (const key of PATH_KEYS) {
      const base = VALID[name]
      const payload =
        typeof base === 'object' && base !== null
          ? { ...base, [key]: SOME_PATH }
          : { [key]: SOME_PATH }
      const parsed = PARSERS[name](payload)
      if (parsed.ok) expect(keysIn(parsed.value).has(key), `${name}.${key}`).toBe(false)
    }
  })

  it('saveProject and exportFile reject extra keys outright (strict objects)', () => {
    expect(PARSERS.saveProject({ project: EXAMPLE, saveAs: false, path: SOME_PATH })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalidRequest' }
      }
    )
    expect(PARSERS.exportFile({ ...(VALID.exportFile as object), path: SOME_PATH })).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest' }
    })
    expect(PARSERS.openProject({ path: SOME_PATH })).toMatchObject({ ok: false })
  })

  it.each([
    '../chart.svg',
    '/tmp/chart.svg',
    'C:\\Users\\me\\chart.svg',
    'a/b.svg',
    '..',
    '.',
    'x\0.svg'
  ])('exportFile refuses the suggested name %j: a name, not a path', (suggestedName) => {
    const parsed = PARSERS.exportFile({ ...(VALID.exportFile as object), suggestedName })
    expect(parsed).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'suggestedName' }
    })
  })

  it('openProject takes only an index into main’s own recent list', () => {
    for (const recent of [-1, 1.5, '0', 100]) {
      expect(PARSERS.openProject({ recent }).ok, String(recent)).toBe(false)
    }
  })
})

describe('main writes only where a dialog pointed, or to the path a dialog bound', () => {
  /** In-memory file system: what exists, and every write. */
  function memoryFiles(): DocumentFiles & { writes: string[] } {
    const disk = new Map<string, string>([[`/docs/existing.opentsa.json`, EXAMPLE_TEXT]])
    const writes: string[] = []
    return {
      writes,
      readText: (path) => disk.get(path) ?? EXAMPLE_TEXT,
      readBytes: (path) => new TextEncoder().encode(disk.get(path) ?? EXAMPLE_TEXT),
      write(path, data) {
        writes.push(path)
        disk.set(path, String(data))
      },
      exists: (path) => disk.has(path)
    }
  }

  function memoryRecent(): RecentDocuments {
    let list: string[] = []
    return {
      paths: () => list,
      add: (p) => void (list = [p, ...list.filter((q) => q !== p)]),
      remove: (p) => void (list = list.filter((q) => q !== p)),
      clear: () => void (list = []),
      prune: () => false
    }
  }

  /** Dialog answers: a cancel or one of these paths (what the user picked). */
  const PICKS = ['/docs/a.opentsa.json', '/docs/b', '/docs/existing.json', '/elsewhere/fig.png']

  const project = (title: string): unknown => ({ ...(EXAMPLE as object), title })
  /** Requests a hostile renderer could send (valid payloads: they pass PARSERS), with titles that look like paths. */
  const request = fc.oneof(
    fc.record({
      name: fc.constant('saveProject' as const),
      req: fc.record({
        project: fc.constantFrom('../../etc/passwd', '/etc/passwd', 'C:\\x').map(project),
        saveAs: fc.boolean()
      })
    }),
    fc.record({
      name: fc.constant('exportFile' as const),
      req: fc.constantFrom(
        { kind: 'svg', suggestedName: 'chart.svg', content: '<svg/>', encoding: 'utf8' },
        { kind: 'png', suggestedName: '..png', content: 'iVBORw0K', encoding: 'base64' }
      )
    }),
    fc.record({
      name: fc.constant('setDocumentState' as const),
      req: fc.record({
        title: fc.constantFrom('/etc/passwd', '~/.ssh/id_rsa', 'x'),
        dirty: fc.boolean()
      })
    }),
    fc.record({
      name: fc.constant('openProject' as const),
      req: fc.constantFrom(null, { recent: 0 }, { recent: 3 })
    }),
    fc.record({ name: fc.constant('chooseImportFile' as const), req: fc.constant(null) }),
    fc.record({ name: fc.constant('newDocument' as const), req: fc.constant(null) }),
    fc.record({
      name: fc.constant('autosave' as const),
      req: fc.constantFrom(null, project('/etc/passwd'))
    })
  )

  it('for any sequence of requests and dialog answers', async () => {
    let runsThatWrote = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { maxLength: 12 }),
        fc.array(fc.option(fc.constantFrom(...PICKS), { nil: null }), { maxLength: 30 }),
        fc.array(fc.constantFrom(0, 1), { maxLength: 10 }),
        async (requests, generatedPicks, generatedAnswers) => {
          const picks = [...generatedPicks] // consumed below; fast-check's values stay intact for its report
          const answers = [...generatedAnswers]
          const files = memoryFiles()
          const saved: AutosavedWork[] = []
          const recovery: RecoveryStore = {
            path: '/userData/recovery/autosave.json',
            save: (work) => void saved.push(work),
            load: () => null,
            clear: () => undefined
          }
          /** every path a dialog gave in this run: the only places main may write */
          const chosen = new Set<string>()
          const answer = (): string | null => {
            const pick = picks.shift() ?? null
            if (pick !== null) chosen.add(pick)
            return pick
          }
          const service = createDocumentService({
            appName: 'OpenTSA',
            dialogs: {
              chooseFileToOpen: async () => answer(),
              chooseSavePath: async () => answer(),
              ask: async () => answers.shift() ?? 1
            },
            files,
            recent: memoryRecent(),
            recovery,
            defaultFolder: '/docs'
          })
          const win = {
            id: 1,
            setTitle: () => undefined,
            showDocumentState: () => undefined,
            send: () => undefined,
            print: async () => undefined,
            close: () => undefined
          }
          for (const { name, req } of requests) {
            const parsed = PARSERS[name](req)
            expect(parsed.ok, name).toBe(true)
            if (!parsed.ok) continue
            await (service[name] as (r: unknown, w: typeof win) => Promise<unknown>)(
              parsed.value,
              win
            ).catch(() => undefined) // a refused request is fine; only the writes matter here
          }
          /** a path a dialog gave, itself or with the extension its kind requires */
          const fromDialog = (path: string): boolean =>
            [...chosen].some(
              (pick) => path === pick || path.startsWith(pick.replace(/\.json$/, '') + '.')
            )
          const dialogsGave = [...chosen].join(', ') || 'nothing'
          if (files.writes.length > 0) runsThatWrote++
          for (const path of files.writes) {
            expect(fromDialog(path), `${path} was written; the dialogs gave ${dialogsGave}`).toBe(
              true
            )
          }
          // The recovery file records the bound document: that too came from a dialog.
          for (const { documentPath } of saved) {
            if (documentPath !== null) {
              expect(fromDialog(documentPath), `autosave bound to ${documentPath}`).toBe(true)
            }
          }
        }
      ),
      { numRuns: 200 }
    )
    expect(runsThatWrote, 'runs that wrote files (the property is not vacuous)').toBeGreaterThan(50)
  })

  it('a parsed project carries no path: the project format has no field for one', () => {
    const parsed = parseProjectFile({
      ...(EXAMPLE as object),
      path: SOME_PATH,
      documentPath: SOME_PATH
    })
    expect(parsed.ok && keysIn(parsed.value).has('path')).toBe(false)
    expect(parsed.ok && keysIn(parsed.value).has('documentPath')).toBe(false)
  })
})

describe('IPC sender check on the document channels', () => {
  const APP_ORIGIN = 'http://localhost:5173'
  const handlers = Object.fromEntries(NAMES.map((name) => [name, vi.fn(async () => null)]))
  const invoke = (channel: string, event: unknown, raw: unknown): Promise<unknown> => {
    const listener = ipcHandlers.get(channel)
    if (listener === undefined) throw new Error(`no handler bound for ${channel}`)
    return listener(event, raw)
  }

  beforeEach(() => {
    ipcHandlers.clear()
    vi.clearAllMocks()
    registerRequestHandlers(
      handlers as unknown as Parameters<typeof registerRequestHandlers>[0],
      PARSERS,
      (event: IpcMainInvokeEvent) => isTrustedSender(event, APP_ORIGIN)
    )
  })

  const untrusted = [
    ['another site', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: `${APP_ORIGIN}/`, parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a local file', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }]
  ] as const

  it.each(NAMES.filter((n) => !(ENGINE_REQUESTS as readonly string[]).includes(n)))(
    '%s refuses untrusted senders without running',
    async (name) => {
      for (const [what, event] of untrusted) {
        expect(await invoke(REQUEST_CHANNELS[name], event, VALID[name]), what).toEqual({
          ok: false,
          error: { code: 'untrustedSender', message: 'rejected IPC sender' }
        })
      }
      expect(handlers[name]).not.toHaveBeenCalled()
    }
  )

  it('passes the sender to the handler, so main acts on the window that asked', async () => {
    const sender = { id: 3 }
    const event = { senderFrame: { url: `${APP_ORIGIN}/`, parent: null }, sender }
    expect(await invoke(REQUEST_CHANNELS.newDocument, event, null)).toEqual({
      ok: true,
      value: null
    })
    expect(handlers['newDocument']).toHaveBeenCalledWith(null, sender)
  })
})
