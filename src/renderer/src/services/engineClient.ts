// The only module that reads window.tsa. It sends plain data and unwraps Result: callers get values or an
// EngineFailure. Type-only imports from @engine: no engine code enters the renderer bundle.
import type {
  BoundaryRequest,
  BoundaryResult,
  RisRequest,
  RisResult,
  SimulationRequest,
  SimulationSummary,
  TsaResult
} from '@engine'
import type {
  AppInfo,
  DiscardChoice,
  DiscardReason,
  DocumentInfo,
  ExportFileRequest,
  ImportFile,
  MenuCommand,
  OpenedProject,
  RecoveredWork,
  Requests,
  Result
} from '@shared/ipc/contract'
import type { ProjectFile } from '@shared/projectFile'

/** A request the host (engine, dialogs, files) answered with an error; `code` is the contract's error code. */
export class EngineFailure extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'EngineFailure'
  }
}

/**
 * Vue proxies, even nested ones, make IPC's structured clone throw ("could not be cloned"). A JSON round-trip strips
 * them and also enforces the JSON-only DTO rule. Use toRaw() instead only for flat, known-raw objects.
 */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new EngineFailure(result.error.code, result.error.message)
  return result.value
}

/** One request of the contract: plain data out, the value (or an EngineFailure) back. */
async function request<K extends keyof Requests>(
  name: K,
  req: Requests[K]['req']
): Promise<Requests[K]['res']> {
  // TypeScript cannot resolve TsaBridge[K] to one signature for a generic K; this is that signature.
  const send = window.tsa[name] as (req: Requests[K]['req']) => Promise<Result<Requests[K]['res']>>
  return valueOf(await send(plain(req)))
}

// ---- the engine ----

export const appInfo = (): Promise<AppInfo> => request('appInfo', null)

export const computeBoundaries = (req: BoundaryRequest): Promise<BoundaryResult> =>
  request('computeBoundaries', req)

export const computeRequiredInformationSize = (req: RisRequest): Promise<RisResult> =>
  request('computeRequiredInformationSize', req)

/** The full analysis of a project (runs in the engine worker of either host). */
export const runTsa = (project: ProjectFile): Promise<TsaResult> => request('runTsa', project)

/** A simulation under way: its final summary (an EngineFailure with code 'cancelled' when cancelled), and cancel. */
export interface SimulationRun {
  id: string
  done: Promise<SimulationSummary>
  cancel(): Promise<void>
}

let simulationCount = 0

/**
 * The teaching simulator, in a worker of its own in either host: `onProgress` gets the running totals (about ten a
 * second) until `done` settles. The run id only has to be unique within this page.
 */
export function simulate(
  req: SimulationRequest,
  onProgress: (partial: SimulationSummary) => void
): SimulationRun {
  const id = `sim-${Date.now().toString(36)}-${++simulationCount}`
  const unsubscribe = window.tsa.on('simulationProgress', (event) => {
    if (event.id === id) onProgress(event.summary)
  })
  const done = request('simulate', { ...req, id }).finally(unsubscribe)
  return {
    id,
    done,
    cancel: async () => {
      await request('cancelSimulation', { id })
    }
  }
}

// ---- documents, files and the window (the host shows the dialogs and owns every path) ----

/** The Open dialog, or recent document `recent`; null when the user cancels. */
export const openProject = (recent?: number): Promise<OpenedProject | null> =>
  request('openProject', recent === undefined ? null : { recent })

/** The Import dialog: the picked file's name and bytes (base64) for the import wizard, or null when cancelled. */
export const chooseImportFile = (): Promise<ImportFile | null> => request('chooseImportFile', null)

/** Writes the project to its document (or where the user picks); null when cancelled. */
export const saveProject = (project: ProjectFile, saveAs: boolean): Promise<DocumentInfo | null> =>
  request('saveProject', { project, saveAs })

/** The host forgets the current document: the next Save asks where. */
export const newDocument = async (): Promise<void> => {
  await request('newDocument', null)
}

/** A figure or CSV handed to the host to be written where the user picks; null when cancelled. */
export const exportFile = (file: ExportFileRequest): Promise<DocumentInfo | null> =>
  request('exportFile', file)

/** The full report as a PDF, drawn by the desktop host (analysis included); null when the user cancels. */
export const exportReportPdf = (req: {
  project: ProjectFile
  dataExclusions: { trial: string; reason: string }[]
  suggestedName: string
}): Promise<DocumentInfo | null> => request('exportReportPdf', req)

export const setDocumentState = async (title: string, dirty: boolean): Promise<void> => {
  await request('setDocumentState', { title, dirty })
}

export const confirmDiscard = (reason: DiscardReason): Promise<DiscardChoice> =>
  request('confirmDiscard', { reason })

/** Keeps the unsaved project for recovery; null clears what was kept. */
export const autosave = async (project: ProjectFile | null): Promise<void> => {
  await request('autosave', project)
}

export const recovery = (): Promise<RecoveredWork | null> => request('recovery', null)

export const recentDocuments = (): Promise<DocumentInfo[]> => request('recentDocuments', null)

export const print = async (): Promise<void> => {
  await request('print', null)
}

export const closeWindow = async (): Promise<void> => {
  await request('closeWindow', null)
}

/** Native menu commands (desktop); returns the unsubscribe function. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.tsa.on('menuCommand', listener)
}
