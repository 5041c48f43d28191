import { computeBoundaries, requiredInformationSize } from '@engine'
import { EVENT_CHANNELS, type AppInfo } from '@shared/ipc/contract'
import type { SimulationHost } from '@shared/ipc/simulationHost'
import { analysisInput } from '@shared/projectFile'
import type { DocumentRequests, DocumentWindow } from '../documents/documentService'
import type { EngineHost } from '../engineHost'
import { unwrap } from './failure'
import type { Handlers, RequestSender } from './register'

/**
 * The request handlers. Inputs were already parsed by PARSERS; engine failures become RequestFailure and reach the
 * renderer as { ok: false, error } with the engine's own code. The full analysis runs in the engine worker
 * (engineHost.ts); boundaries and the RIS take milliseconds and run inline. Document and window requests go to the
 * document service (documents/documentService.ts) with the window they came from. Simulations run in worker threads
 * of their own (simulationHost); their progress goes back to the window that asked, and only that window can cancel
 * them (runs are keyed by its WebContents id).
 */
export function createHandlers(
  appInfo: AppInfo,
  engine: Pick<EngineHost, 'run'>,
  documents: DocumentRequests,
  windowOf: (sender: RequestSender) => DocumentWindow,
  simulations: Pick<SimulationHost, 'run' | 'cancel'>,
  /** where the report's embedded font is (resources/ beside the app); unset: the CLI's own location */
  reportFontDir?: URL
): Handlers {
  const runKey = (sender: RequestSender, id: string): string => `${sender.id}:${id}`
  return {
    runTsa: async (project) => unwrap(await engine.run('runTsa', analysisInput(project))),
    computeBoundaries: async (req) => unwrap(computeBoundaries(req)),
    computeRequiredInformationSize: async (req) => unwrap(requiredInformationSize(req)),
    appInfo: async () => ({ ...appInfo, host: 'desktop' }),
    openProject: (req, sender) => documents.openProject(req, windowOf(sender)),
    chooseImportFile: (req, sender) => documents.chooseImportFile(req, windowOf(sender)),
    saveProject: (req, sender) => documents.saveProject(req, windowOf(sender)),
    newDocument: (req, sender) => documents.newDocument(req, windowOf(sender)),
    exportFile: (req, sender) => documents.exportFile(req, windowOf(sender)),
    setDocumentState: (req, sender) => documents.setDocumentState(req, windowOf(sender)),
    confirmDiscard: (req, sender) => documents.confirmDiscard(req, windowOf(sender)),
    autosave: (req, sender) => documents.autosave(req, windowOf(sender)),
    recovery: (req, sender) => documents.recovery(req, windowOf(sender)),
    recentDocuments: (req, sender) => documents.recentDocuments(req, windowOf(sender)),
    print: (req, sender) => documents.print(req, windowOf(sender)),
    exportReportPdf: async ({ project, dataExclusions, suggestedName }, sender) => {
      const result = unwrap(await engine.run('runTsa', analysisInput(project)))
      const meta = { version: appInfo.version, generatedAt: new Date(), dataExclusions }
      // pdfkit, the fonts and the report code load on the first export, not at start-up
      const [{ projectReport }, { useFigureFontDir }] = await Promise.all([
        import('../../cli/report/projectReport'),
        import('../../cli/figure/fonts')
      ])
      if (reportFontDir !== undefined) useFigureFontDir(reportFontDir)
      const { data } = await projectReport(project, result, meta, 'pdf')
      const content = Buffer.from(data).toString('base64')
      return documents.exportFile(
        { kind: 'pdf', suggestedName, content, encoding: 'base64' },
        windowOf(sender)
      )
    },
    closeWindow: (req, sender) => documents.closeWindow(req, windowOf(sender)),
    simulate: async (req, sender) => {
      const key = runKey(sender, req.id)
      return unwrap(
        await simulations.run(key, req, (summary) => {
          // a closed window's run stops at its next progress report instead of running on for nobody
          if (sender.isDestroyed()) simulations.cancel(key)
          else sender.send(EVENT_CHANNELS.simulationProgress, { id: req.id, summary })
        })
      )
    },
    cancelSimulation: async ({ id }, sender) => {
      simulations.cancel(runKey(sender, id))
      return null
    }
  }
}
