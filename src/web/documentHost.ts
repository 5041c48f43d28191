// The browser host's document, file and window requests, answered in the page (the engine worker has no DOM): the
// counterpart of main's dialogs and files. Open and Import read a file the user picks in a file input; Save and
// Export become downloads; the window title is document.title; autosave goes to localStorage. The DOM pieces are
// passed in (DocumentHostEnv), so the logic is unit-tested with stand-ins; browserDocumentEnv() gives the real ones.
import type {
  DiscardReason,
  DocumentInfo,
  ExportFileRequest,
  ImportFile,
  OpenedProject,
  RecoveredWork,
  Requests,
  Result
} from '@shared/ipc/contract'
import { PARSERS } from '@shared/ipc/parse'
import { projectFromJson } from '@shared/io/documentText'
import { base64ToBytes, bytesToBase64, decodeText } from '@shared/io/fileBytes'
import { projectFileName, PROJECT_EXTENSION } from '@shared/io/fileNames'
import { IMPORT_FILE_EXTENSIONS, importFileKind, MAX_IMPORT_BYTES } from '@shared/io/importFiles'
import { parseProjectFile } from '@shared/projectFile'
import type { DocumentRequestName } from './protocol'

/** A file the user picked: its name (no folders: browsers never give a path) and its bytes. */
export interface PickedFile {
  name: string
  bytes: Uint8Array
}

/** The parts of the browser the document host uses. */
export interface DocumentHostEnv {
  /** lets the user pick one file (accept: the file input's filter); null when cancelled */
  pickFile(accept: string): Promise<PickedFile | null>
  /** hands a file to the browser as a download named `name` */
  download(name: string, data: Blob): void
  setTitle(title: string): void
  /** a yes/no question (window.confirm) */
  confirm(message: string): boolean
  print(): void
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  now(): Date
}

/** The document requests of window.tsa, as the bridge exposes them. */
export type DocumentRequests = {
  readonly [K in DocumentRequestName]: (
    req: Requests[K]['req']
  ) => Promise<Result<Requests[K]['res']>>
}

/** localStorage key of the autosaved project. */
export const RECOVERY_KEY = 'opentsa.recovery'
/** Files larger than this are not ours (the largest real meta-analyses are a few hundred kB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

export const PROJECT_ACCEPT = `${PROJECT_EXTENSION},.json,application/json`
/** Import data (chooseImportFile): every file the import wizard reads, by extension (.TSA has no MIME type). */
export const IMPORT_ACCEPT = IMPORT_FILE_EXTENSIONS.join(',')

const MIME: Record<ExportFileRequest['kind'], string> = {
  png: 'image/png',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  html: 'text/html'
}

/** A failure to report as is: by default about a file the user picked (the file is wrong, not the request). */
class HostProblem extends Error {
  constructor(
    message: string,
    readonly code: 'invalidFile' | 'invalidRequest' = 'invalidFile',
    readonly field?: string
  ) {
    super(message)
  }
}

/** What window.confirm asks: a browser cannot save and then continue in one step, so it asks to discard. */
const DISCARD_QUESTIONS: Record<DiscardReason, string> = {
  new: 'start a new project',
  open: 'open another project',
  import: 'import data into a new project',
  close: 'close',
  restore: 'restore the recovered work'
}

export const discardQuestion = (reason: DiscardReason): string =>
  `The project has unsaved changes, which will be lost. Discard them and ${DISCARD_QUESTIONS[reason]}?`

/** "x.png" content: text as is, base64 decoded to bytes. */
function exportBlob(file: ExportFileRequest): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: MIME[file.kind] })
  return new Blob([base64ToBytes(file.content)], { type: MIME[file.kind] })
}

