// Application lifecycle only: the modules below hold the logic.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, session } from 'electron'
import { PARSERS } from '@shared/ipc/parse'
import { installDocumentHost } from './documents/electronHost'
import { createSimulationHost, SIMULATION_IDLE_TIMEOUT_MS } from '@shared/ipc/simulationHost'
import { adaptNodeWorker, createEngineHost } from './engineHost'
import createEngineWorker from './engineWorker?nodeWorker'
import createSimulationWorker from './simulationWorker?nodeWorker'
import { createHandlers } from './ipc/handlers'
import { registerRequestHandlers } from './ipc/register'
import { hardenSession, hardenWebContents, isTrustedSender } from './security'
import { createMainWindow, resolveRenderer } from './window'

const PRODUCT_NAME = 'OpenTSA'
const APP_USER_MODEL_ID = 'org.opentsa.app' // = electron-builder.yml appId (Windows taskbar grouping)

const renderer = resolveRenderer(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)

app.enableSandbox() // every renderer sandboxed, whatever a future BrowserWindow passes

/**
 * The PDF report's embedded font: resources/ sits beside the app (electron-builder.yml files + asarUnpack), not
 * beside this bundled module, which is where the CLI looks for it.
 */
const REPORT_FONT_DIR = pathToFileURL(join(app.getAppPath(), 'resources', 'fonts') + '/')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win === undefined) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  // Navigation and window-open rules for every WebContents, including any created later.
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, renderer.appOrigin)
  )

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(() => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
      hardenSession(session.defaultSession)
      const engine = createEngineHost({ spawn: () => createEngineWorker({}) })
      // The teaching simulator: one worker thread per run, terminated on cancel (simulationHost.ts says why).
      const simulations = createSimulationHost({
        spawn: (listener) => adaptNodeWorker(createSimulationWorker({}), listener),
        idleTimeoutMs: SIMULATION_IDLE_TIMEOUT_MS,
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
      })
      app.on('will-quit', () => {
        void engine.dispose()
        simulations.dispose()
      })
      app.setAboutPanelOptions({
        applicationName: PRODUCT_NAME,
        applicationVersion: app.getVersion(),
        copyright: 'MIT licence'
      })
      // The application menu, dialogs, recent files, autosave and the close prompt.
      const documents = installDocumentHost(PRODUCT_NAME)
      registerRequestHandlers(
        createHandlers(
          { name: PRODUCT_NAME, version: app.getVersion() },
          engine,
          documents.documents,
          documents.windowOf,
          simulations,
          REPORT_FONT_DIR
        ),
        PARSERS,
        (event) => isTrustedSender(event, renderer.appOrigin)
      )
      const openWindow = (): void => documents.track(createMainWindow(renderer.target))
      openWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow()
      })
    })
    .catch((err: unknown) => {
      console.error('OpenTSA failed to start', err)
      app.quit()
    })
}
