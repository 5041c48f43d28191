// The ONE renderer ↔ main contract. Runtime content: two const objects (channel names); everything else is erased,
// so the sandboxed preload can bundle this file without pulling in any engine code.
import type {
  BoundaryRequest,
  BoundaryResult,
  EngineError,
  RisRequest,
  RisResult,
  SimulationRequest,
  SimulationSummary,
  TsaResult
} from '@engine'
import type { ProjectFile } from '../projectFile'

/**
 * Failures that happen at the IPC edge, before or around the engine. `engineCrashed`: the engine worker died (or
 * could not start) while the request was pending; `engineTimeout`: it did not answer in time and was restarted.
 * `cancelled`: the renderer stopped a simulation with cancelSimulation. `invalidFile`: a file the user chose is not a project (or data) the app can read; `fileError`: the file system
 * refused (missing file, no permission, disk full). Both messages name the file.
 */
export type BridgeErrorCode =
  | 'invalidRequest'
  | 'untrustedSender'
  | 'internal'
  | 'engineCrashed'
  | 'engineTimeout'
  | 'invalidFile'
  | 'fileError'
  /** the renderer cancelled the run (cancelSimulation) */
  | 'cancelled'

/**
 * An engine error (passed through unchanged) or an edge error. Plain JSON: it crosses IPC as data.
 * `field` names the request field at fault when there is one (e.g. "alpha", "informationFractions[2]").
 */
export type BridgeError = EngineError | { code: BridgeErrorCode; message: string; field?: string }

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export interface AppInfo {
  name: string
  version: string
  /** which host runs the renderer: the Electron app (native menus, dialogs) or the static web build */
  host?: 'desktop' | 'web'
}

// ---- documents and files ----
// Main (or the web host) owns every path: the renderer never sends one. It names what it wants ("the current
// document", "recent entry 2", "a file the user picks"), and the host shows the dialog and does the writing.

/** What the renderer may know about the open document: a name to show, never a path it could write to. */
export interface DocumentInfo {
  /** file name to show in the title and menus, e.g. "perioOxy.opentsa.json" */
  name: string
}

/** A project read from disk (Open, Open Recent). */
export interface OpenedProject {
  project: ProjectFile
  /** the file it is now bound to (Save writes there) */
  document: DocumentInfo | null
  /** what could not be carried over; empty for a project file */
  warnings: string[]
}

/**
 * A file the user picked for Import data: its name (no folders) and its bytes, base64 because the contract carries
 * JSON only. The renderer's import wizard reads it (tables, workbooks, RevMan files, .TSA); the host only picks and
 * reads, so a path never reaches the renderer.
 */
export interface ImportFile {
  name: string
  bytesBase64: string
}

export type FigureFormat = 'png' | 'svg' | 'pdf'

/** A file the renderer produced (figure, results CSV, report) for the host to write where the user chooses. */
export interface ExportFileRequest {
  /** html: the standalone report (shared/report/renderHtml.ts) */
  kind: FigureFormat | 'csv' | 'html'
  /** proposed file name only (no folders): the user picks the place in a save dialog */
  suggestedName: string
  /** text for svg/csv/html, base64 for png/pdf */
  content: string
  encoding: 'utf8' | 'base64'
}

/** Why the renderer asks before replacing the open project. */
export type DiscardReason = 'new' | 'open' | 'import' | 'close' | 'restore'
export type DiscardChoice = 'save' | 'discard' | 'cancel'

/** The unsaved work kept by autosave, offered back after a crash. */
export interface RecoveredWork {
  project: ProjectFile
  /** ISO 8601 time of the autosave */
  savedAt: string
  /** the document it belonged to, if it had been saved before */
  document: DocumentInfo | null
}

/** Commands of the native menu (desktop) or the in-page File toolbar and shortcuts (web), run by the renderer. */
export type MenuCommand =
  | { command: 'new' | 'open' | 'save' | 'saveAs' | 'import' | 'exportResults' | 'print' }
  /** the full report as one HTML file (File → Export Report) */
  | { command: 'exportReport' }
  /** the full report as a PDF (desktop: drawn by main, headless, as `opentsa report` does) */
  | { command: 'exportReportPdf' }
  /** Help → How to cite: the dialog with the citation text */
  | { command: 'howToCite' }
  | { command: 'openRecent'; index: number }
  | { command: 'exportFigure'; format: FigureFormat; dpi?: 300 | 600 }
  | { command: 'undo' | 'redo' }
  /** the window is closing with unsaved changes and the user chose Save: save, then call closeWindow */
  | { command: 'saveAndClose' }

/** renderer → main: one request object in, one result out. */
export interface Requests {
  /** The full analysis of a project (the on-disk format, validated by parseProjectFile). Runs in a worker. */
  runTsa: { req: ProjectFile; res: TsaResult }
  computeBoundaries: { req: BoundaryRequest; res: BoundaryResult }
  computeRequiredInformationSize: { req: RisRequest; res: RisResult }
  appInfo: { req: null; res: AppInfo }

