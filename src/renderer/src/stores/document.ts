// The open document around the project: its name, whether it is saved, and every File command (New, Open, Save,
// Import, Export, Print, recovery). The commands of the in-page toolbar, the web shortcuts and the desktop's native
// menus all end here, so each runs one way. The host (main, or the web page) shows the dialogs and owns the paths;
// this store decides when to ask, what to send, and what the user is told. No command throws: a failure becomes
// the `error` line.
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { TsaResult } from '@engine'
import type {
  DiscardReason,
  DocumentInfo,
  ExportFileRequest,
  MenuCommand,
  RecoveredWork
} from '@shared/ipc/contract'
import { base64ToBytes, bytesToBase64, decodeText } from '@shared/io/fileBytes'
import { projectStem } from '@shared/io/fileNames'
import { importDataText } from '@shared/io/documentText'
import { importFileKind } from '@shared/io/importFiles'
import { resultsCsv } from '@shared/io/resultsCsv'
import { figureChartOptions, figureSizeMm } from '@shared/figure/figureOptions'
import { figureSizeFromMm } from '@shared/figure/figureSize'
import { renderSvg } from '@shared/figure/svg'
import { tsaFigureScene } from '@shared/figure/tsaFigure'
import type { ProjectFile } from '@shared/projectFile'
import { buildReport } from '@shared/report/buildReport'
import { renderReportHtml } from '@shared/report/renderHtml'
import { exportPdf, exportPng, exportSvg } from '../charts/exportFigure'
import { useHowToCite } from '../composables/useHowToCite'
import * as engineClient from '../services/engineClient'
import { emptyProject, useProjectStore } from './project'

/** The unsaved project is kept for recovery this long after the last edit (a burst of typing writes once). */
export const AUTOSAVE_DELAY_MS = 2000

export type FigureChoice = { format: 'png'; dpi: 300 | 600 } | { format: 'svg' } | { format: 'pdf' }

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export { bytesToBase64 } from '@shared/io/fileBytes'

/** A file on its way into the import wizard: picked in the host's Import dialog, or dropped on the window. */
export interface ImportingFile {
  name: string
  bytes: Uint8Array
}

/** What the import wizard hands back: the new project and what the import could not carry over. */
export interface ImportedData {
  project: ProjectFile
  warnings: string[]
}

/**
 * The report's chart: the headless figure (shared/figure) with the project's figure settings, the same drawing as
 * `opentsa report` and `opentsa plot`, so a report reads alike from either. null if it cannot be drawn: the report
 * says so and is written all the same.
 */
export function reportFigureSvg(
  result: TsaResult,
  project: Pick<ProjectFile, 'outcome' | 'figure'>
): string | null {
  try {
    const scene = tsaFigureScene({
      result,
      options: figureChartOptions(project),
      size: figureSizeMm(project)
    })
    return renderSvg(scene, { idPrefix: 'report-figure' })
  } catch {
    return null
  }
}

/**
 * A figure of the chart as a file for the host: SVG as text, PNG and PDF as base64 (charts/exportFigure.ts draws),
 * with the project's figure settings (titles, labels, colours, size; a double journal column by default).
 */
export async function figureFile(
  result: TsaResult,
  figure: FigureChoice,
  stem: string,
  project: Pick<ProjectFile, 'outcome' | 'figure'>
): Promise<ExportFileRequest> {
  const mm = figureSizeMm(project)
  const size = figureSizeFromMm(mm.widthMm, mm.heightMm)
  const options = figureChartOptions(project)
  switch (figure.format) {
    case 'svg':
      return {
        kind: 'svg',
        suggestedName: `${stem}-chart.svg`,
        content: await exportSvg(result, options, size),
        encoding: 'utf8'
      }
    case 'pdf':
      return {
        kind: 'pdf',
        suggestedName: `${stem}-chart.pdf`,
        content: bytesToBase64(new Uint8Array(await exportPdf(result, options, size))),
        encoding: 'base64'
      }
    case 'png': {
      const png = await exportPng(result, options, { ...size, dpi: figure.dpi })
      return {
        kind: 'png',
        suggestedName: `${stem}-chart-${figure.dpi}dpi.png`,
        content: bytesToBase64(new Uint8Array(await png.arrayBuffer())),
        encoding: 'base64'
      }
    }
  }
}

