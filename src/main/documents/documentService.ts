// The desktop host's documents, one per window: which file the window is bound to, its title and dirty mark, the
// dialogs, the writes, recent files, autosave and the close prompt. No runtime import of 'electron': the windows,
// dialogs and files come in as parameters (electronHost.ts passes the real ones), so all of it is unit-tested.
//
// The rule this module keeps: the renderer never names a path. Writes go only to a path the user chose in a dialog
// during the same request, or to the window's bound path, which only a dialog (Open, Save As) or Open Recent (a path
// main stored after such a dialog) can set.
import { basename, dirname, join } from 'node:path'
import type { FileFilter } from 'electron'
import type {
  DiscardChoice,
  DiscardReason,
  DocumentInfo,
  ENGINE_REQUESTS,
  MenuCommand,
  Requests
} from '@shared/ipc/contract'
import { projectFromJson } from '@shared/io/documentText'
import { projectFileName } from '@shared/io/fileNames'
import { importFileKind } from '@shared/io/importFiles'
import type { ProjectFile } from '@shared/projectFile'
import { RequestFailure } from '../ipc/failure'
import type { DocumentFiles } from './diskFiles'
import {
  EXPORT_FILTERS,
  IMPORT_FILTERS,
  OPEN_PROJECT_FILTERS,
  SAVE_PROJECT_FILTERS,
  documentName,
  withExtension,
  withProjectExtension
} from './fileNames'
import type { RecentDocuments } from './recentDocuments'
import type { RecoveryStore } from './recovery'

/** The part of a BrowserWindow the documents need (electronHost.ts adapts the real one). */
export interface DocumentWindow {
  /** BrowserWindow.id: the key of the window's document state, and how the dialogs find their parent */
  readonly id: number
  setTitle(title: string): void
  /** macOS: the dot in the close button and the title bar's file icon; nothing elsewhere */
  showDocumentState(edited: boolean, path: string | null): void
  /** a command for the renderer (EVENT_CHANNELS.menuCommand) */
  send(command: MenuCommand): void
  /** the system print dialog for the page; resolves when it is done or cancelled */
  print(): Promise<void>
  /** closes the window (the 'close' event still runs, and closeRequested lets it through when allowed) */
  close(): void
}

export interface MessageBox {
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
}

/** Native dialogs, modal to the window; null / cancelId when the user cancels. */
export interface Dialogs {
  chooseFileToOpen(
    win: DocumentWindow,
    options: { title: string; defaultPath: string; filters: FileFilter[] }
  ): Promise<string | null>
  chooseSavePath(
    win: DocumentWindow,
    options: { title: string; defaultPath: string; filters: FileFilter[] }
  ): Promise<string | null>
  ask(win: DocumentWindow, box: MessageBox): Promise<number>
}

export interface DocumentServiceDeps {
  appName: string
  dialogs: Dialogs
  files: DocumentFiles
  recent: RecentDocuments
  recovery: RecoveryStore
  /** where dialogs start when no document gives a folder (app.getPath('documents')) */
  defaultFolder: string
  now?: () => Date
  /** the user cancelled the close prompt (an app quit waiting on it is off) */
  onCloseCancelled?: () => void
  log?: (message: string, err?: unknown) => void
}

/**
 * The requests of the contract that concern documents and windows (all but the engine's and appInfo, and the PDF
 * report, which needs both: handlers.ts analyses, then hands the file to exportFile; and the simulator's, which run in
 * worker threads of their own: handlers.ts and @shared/ipc/simulationHost).
 */
export type DocumentRequestName = Exclude<
  keyof Requests,
  (typeof ENGINE_REQUESTS)[number] | 'exportReportPdf' | 'simulate' | 'cancelSimulation'
>

export type DocumentRequests = {
  [K in DocumentRequestName]: (
    req: Requests[K]['req'],
    win: DocumentWindow
  ) => Promise<Requests[K]['res']>
}

