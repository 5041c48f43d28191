// A stand-in for window.tsa in renderer tests of the File commands: every request answers from `answers` (a test
// replaces an entry to change what the host does; a throwing answer becomes an error Result), every call is recorded,
// and menu commands can be pushed as the desktop's menus would.
import { vi } from 'vitest'
import type { MenuCommand, Requests, Result } from '../../../../src/shared/ipc/contract'

type Answers = { [K in keyof Requests]: (req: Requests[K]['req']) => Requests[K]['res'] }

export interface FakeHost {
  answers: Answers
  /** the payloads each request was called with, in order */
  calls<K extends keyof Requests>(name: K): Requests[K]['req'][]
  /** every request name, in call order */
  log: (keyof Requests)[]
  /** pushes a native menu command to the renderer's listeners */
  menu(command: MenuCommand): void
  listeners: number
}

export function installFakeHost(): FakeHost {
  const answers: Answers = {
    runTsa: () => {
      throw new Error('runTsa is not part of these tests')
    },
    computeBoundaries: () => {
      throw new Error('not used')
    },
    computeRequiredInformationSize: () => {
      throw new Error('not used')
    },
    appInfo: () => ({ name: 'OpenTSA', version: '1.2.3', host: 'web' }),
    openProject: () => null,
    chooseImportFile: () => null,
    saveProject: () => ({ name: 'saved.opentsa.json' }),
    newDocument: () => null,
    exportFile: (req) => ({ name: req.suggestedName }),
    exportReportPdf: (req) => ({ name: req.suggestedName }),
    setDocumentState: () => null,
    confirmDiscard: () => 'discard',
    autosave: () => null,
    recovery: () => null,
    recentDocuments: () => [],
    print: () => null,
    closeWindow: () => null,
    simulate: () => {
      throw new Error('not used')
    },
    cancelSimulation: () => null
  }
  const payloads = new Map<keyof Requests, unknown[]>()
  const log: (keyof Requests)[] = []
  const menuListeners = new Set<(command: MenuCommand) => void>()

  const bridge = Object.fromEntries(
    (Object.keys(answers) as (keyof Requests)[]).map((name) => [
      name,
      vi.fn(async (req: unknown): Promise<Result<unknown>> => {
        log.push(name)
        payloads.set(name, [...(payloads.get(name) ?? []), req])
        try {
          return { ok: true, value: (answers[name] as (r: unknown) => unknown)(req) }
        } catch (err) {
          return { ok: false, error: { code: 'fileError', message: (err as Error).message } }
        }
      })
    ])
  )
  vi.stubGlobal('tsa', {
    ...bridge,
    on: (event: string, listener: (command: MenuCommand) => void) => {
      if (event !== 'menuCommand') throw new Error(`unknown event: ${event}`)
      menuListeners.add(listener)
      return () => menuListeners.delete(listener)
    }
  })

  return {
    answers,
    calls: <K extends keyof Requests>(name: K) =>
      (payloads.get(name) ?? []) as Requests[K]['req'][],
    log,
    menu: (command) => menuListeners.forEach((listener) => listener(command)),
    get listeners() {
      return menuListeners.size
    }
  }
}
