// The thin Electron side of the documents: real dialogs, windows, menu and app events around documentService.ts,
// which holds the logic. Call installDocumentHost once the app is ready, and track() every document window.
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  type BaseWindow,
  type MessageBoxOptions,
  type WebContents
} from 'electron'
import { EVENT_CHANNELS, type MenuCommand } from '@shared/ipc/contract'
import { RequestFailure } from '../ipc/failure'
import { buildMenuTemplate } from '../menu'
import { diskFiles } from './diskFiles'
import {
  createDocumentService,
  type Dialogs,
  type DocumentRequests,
  type DocumentWindow
} from './documentService'
import { documentName } from './fileNames'
import { createRecentDocuments, type RecentDocuments } from './recentDocuments'
import { createRecoveryStore } from './recovery'

export interface DocumentHost {
  documents: DocumentRequests
  /** the document window a request came from (a RequestFailure when the sender has none) */
  windowOf(sender: WebContents): DocumentWindow
  /** title, close prompt, crash handling for a new window */
  track(win: BrowserWindow): void
}

/** Dialogs are modal to the window when it still exists. */
const parentOf = (win: DocumentWindow): BrowserWindow | null => BrowserWindow.fromId(win.id)

const dialogs: Dialogs = {
  async chooseFileToOpen(win, options) {
    const full = { ...options, properties: ['openFile' as const] }
    const parent = parentOf(win)
    // Read `dialog.…` at call time (not destructured at import): the Electron e2e tests stub it in main.
    const r = parent ? await dialog.showOpenDialog(parent, full) : await dialog.showOpenDialog(full)
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async chooseSavePath(win, options) {
    const full = { ...options, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] }
    const parent = parentOf(win)
    const r = parent ? await dialog.showSaveDialog(parent, full) : await dialog.showSaveDialog(full)
    return r.canceled || r.filePath === '' ? null : r.filePath
  },
  async ask(win, box) {
    const options: MessageBoxOptions = { type: 'warning', noLink: true, ...box }
    const parent = parentOf(win)
    const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
    return r.response
  }
}

function adapt(win: BrowserWindow): DocumentWindow {
  const id = win.id // read now: a destroyed window throws on every property
  return {
    id,
    setTitle: (title) => win.setTitle(title),
    showDocumentState(edited, path) {
      if (process.platform !== 'darwin') return
      win.setDocumentEdited(edited)
      win.setRepresentedFilename(path ?? '')
    },
    send(command: MenuCommand) {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNELS.menuCommand, command)
    },
    print: () =>
      new Promise<void>((resolve, reject) => {
        win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
          if (success || reason === 'cancelled') resolve()
          else reject(new RequestFailure({ code: 'internal', message: `printing failed: ${reason}` }))
        })
      }),
    close: () => win.close()
  }
}

export function installDocumentHost(appName: string): DocumentHost {
  const userData = app.getPath('userData')
  const adapters = new Map<number, DocumentWindow>()
  // app.quit() closes the windows first, and a prevented close (the Save prompt) cancels the quit. When the user then
  // saves or discards and the window closes, the quit resumes; Cancel ends it.
  let quitting = false
  let quitWaitsForClose = false
  app.on('before-quit', () => {
    quitting = true
  })

  const stored = createRecentDocuments({
    storePath: join(userData, 'recent-documents.json'),
    exists: diskFiles.exists,
    onChange: () => refreshMenu()
  })
  // The system's lists too (macOS Dock menu, Windows jump list; Linux has none).
  const recent: RecentDocuments = {
    ...stored,
    add(path) {
      stored.add(path)
      app.addRecentDocument(path)
    },
    clear() {
      stored.clear()
      app.clearRecentDocuments()
    }
  }

  const service = createDocumentService({
    appName,
    dialogs,
    files: diskFiles,
    recent,
    recovery: createRecoveryStore(join(userData, 'recovery')),
    defaultFolder: app.getPath('documents'),
    onCloseCancelled: () => {
      quitting = false
      quitWaitsForClose = false
    }
  })

  /** The window a menu item was chosen in; the focused or only window for a click() made by code. */
  function sendToWindow(command: MenuCommand, window: BaseWindow | undefined): void {
    const target =
      (window === undefined ? null : BrowserWindow.fromId(window.id)) ??
      BrowserWindow.getFocusedWindow() ??
      BrowserWindow.getAllWindows()[0]
    if (target !== undefined && !target.isDestroyed()) {
      target.webContents.send(EVENT_CHANNELS.menuCommand, command)
    }
  }

  function refreshMenu(): void {
    const template = buildMenuTemplate({
      appName,
      platform: process.platform,
      isPackaged: app.isPackaged,
      recentNames: recent.paths().map(documentName),
      send: sendToWindow,
      clearRecent: () => recent.clear()
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  refreshMenu()

  return {
    documents: service,
    windowOf(sender) {
      const win = BrowserWindow.fromWebContents(sender)
      const adapter = win === null ? undefined : adapters.get(win.id)
      if (adapter === undefined) {
        throw new RequestFailure({ code: 'internal', message: 'the request came from no document window' })
      }
      return adapter
    },
    track(win) {
      const adapter = adapt(win)
      adapters.set(adapter.id, adapter)
      service.attach(adapter)
      // The window title is the document's (set above), not the page's <title>.
      win.on('page-title-updated', (event) => event.preventDefault())
      win.on('close', (event) => {
        if (service.closeRequested(adapter)) return
        event.preventDefault()
        if (quitting) quitWaitsForClose = true
      })
      win.on('closed', () => {
        service.closed(adapter)
        adapters.delete(adapter.id)
        if (quitWaitsForClose) {
          quitWaitsForClose = false
          app.quit()
        }
      })
      win.webContents.on('render-process-gone', (_event, details) => {
        if (details.reason === 'clean-exit') return
        console.error(`OpenTSA: the renderer stopped (${details.reason}); reloading`)
        service.rendererGone(adapter)
        win.webContents.reload() // the new page finds the autosaved work through the recovery request
      })
    }
  }
}
