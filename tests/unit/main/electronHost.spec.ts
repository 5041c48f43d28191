// The Electron wiring of the documents (documents/electronHost.ts) with 'electron' mocked: the menu is installed and
// rebuilt, dialogs are modal to the requesting window, the page cannot retitle the window, and a close or quit with
// unsaved changes waits for the Save / Don't Save / Cancel answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...args: unknown[]) => void

/** A BrowserWindow stand-in: events, title, and a close() that runs 'close' then (unless prevented) 'closed'. */
class FakeBrowserWindow {
  static all: FakeBrowserWindow[] = []
  private static nextId = 1
  readonly id = FakeBrowserWindow.nextId++
  title = ''
  destroyed = false
  readonly listeners = new Map<string, Listener[]>()
  readonly contentsListeners = new Map<string, Listener[]>()
  readonly webContents = {
    send: vi.fn(),
    reload: vi.fn(),
    print: vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) =>
      done(false, 'cancelled')
    ),
    on: (name: string, listener: Listener) => this.add(this.contentsListeners, name, listener)
  }
  constructor() {
    FakeBrowserWindow.all.push(this)
  }
  private add(map: Map<string, Listener[]>, name: string, listener: Listener): void {
    map.set(name, [...(map.get(name) ?? []), listener])
  }
  on(name: string, listener: Listener): this {
    this.add(this.listeners, name, listener)
    return this
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }
  setTitle(title: string): void {
    this.title = title
  }
  setDocumentEdited = vi.fn()
  setRepresentedFilename = vi.fn()
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** true when the close went through */
  close(): boolean {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroyed = true
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this)
    this.emit('closed')
    return true
  }
}

const appListeners = new Map<string, Listener[]>()
let userData = ''
let documents = ''
const electron = vi.hoisted(() => ({
  app: {} as Record<string, unknown>,
  dialog: {} as Record<string, ReturnType<typeof vi.fn>>,
  Menu: {} as Record<string, ReturnType<typeof vi.fn>>
}))

vi.mock('electron', () => ({
  app: electron.app,
  dialog: electron.dialog,
  Menu: electron.Menu,
  BrowserWindow: {
    fromId: (id: number) => FakeBrowserWindow.all.find((w) => w.id === id) ?? null,
    fromWebContents: (contents: unknown) =>
      FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null,
    getFocusedWindow: () => null,
    getAllWindows: () => FakeBrowserWindow.all
  }
}))

const { installDocumentHost } = await import('../../../src/main/documents/electronHost')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-host-'))
  userData = join(dir, 'userData')
  documents = join(dir, 'Documents')
  appListeners.clear()
  FakeBrowserWindow.all = []
  Object.assign(electron.app, {
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData : documents),
    on: (name: string, listener: Listener) =>
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener]),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    quit: vi.fn(() => {
      for (const listener of appListeners.get('before-quit') ?? []) listener()
      for (const win of [...FakeBrowserWindow.all]) if (!win.close()) return
    })
  })
  Object.assign(electron.dialog, {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false }))
  })
  Object.assign(electron.Menu, {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn()
  })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The labels of the installed menu's File › Open Recent entries. */
function installedRecentLabels(): string[] {
  const menu = electron.Menu['setApplicationMenu']?.mock.calls.at(-1)?.[0] as {
    template: { id?: string; submenu?: { id?: string; label?: string; submenu?: unknown }[] }[]
  }
  const file = menu.template.find((m) => m.id === 'file')
  const recent = file?.submenu?.find((i) => i.id === 'file.openRecent')?.submenu as {
    id?: string
    label?: string
  }[]
  return recent.filter((i) => i.id?.startsWith('file.openRecent.')).map((i) => i.label ?? '')
}

function setUp() {
  const host = installDocumentHost('OpenTSA')
  const win = new FakeBrowserWindow()
  host.track(win as never)
  return { host, win, doc: host.windowOf(win.webContents as never) }
}