export interface DocumentService extends DocumentRequests {
  /** a new window: untitled and clean */
  attach(win: DocumentWindow): void
  /**
   * From the window's 'close' event: true lets the close happen. False means the caller must preventDefault(): there
   * are unsaved changes, and the Save / Don't Save / Cancel prompt is now showing (once, however often this runs).
   */
  closeRequested(win: DocumentWindow): boolean
  /**
   * From 'closed': forgets the window. A clean close (nothing unsaved, or the user chose Don't Save) removes the
   * recovery file, if this window wrote it; anything else leaves it for the next start.
   */
  closed(win: DocumentWindow): void
  /** The renderer crashed: its unsaved work is only in the recovery file now, which must survive the close. */
  rendererGone(win: DocumentWindow): void
}

interface WindowDocument {
  /** the file Save writes to; null for an untitled project */
  path: string | null
  /** what the renderer calls the project (shown when there is no file) */
  title: string
  dirty: boolean
  /** closeWindow or Don't Save: the next close goes through without asking */
  closeAllowed: boolean
  /** the user chose Don't Save: the recovery file goes with the window */
  discarded: boolean
  /**
   * This window's renderer has autosaved (or cleared) since it loaded, so the recovery file is its own. Until then the
   * file on disk is a previous session's (a crash) or a crashed renderer's, and closing must not delete it.
   */
  ownsRecovery: boolean
  /** the close prompt is on screen */
  prompting: boolean
}

const DISCARD_BEFORE: Readonly<Record<DiscardReason, string>> = {
  new: 'starting a new project',
  open: 'opening another project',
  import: 'importing data',
  close: 'closing',
  restore: 'restoring the recovered work'
}

const DISCARD_CHOICES: readonly DiscardChoice[] = ['save', 'discard', 'cancel']

const EXPORT_TITLES: Readonly<Record<keyof typeof EXPORT_FILTERS, string>> = {
  png: 'Export figure as PNG',
  svg: 'Export figure as SVG',
  pdf: 'Export figure as PDF',
  csv: 'Export results as CSV',
  html: 'Export report as HTML'
}

/**
 * The window title: "<name or Untitled> • — OpenTSA", the bullet while there are unsaved changes (the web host's
 * document.title has the same form).
 */
export function windowTitle(appName: string, name: string, dirty: boolean): string {
  return `${name}${dirty ? ' •' : ''} — ${appName}`
}

/** Base64 text → bytes; an invalidRequest for anything else (Buffer.from would skip bad characters silently). */
export function decodeBase64(content: string): Uint8Array {
  const compact = content.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new RequestFailure({
      code: 'invalidRequest',
      message: 'content: must be base64 (no data: URL prefix)',
      field: 'content'
    })
  }
  return Buffer.from(compact, 'base64')
}