  /** Open dialog (or recent entry `recent`, an index into recentDocuments); null when the user cancels. */
  openProject: { req: { recent?: number } | null; res: OpenedProject | null }
  /**
   * Import dialog for every file Import data reads (CSV, TSV, xlsx, RevMan .rm5 and data package .zip, CTU .TSA):
   * the file for the import wizard, at most 50 MB. null when cancelled.
   */
  chooseImportFile: { req: null; res: ImportFile | null }
  /** Writes the project to the current document (atomically), or asks where when there is none or saveAs. */
  saveProject: { req: { project: ProjectFile; saveAs: boolean }; res: DocumentInfo | null }
  /** Forgets the current document (File → New): the next Save asks where. */
  newDocument: { req: null; res: null }
  /** Save dialog for a figure or the results CSV, then an atomic write. null when cancelled. */
  exportFile: { req: ExportFileRequest; res: DocumentInfo | null }
  /** The title and dirty mark the window shows; also what the close prompt relies on. */
  setDocumentState: { req: { title: string; dirty: boolean }; res: null }
  /** Asks whether to save the open project's changes before `reason` (native message box on the desktop). */
  confirmDiscard: { req: { reason: DiscardReason }; res: DiscardChoice }
  /** Keeps the unsaved project in the recovery file (null: clear it, e.g. after a save or a deliberate discard). */
  autosave: { req: ProjectFile | null; res: null }
  /** The autosaved project left by a session that did not end cleanly, or null. */
  recovery: { req: null; res: RecoveredWork | null }
  recentDocuments: { req: null; res: DocumentInfo[] }
  print: { req: null; res: null }
  /**
   * The full report as a PDF: main analyses the project in the engine worker and draws the report headless (the
   * same recipe as `opentsa report`), then asks where to save it. Desktop only: the web host answers with an error.
   */
  exportReportPdf: {
    req: {
      project: ProjectFile
      dataExclusions: { trial: string; reason: string }[]
      suggestedName: string
    }
    res: DocumentInfo | null
  }
  /** Closes the window after saveAndClose (the close prompt is not shown again). */
  closeWindow: { req: null; res: null }
  /**
   * The teaching simulator, in a worker of its own (never the analysis queue): `id`, chosen by the renderer, names
   * the run in its simulationProgress events and in cancelSimulation. A cancelled run answers { code: 'cancelled' }.
   */
  simulate: { req: SimulationRequest & { id: string }; res: SimulationSummary }
  /** Stops the simulation `id` of this window (nothing happens when it has already finished). */
  cancelSimulation: { req: { id: string }; res: null }
}

/** The requests the engine answers; the others are document and window requests of the host itself. */
export const ENGINE_REQUESTS = [
  'runTsa',
  'computeBoundaries',
  'computeRequiredInformationSize',
  'appInfo'
] as const satisfies readonly (keyof Requests)[]

/** main → renderer pushes. */
export interface Events {
  /** a native menu item or accelerator; the renderer runs it (it owns the project and the dirty state) */
  menuCommand: MenuCommand
  /** the running totals of simulation `id`, at most about ten a second while it runs */
  simulationProgress: { id: string; summary: SimulationSummary }
}

export const REQUEST_CHANNELS = {
  runTsa: 'tsa:req/runTsa',
  computeBoundaries: 'tsa:req/computeBoundaries',
  computeRequiredInformationSize: 'tsa:req/computeRequiredInformationSize',
  appInfo: 'tsa:req/appInfo',
  openProject: 'tsa:req/openProject',
  chooseImportFile: 'tsa:req/chooseImportFile',
  saveProject: 'tsa:req/saveProject',
  newDocument: 'tsa:req/newDocument',
  exportFile: 'tsa:req/exportFile',
  setDocumentState: 'tsa:req/setDocumentState',
  confirmDiscard: 'tsa:req/confirmDiscard',
  autosave: 'tsa:req/autosave',
  recovery: 'tsa:req/recovery',
  recentDocuments: 'tsa:req/recentDocuments',
  print: 'tsa:req/print',
  exportReportPdf: 'tsa:req/exportReportPdf',
  closeWindow: 'tsa:req/closeWindow',
  simulate: 'tsa:req/simulate',
  cancelSimulation: 'tsa:req/cancelSimulation'
} as const satisfies { [K in keyof Requests]: `tsa:req/${K & string}` } // missing/extra/misspelt → compile error

export const EVENT_CHANNELS = {
  menuCommand: 'tsa:evt/menuCommand',
  simulationProgress: 'tsa:evt/simulationProgress'
} as const satisfies {
  [K in keyof Events]: `tsa:evt/${K & string}`
}

/** What preload exposes as window.tsa, and what src/web/installWorkerBridge.ts installs in a plain browser. */
export type TsaBridge = {
  readonly [K in keyof Requests]: (req: Requests[K]['req']) => Promise<Result<Requests[K]['res']>>
} & {
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void
}