describe('document host wiring', () => {
  it('installs the application menu at once', () => {
    setUp()
    expect(electron.Menu['setApplicationMenu']).toHaveBeenCalledTimes(1)
    expect(installedRecentLabels()).toEqual([])
  })

  it('titles a new window "Untitled — OpenTSA" and keeps the page from retitling it', () => {
    const { win } = setUp()
    expect(win.title).toBe('Untitled — OpenTSA')
    const event = { preventDefault: vi.fn() }
    win.emit('page-title-updated', event, 'OpenTSA')
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('shows the Open dialog modal to the requesting window; an opened file joins the menu and the system list', async () => {
    const { host, win, doc } = setUp()
    const path = join(dir, 'perio.opentsa.json')
    writeFileSync(
      path,
      JSON.stringify({
        format: 'opentsa-project',
        formatVersion: 1,
        outcome: { type: 'dichotomous' },
        trials: []
      })
    )
    electron.dialog['showOpenDialog']?.mockResolvedValueOnce({ canceled: false, filePaths: [path] })
    const opened = await host.documents.openProject(null, doc)
    expect(opened?.document).toEqual({ name: 'perio.opentsa.json' })
    expect(electron.dialog['showOpenDialog']).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ properties: ['openFile'], defaultPath: documents })
    )
    expect(electron.app['addRecentDocument']).toHaveBeenCalledWith(path)
    expect(installedRecentLabels()).toEqual(['perio.opentsa.json'])
    expect(win.title).toBe('perio.opentsa.json — OpenTSA')
  })

  it('refuses a request from a page that is not a tracked window', () => {
    const { host } = setUp()
    expect(() => host.windowOf({} as never)).toThrow('the request came from no document window')
  })

  it('a clean window closes without a prompt', () => {
    const { win } = setUp()
    expect(win.close()).toBe(true)
    expect(electron.dialog['showMessageBox']).not.toHaveBeenCalled()
  })

  it('a dirty window asks first (modal to it); Save sends saveAndClose to its renderer', async () => {
    const { host, win, doc } = setUp()
    await host.documents.setDocumentState({ title: 'Oxygen', dirty: true }, doc)
    electron.dialog['showMessageBox']?.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    expect(win.close()).toBe(false)
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith('tsa:evt/menuCommand', {
        command: 'saveAndClose'
      })
    )
    expect(electron.dialog['showMessageBox']).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ buttons: ['Save', "Don't Save", 'Cancel'], noLink: true })
    )
  })

  it("a quit with unsaved changes waits for the answer: Don't Save closes the window and the quit goes on", async () => {
    const { host, doc } = setUp()
    await host.documents.setDocumentState({ title: 'Oxygen', dirty: true }, doc)
    electron.dialog['showMessageBox']?.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    ;(electron.app['quit'] as () => void)()
    expect(FakeBrowserWindow.all).toHaveLength(1) // the close was prevented while the prompt shows
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(0))
    expect(electron.app['quit']).toHaveBeenCalledTimes(2) // the quit resumed after the window closed
  })

  it('Cancel ends the quit: the window stays and the next clean close does not quit again', async () => {
    const { host, win, doc } = setUp()
    await host.documents.setDocumentState({ title: 'Oxygen', dirty: true }, doc)
    ;(electron.app['quit'] as () => void)() // showMessageBox answers 2, Cancel
    await vi.waitFor(() => expect(electron.dialog['showMessageBox']).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    expect(FakeBrowserWindow.all).toEqual([win])
    await host.documents.setDocumentState({ title: 'Oxygen', dirty: false }, doc)
    expect(win.close()).toBe(true)
    expect(electron.app['quit']).toHaveBeenCalledTimes(1)
  })

  it('reloads a crashed renderer and lets its window close without waiting for it', async () => {
    const { host, win, doc } = setUp()
    await host.documents.setDocumentState({ title: 'Oxygen', dirty: true }, doc)
    for (const listener of win.contentsListeners.get('render-process-gone') ?? []) {
      listener({}, { reason: 'crashed', exitCode: 1 })
    }
    expect(win.webContents.reload).toHaveBeenCalledTimes(1)
    expect(win.close()).toBe(true)
  })

  it('print resolves when the user cancels the print dialog', async () => {
    const { host, win, doc } = setUp()
    expect(await host.documents.print(null, doc)).toBeNull()
    expect(win.webContents.print).toHaveBeenCalledWith(
      { silent: false, printBackground: true },
      expect.any(Function)
    )
  })
})