/** The autosaved work, or null (and forgotten) when what is stored cannot be read back. */
function readRecovery(stored: string): RecoveredWork | null {
  try {
    const raw = JSON.parse(stored) as Partial<Record<keyof RecoveredWork, unknown>> | null
    const project = parseProjectFile(raw?.project)
    const savedAt = raw?.savedAt
    const document = raw?.document as { name?: unknown } | null | undefined
    if (!project.ok || typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return null
    return {
      project: project.value,
      savedAt,
      document:
        typeof document?.name === 'string' && document.name !== '' ? { name: document.name } : null
    }
  } catch {
    return null
  }
}

export function createDocumentHost(env: DocumentHostEnv): DocumentRequests {
  /** The open document's name (what Save downloads as); null: untitled. */
  let documentName: string | null = null

  const pick = async (accept: string, maxBytes = MAX_FILE_BYTES): Promise<PickedFile | null> => {
    const file = await env.pickFile(accept)
    if (file !== null && file.bytes.length > maxBytes) {
      throw new HostProblem(
        `"${file.name}" is too large (more than ${Math.round(maxBytes / 1024 / 1024)} MB)`
      )
    }
    return file
  }

  const handlers: {
    [K in DocumentRequestName]: (
      req: Requests[K]['req']
    ) => Requests[K]['res'] | Promise<Requests[K]['res']>
  } = {
    async openProject(req): Promise<OpenedProject | null> {
      if (req?.recent !== undefined) {
        throw new HostProblem(
          'the web version keeps no recent documents',
          'invalidRequest',
          'recent'
        )
      }
      const file = await pick(PROJECT_ACCEPT)
      if (file === null) return null
      // as on the desktop: a data file is not a broken project, it is the wrong command
      if (importFileKind(file.name) !== null) {
        throw new HostProblem(
          `${file.name} is a data file, not a project: use Import data to read it`
        )
      }
      const project = projectFromJson(decodeText(file.bytes), file.name)
      if (!project.ok) throw new HostProblem(project.message)
      documentName = file.name
      return { project: project.value, document: { name: file.name }, warnings: project.notes }
    },
    async chooseImportFile(): Promise<ImportFile | null> {
      const file = await pick(IMPORT_ACCEPT, MAX_IMPORT_BYTES)
      if (file === null) return null
      // the file is not the document yet: the renderer replaces the project (and calls newDocument) on import
      return { name: file.name, bytesBase64: bytesToBase64(file.bytes) }
    },
    saveProject({ project, saveAs }): DocumentInfo {
      // No save dialog to ask with: Save as proposes a name from the title (the browser may still ask where).
      const name = saveAs || documentName === null ? projectFileName(project.title) : documentName
      const json = `${JSON.stringify(project, null, 2)}\n`
      env.download(name, new Blob([json], { type: 'application/json' }))
      documentName = name
      return { name }
    },
    newDocument(): null {
      documentName = null
      return null
    },
    exportReportPdf(): never {
      // pdfkit and the embedded fonts are Node-side; the HTML report prints to PDF from the browser instead
      throw new HostProblem(
        'the web version writes the report as HTML: export the report, open it and print it to PDF ' +
          '(the desktop app and `opentsa report --out report.pdf` write the PDF directly)',
        'invalidRequest'
      )
    },
    exportFile(file): DocumentInfo {
      env.download(file.suggestedName, exportBlob(file))
      return { name: file.suggestedName }
    },
    setDocumentState({ title, dirty }): null {
      env.setTitle(`${title}${dirty ? ' •' : ''} — OpenTSA`)
      return null
    },
    confirmDiscard({ reason }) {
      return env.confirm(discardQuestion(reason)) ? 'discard' : 'cancel'
    },
    autosave(project): null {
      if (project === null) {
        env.storage.removeItem(RECOVERY_KEY)
      } else {
        const work: RecoveredWork = {
          project,
          savedAt: env.now().toISOString(),
          document: documentName === null ? null : { name: documentName }
        }
        env.storage.setItem(RECOVERY_KEY, JSON.stringify(work))
      }
      return null
    },
    recovery(): RecoveredWork | null {
      const stored = env.storage.getItem(RECOVERY_KEY)
      if (stored === null) return null
      const work = readRecovery(stored)
      if (work === null) env.storage.removeItem(RECOVERY_KEY) // unreadable: offering it again would not help
      return work
    },
    recentDocuments: () => [],
    print(): null {
      env.print()
      return null
    },
    closeWindow: () => null // a page cannot close its own tab
  }

  const answer = async <K extends DocumentRequestName>(
    name: K,
    payload: unknown
  ): Promise<Result<Requests[K]['res']>> => {
    // The same parsers as main: the page is the renderer's own, but the contract is checked alike in both hosts.
    const parsed = PARSERS[name](payload)
    if (!parsed.ok) return parsed
    try {
      const handle = handlers[name] as (req: unknown) => unknown
      return { ok: true, value: (await handle(parsed.value)) as Requests[K]['res'] }
    } catch (err) {
      if (err instanceof HostProblem) {
        const { code, message, field } = err
        return {
          ok: false,
          error: field === undefined ? { code, message } : { code, message, field }
        }
      }
      // e.g. a full or blocked localStorage (QuotaExceededError, SecurityError)
      return {
        ok: false,
        error: { code: 'internal', message: err instanceof Error ? err.message : String(err) }
      }
    }
  }

  return Object.fromEntries(
    (Object.keys(handlers) as DocumentRequestName[]).map((name) => [
      name,
      (payload: unknown) => answer(name, payload)
    ])
  ) as unknown as DocumentRequests
}

/** The real browser pieces: a hidden file input, an anchor download, document.title, window.confirm, localStorage. */
export function browserDocumentEnv(): DocumentHostEnv {
  return {
    pickFile(accept) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input')
        input.type = 'file'
        input.accept = accept
        input.hidden = true
        const done = (): void => input.remove()
        input.addEventListener('change', () => {
          const file = input.files?.[0]
          done()
          if (file === undefined) {
            resolve(null)
            return
          }
          file.arrayBuffer().then(
            (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
            (err: unknown) => reject(err instanceof Error ? err : new Error(String(err)))
          )
        })
        // Chromium and Firefox fire 'cancel' when the dialog is closed without a file.
        input.addEventListener('cancel', () => {
          done()
          resolve(null)
        })
        document.body.append(input)
        input.click()
      })
    },
    download(name, data) {
      const url = URL.createObjectURL(data)
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.hidden = true
      document.body.append(a)
      a.click()
      a.remove()
      // revoked later: the browser reads the blob after click() returns
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    },
    setTitle(title) {
      document.title = title
    },
    confirm: (message) => window.confirm(message),
    print: () => window.print(),
    // looked up on each call: a browser that blocks storage throws there, as an error Result rather than at start
    storage: {
      getItem: (key) => window.localStorage.getItem(key),
      setItem: (key, value) => window.localStorage.setItem(key, value),
      removeItem: (key) => window.localStorage.removeItem(key)
    },
    now: () => new Date()
  }
}