export interface ReportRequest {
  /** the project as analysed (the grid's invalid rows left out) and what was left out */
  project: ProjectFile
  dataExclusions: readonly { trial: string; reason: string }[]
  result: TsaResult
  version: string
  stem: string
  generatedAt: Date
  /** the chart as SVG; null when it could not be drawn (the report says so and is written all the same) */
  svg: string | null
}

/**
 * The full report as one standalone HTML file for the host (shared/report): every setting, the chart, the results,
 * the per-look table, the methods paragraph with references, the version. The user can print it, or print it to
 * PDF, from any browser; `opentsa report --out report.pdf` writes the PDF directly.
 */
export function reportFile(request: ReportRequest): ExportFileRequest {
  const model = buildReport(request.project, request.result, {
    version: request.version,
    generatedAt: request.generatedAt,
    dataExclusions: request.dataExclusions
  })
  return {
    kind: 'html',
    suggestedName: `${request.stem}-report.html`,
    content: renderReportHtml(model, request.svg),
    encoding: 'utf8'
  }
}

export const useDocumentStore = defineStore('document', () => {
  const store = useProjectStore()

  /** The file the project is bound to (Save writes there); null: untitled. */
  const current = ref<DocumentInfo | null>(null)
  /** The project came from no file of its own (an import, recovered work): unsaved even before any edit. */
  const loadedUnsaved = ref(false)
  /** What the last command did (polite status line), and what went wrong (alert line). */
  const notice = ref('')
  const error = ref('')
  /** Work an earlier session left unsaved, offered back until the user restores or discards it. */
  const recovered = shallowRef<RecoveredWork | null>(null)

  const dirty = computed(() => store.dirty || loadedUnsaved.value)
  /** What the window title and the header show. */
  const title = computed(() => current.value?.name ?? (store.project.title.trim() || 'Untitled'))
  /** The start of exported files' names: "perioOxy" for perioOxy.opentsa.json. */
  const fileStem = computed(() =>
    projectStem(current.value?.name ?? null, store.project.title, 'opentsa')
  )

  /** Runs a command with a fresh status; any failure becomes the alert line, prefixed with `failure`. */
  async function command<T>(failure: string, run: () => Promise<T>): Promise<T | undefined> {
    notice.value = ''
    error.value = ''
    try {
      return await run()
    } catch (err) {
      error.value = `${failure}: ${messageOf(err)}`
      return undefined
    }
  }

  // ---- autosave (while dirty, a while after the last edit) ----

  let autosaveTimer: ReturnType<typeof setTimeout> | null = null
  /** This session wrote to the recovery store, so a clean project must clear it. */
  let autosaved = false

  function cancelAutosave(): void {
    if (autosaveTimer !== null) clearTimeout(autosaveTimer)
    autosaveTimer = null
  }

  /** Writes the pending autosave now (the timer's end, or the page going away). */
  async function flushAutosave(): Promise<void> {
    if (autosaveTimer === null) return
    cancelAutosave()
    if (!dirty.value) return
    try {
      await engineClient.autosave(store.project)
      autosaved = true
    } catch (err) {
      error.value = `Autosave failed: ${messageOf(err)}`
    }
  }

  async function clearAutosave(): Promise<void> {
    cancelAutosave()
    autosaved = false
    try {
      await engineClient.autosave(null)
    } catch (err) {
      error.value = `The autosaved copy could not be removed: ${messageOf(err)}`
    }
  }

  /** Call on every change of the project or of `dirty`: restarts the autosave delay, or clears a stale copy. */
  function projectChanged(): void {
    if (dirty.value) {
      cancelAutosave()
      autosaveTimer = setTimeout(() => void flushAutosave(), AUTOSAVE_DELAY_MS)
    } else if (autosaved || autosaveTimer !== null) {
      void clearAutosave() // undone back to the saved state: nothing is left to recover
    }
  }

  // ---- replacing the project ----

  /** Asks before the unsaved project is replaced; true when the command may go on. */
  async function confirmReplace(reason: DiscardReason): Promise<boolean> {
    if (!dirty.value) return true
    const choice = await engineClient.confirmDiscard(reason)
    if (choice === 'save') return save(false) // a cancelled or failed save stops the command
    return choice === 'discard'
  }

  /**
   * Makes `project` the open project. Without a document the host must forget the one it had, or Save would
   * overwrite that file with this project.
   */
  async function replaceProject(
    project: ProjectFile,
    document: DocumentInfo | null,
    unsaved: boolean
  ): Promise<void> {
    if (document === null) await engineClient.newDocument()
    cancelAutosave()
    store.loadProject(project)
    current.value = document
    loadedUnsaved.value = unsaved
  }

  const newProject = (): Promise<void> =>
    command('Could not start a new project', async () => {
      if (!(await confirmReplace('new'))) return
      await replaceProject(emptyProject(), null, false)
    })

  const open = (recent?: number): Promise<void> =>
    command('Could not open the project', async () => {
      if (!(await confirmReplace('open'))) return
      const opened = await engineClient.openProject(recent)
      if (opened === null) return
      await replaceProject(opened.project, opened.document, false)
      notice.value = `Opened ${opened.document?.name ?? 'the project'}.`
    })

  // ---- import (the wizard in components/import reads the file; this store replaces the project) ----

  /** The file the import wizard shows; null while there is none. */
  const importing = shallowRef<ImportingFile | null>(null)

  /**
   * Hands a file to the import wizard (its size was checked by the host's dialog or the drop). A CTU .TSA file needs
   * no choices: it goes straight through its reader (the
   * wizard shows it only when it cannot be read, with the reason).
   */
  async function beginImport(file: ImportingFile): Promise<void> {
    notice.value = ''
    error.value = ''
    if (importFileKind(file.name) === 'tsa') {
      const read = importDataText(decodeText(file.bytes), file.name)
      if (read.ok) {
        await finishImport({ project: read.value, warnings: read.notes })
        return
      }
    }
    importing.value = file
  }

  /** Import data…: the host's dialog picks the file, then the wizard. */
  const importData = (): Promise<void> =>
    command('Could not import the data', async () => {
      const file = await engineClient.chooseImportFile()
      if (file === null) return
      await beginImport({ name: file.name, bytes: base64ToBytes(file.bytesBase64) })
    })

  /**
   * The wizard's result replaces the project, after the usual question about unsaved work (asked now, when the
   * project is about to go; a cancel keeps the wizard open). True when the project was replaced.
   */
  async function finishImport(imported: ImportedData): Promise<boolean> {
    const done = await command('Could not import the data', async () => {
      if (!(await confirmReplace('import'))) return false
      // An import exists on no disk yet: it stays unsaved (and untitled) until the user saves it.
      await replaceProject(imported.project, null, true)
      importing.value = null
      const n = imported.project.trials.length
      notice.value = [
        `Imported ${n} ${n === 1 ? 'trial' : 'trials'}.`,
        ...imported.warnings.map((w) => `Note: ${w}.`)
      ].join(' ')
      return true
    })
    return done === true
  }

  function cancelImport(): void {
    importing.value = null
  }

  /** A bundled example: like opening a file, but it is bound to no document. */
  const loadExample = (project: ProjectFile, title: string): Promise<void> =>
    command(`Could not load the example "${title}"`, async () => {
      if (!(await confirmReplace('open'))) return
      await replaceProject(project, null, false)
    })

  // ---- saving ----

  /** Save (or Save as); true when the project was written. */
  async function save(saveAs: boolean): Promise<boolean> {
    const saved = await command('Could not save the project', async () => {
      // What is sent is compared afterwards: an edit made while the dialog was open keeps the project dirty.
      const sent = JSON.stringify(store.project)
      const document = await engineClient.saveProject(JSON.parse(sent) as ProjectFile, saveAs)
      if (document === null) return false
      current.value = document
      if (JSON.stringify(store.project) === sent) {
        store.markSaved()
        loadedUnsaved.value = false
        await clearAutosave()
      }
      notice.value = `Saved ${document.name}.`
      return true
    })
    return saved === true
  }

  async function saveAndClose(): Promise<void> {
    if (!(await save(false))) return // cancelled or failed: the window stays open
    await command('Could not close the window', () => engineClient.closeWindow())
  }

  // ---- exports and print ----

  async function exportFile(
    failure: string,
    build: () => Promise<ExportFileRequest>
  ): Promise<void> {
    await command(failure, async () => {
      const written = await engineClient.exportFile(await build())
      if (written !== null) notice.value = `Exported ${written.name}.`
    })
  }

  const noResults = (): Error =>
    new Error('there are no results yet; enter at least one complete trial')

  const exportFigure = (result: TsaResult | null, figure: FigureChoice): Promise<void> =>
    exportFile('Could not export the figure', async () => {
      if (result === null) throw noResults()
      return figureFile(result, figure, fileStem.value, store.project)
    })

  const exportResults = (result: TsaResult | null): Promise<void> =>
    exportFile('Could not export the results', async () => {
      if (result === null) throw noResults()
      return {
        kind: 'csv',
        suggestedName: `${fileStem.value}-results.csv`,
        content: resultsCsv(result),
        encoding: 'utf8'
      }
    })

  const exportReport = (result: TsaResult | null): Promise<void> =>
    exportFile('Could not export the report', async () => {
      if (result === null) throw noResults()
      const { project, excluded } = store.projectForAnalysis
      const info = await engineClient.appInfo()
      return reportFile({
        project,
        dataExclusions: excluded,
        result,
        version: info.version,
        stem: fileStem.value,
        generatedAt: new Date(),
        svg: reportFigureSvg(result, project)
      })
    })

  /** Which host runs the page (set once appInfo answers): the PDF report is a desktop command. */
  const host = ref<'desktop' | 'web' | null>(null)

  const exportReportPdf = (result: TsaResult | null): Promise<void> =>
    command('Could not export the report', async () => {
      if (result === null) throw noResults()
      const { project, excluded } = store.projectForAnalysis
      const written = await engineClient.exportReportPdf({
        project,
        dataExclusions: excluded.map(({ trial, reason }) => ({ trial, reason })),
        suggestedName: `${fileStem.value}-report.pdf`
      })
      if (written !== null) notice.value = `Exported ${written.name}.`
    })

  const print = (): Promise<void> => command('Could not print', () => engineClient.print())

  function undoRedo(kind: 'undo' | 'redo'): void {
    const done = kind === 'undo' ? store.undo() : store.redo()
    error.value = ''
    notice.value = done ? (kind === 'undo' ? 'Undone.' : 'Redone.') : `Nothing to ${kind}.`
  }

  // ---- recovery ----

  async function checkRecovery(): Promise<void> {
    try {
      recovered.value = await engineClient.recovery()
    } catch (err) {
      error.value = `The recovered work could not be read: ${messageOf(err)}`
    }
  }

  const restoreRecovered = (): Promise<void> =>
    command('Could not restore the recovered work', async () => {
      const work = recovered.value
      if (work === null || !(await confirmReplace('restore'))) return
      await replaceProject(work.project, null, true)
      recovered.value = null
      notice.value = 'The recovered work is back. Save it to keep it.'
    })

  async function discardRecovered(): Promise<void> {
    recovered.value = null
    // Work edited since the start is the current autosave: only a clean project's copy is stale.
    if (!dirty.value) await clearAutosave()
  }

  // ---- menus and shortcuts ----

  /** Runs a command of the native menu, the web shortcuts or the toolbar. */
  async function run(menu: MenuCommand, result: TsaResult | null): Promise<void> {
    switch (menu.command) {
      case 'new':
        return newProject()
      case 'open':
        return open()
      case 'openRecent':
        return open(menu.index)
      case 'save':
      case 'saveAs':
        await save(menu.command === 'saveAs')
        return
      case 'import':
        return importData()
      case 'exportResults':
        return exportResults(result)
      case 'exportReport':
        return exportReport(result)
      case 'exportReportPdf':
        return exportReportPdf(result)
      case 'howToCite':
        useHowToCite().show()
        return
      case 'exportFigure':
        return exportFigure(
          result,
          menu.format === 'png' ? { format: 'png', dpi: menu.dpi ?? 300 } : { format: menu.format }
        )
      case 'print':
        return print()
      case 'undo':
      case 'redo':
        return undoRedo(menu.command)
      case 'saveAndClose':
        return saveAndClose()
    }
  }

  return {
    current,
    notice,
    error,
    recovered,
    dirty,
    title,
    fileStem,
    newProject,
    open,
    importing,
    importData,
    beginImport,
    finishImport,
    cancelImport,
    loadExample,
    save,
    saveAndClose,
    exportFigure,
    exportResults,
    exportReport,
    exportReportPdf,
    host,
    print,
    checkRecovery,
    restoreRecovered,
    discardRecovered,
    projectChanged,
    flushAutosave,
    run
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDocumentStore, import.meta.hot))