export function createDocumentService(deps: DocumentServiceDeps): DocumentService {
  const { appName, dialogs, files, recent, recovery } = deps
  const now = deps.now ?? (() => new Date())
  const log = deps.log ?? ((message, err) => console.warn(message, err))
  const windows = new Map<number, WindowDocument>()
  /** the folder of the last export, where the next export dialog starts */
  let exportFolder: string | null = null

  function stateOf(win: DocumentWindow): WindowDocument {
    let state = windows.get(win.id)
    if (state === undefined) {
      state = {
        path: null,
        title: '',
        dirty: false,
        closeAllowed: false,
        discarded: false,
        ownsRecovery: false,
        prompting: false
      }
      windows.set(win.id, state)
    }
    return state
  }

  /** The bound file's name; otherwise the renderer's title; otherwise "Untitled". */
  function displayName(state: WindowDocument): string {
    if (state.path !== null) return documentName(state.path)
    return state.title.trim() === '' ? 'Untitled' : state.title.trim()
  }

  function render(win: DocumentWindow, state: WindowDocument): void {
    win.setTitle(windowTitle(appName, displayName(state), state.dirty))
    win.showDocumentState(state.dirty, state.path)
  }

  function bind(win: DocumentWindow, path: string | null): void {
    const state = stateOf(win)
    state.path = path
    render(win, state)
  }

  /** Where a dialog starts: the document's folder, else the last recent document's, else the user's documents. */
  function folderFor(state: WindowDocument): string {
    const near = state.path ?? recent.paths()[0]
    return near === undefined ? deps.defaultFolder : dirname(near)
  }

  /**
   * A Save dialog, then the extension the kind requires. When adding the extension names a different file that
   * exists, the dialog's own "replace?" question was about another name: ask again, for the real one.
   */
  async function chooseWritePath(
    win: DocumentWindow,
    options: { title: string; defaultPath: string; filters: FileFilter[] },
    normalise: (path: string) => string
  ): Promise<string | null> {
    const chosen = await dialogs.chooseSavePath(win, options)
    if (chosen === null) return null
    const target = normalise(chosen)
    if (target !== chosen && files.exists(target)) {
      const answer = await dialogs.ask(win, {
        message: `"${basename(target)}" already exists. Do you want to replace it?`,
        detail: `The file is saved as ${basename(target)}: its type needs that extension.`,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1
      })
      if (answer !== 0) return null
    }
    return target
  }

  /** Reads a project file the user picked; a recent entry whose file has gone leaves the list. */
  function readProject(path: string): ProjectFile {
    let text: string
    try {
      text = files.readText(path)
    } catch (err) {
      if (!files.exists(path)) recent.remove(path)
      throw err
    }
    const read = projectFromJson(text, documentName(path))
    if (!read.ok) throw new RequestFailure({ code: 'invalidFile', message: read.message })
    return read.value
  }

  async function askToSave(win: DocumentWindow, reason: DiscardReason): Promise<DiscardChoice> {
    const answer = await dialogs.ask(win, {
      message: `Save changes to "${displayName(stateOf(win))}" before ${DISCARD_BEFORE[reason]}?`,
      detail: "Your changes will be lost if you don't save them.",
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2
    })
    return DISCARD_CHOICES[answer] ?? 'cancel'
  }

  async function promptBeforeClose(win: DocumentWindow, state: WindowDocument): Promise<void> {
    state.prompting = true
    try {
      const choice = await askToSave(win, 'close')
      if (choice === 'save') {
        win.send({ command: 'saveAndClose' }) // the renderer saves, then calls closeWindow
      } else if (choice === 'discard') {
        state.discarded = true
        state.closeAllowed = true
        win.close()
      } else {
        deps.onCloseCancelled?.()
      }
    } catch (err) {
      log('the close prompt failed; the window stays open', err)
      deps.onCloseCancelled?.()
    } finally {
      state.prompting = false
    }
  }

  const service: DocumentService = {
    attach(win) {
      render(win, stateOf(win))
    },

    closeRequested(win) {
      const state = stateOf(win)
      if (state.closeAllowed || !state.dirty) return true
      if (!state.prompting) void promptBeforeClose(win, state)
      return false
    },

    closed(win) {
      const state = windows.get(win.id)
      windows.delete(win.id)
      if (state === undefined || !state.ownsRecovery) return
      // Clean (saved, or nothing changed) or deliberately discarded: nothing left to recover.
      if (!state.dirty || state.discarded) recovery.clear()
    },

    rendererGone(win) {
      const state = stateOf(win)
      state.ownsRecovery = false // the file now holds the crashed renderer's work, for the next one to offer
      state.dirty = false // nobody is left to answer saveAndClose: closing must not wait for it
      render(win, state)
    },

    async openProject(req, win) {
      let path: string | null
      if (req?.recent !== undefined) {
        path = recent.paths()[req.recent] ?? null
        if (path === null) {
          throw new RequestFailure({
            code: 'invalidRequest',
            message: `there is no recent document ${req.recent + 1} (the list has ${recent.paths().length})`,
            field: 'recent'
          })
        }
      } else {
        path = await dialogs.chooseFileToOpen(win, {
          title: 'Open project',
          defaultPath: folderFor(stateOf(win)),
          filters: OPEN_PROJECT_FILTERS
        })
        if (path === null) return null
      }
      if (importFileKind(path) !== null) {
        throw new RequestFailure({
          code: 'invalidFile',
          message: `${documentName(path)} is a data file, not a project: use Import Data to read it`
        })
      }
      const project = readProject(path)
      bind(win, path)
      recent.add(path)
      return { project, document: { name: documentName(path) }, warnings: [] }
    },

    async chooseImportFile(_req, win) {
      const path = await dialogs.chooseFileToOpen(win, {
        title: 'Import trial data',
        defaultPath: folderFor(stateOf(win)),
        filters: IMPORT_FILTERS
      })
      if (path === null) return null
      // Only the name and the bytes go to the renderer; the window stays bound to its document until the renderer
      // replaces the project (then newDocument unbinds it), so a cancelled wizard changes nothing.
      const bytes = files.readBytes(path)
      return { name: documentName(path), bytesBase64: Buffer.from(bytes).toString('base64') }
    },

    async saveProject({ project, saveAs }, win) {
      const state = stateOf(win)
      const target =
        !saveAs && state.path !== null
          ? state.path
          : await chooseWritePath(
              win,
              {
                title: saveAs ? 'Save project as' : 'Save project',
                defaultPath: join(
                  folderFor(state),
                  state.path !== null
                    ? documentName(state.path)
                    : projectFileName(project.title || state.title)
                ),
                filters: SAVE_PROJECT_FILTERS
              },
              withProjectExtension
            )
      if (target === null) return null
      files.write(target, projectJson(project))
      bind(win, target)
      recent.add(target)
      return { name: documentName(target) }
    },

    async newDocument(_req, win) {
      bind(win, null)
      return null
    },

    async exportFile(req, win) {
      // Check the content before the dialog: the user should not pick a place for a file that cannot be written.
      const data = req.encoding === 'base64' ? decodeBase64(req.content) : req.content
      const extension = `.${req.kind}`
      const target = await chooseWritePath(
        win,
        {
          title: EXPORT_TITLES[req.kind],
          defaultPath: join(
            exportFolder ?? folderFor(stateOf(win)),
            withExtension(req.suggestedName, extension)
          ),
          filters: [EXPORT_FILTERS[req.kind]]
        },
        (path) => withExtension(path, extension)
      )
      if (target === null) return null
      files.write(target, data)
      exportFolder = dirname(target)
      return { name: documentName(target) }
    },

    async setDocumentState({ title, dirty }, win) {
      const state = stateOf(win)
      state.title = title
      state.dirty = dirty
      render(win, state)
      return null
    },

    async confirmDiscard({ reason }, win) {
      return askToSave(win, reason)
    },

    async autosave(project, win) {
      const state = stateOf(win)
      state.ownsRecovery = true
      if (project === null) {
        recovery.clear()
        return null
      }
      recovery.save({
        savedAt: now().toISOString(),
        document: state.path === null ? null : { name: documentName(state.path) },
        documentPath: state.path,
        project
      })
      return null
    },

    async recovery() {
      const work = recovery.load()
      if (work === null) return null
      return { project: work.project, savedAt: work.savedAt, document: work.document }
    },

    async recentDocuments() {
      recent.prune()
      return recent.paths().map((path): DocumentInfo => ({ name: documentName(path) }))
    },

    async print(_req, win) {
      await win.print()
      return null
    },

    async closeWindow(_req, win) {
      stateOf(win).closeAllowed = true
      win.close()
      return null
    }
  }
  return service
}

/** The on-disk form of a project: the ProjectFile as JSON, indented for diffs, with a final newline. */
export const projectJson = (project: ProjectFile): string => JSON.stringify(project, null, 2) + '\n'
