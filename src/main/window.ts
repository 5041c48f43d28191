import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, type WebPreferences } from 'electron'
import { appOriginOf } from './security'

/**
 * The renderer's webPreferences, one comment per flag (Electron security checklist, ecosystem.md §4.1).
 * Exported so a unit test can assert them without launching Electron.
 */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true, // preload has no npm deps, so the OS-level sandbox costs nothing
  contextIsolation: true, // default since Electron 12; stated so a diff shows if someone flips it
  nodeIntegration: false, // the page never gets require() or process
  nodeIntegrationInWorker: false, // nor do its Web Workers (the engine will run in one in the web build)
  nodeIntegrationInSubFrames: false, // nor any iframe
  webSecurity: true, // same-origin policy on; never turn off to "fix" a loading problem
  allowRunningInsecureContent: false, // no http:// scripts or styles inside our pages
  experimentalFeatures: false, // no experimental Chromium features
  webviewTag: false, // no <webview>: it could host remote content with its own preferences
  navigateOnDragDrop: false, // a file dropped on the window must not replace the app page (drops are handled in-page)
  safeDialogs: true, // a page cannot loop alert()s to lock the user out
  spellcheck: false // numeric data entry; and on Linux Chromium would fetch Hunspell dictionaries from a CDN
} as const satisfies WebPreferences

/** Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html. */
export const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')
export const RENDERER_INDEX_PATH = join(import.meta.dirname, '../renderer/index.html')

export type RendererTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string }

export interface RendererLocation {
  target: RendererTarget
  /** What isTrustedSender and the navigation guard compare against (see security.ts appOriginOf). */
  appOrigin: string
}

/**
 * The Vite dev server in development (electron-vite sets ELECTRON_RENDERER_URL), the bundled index.html otherwise.
 * A packaged app never trusts the environment variable.
 */
export function resolveRenderer(
  devServerUrl: string | undefined,
  isPackaged: boolean
): RendererLocation {
  if (!isPackaged && devServerUrl) {
    const origin = appOriginOf(devServerUrl)
    if (origin !== null) return { target: { kind: 'url', url: devServerUrl }, appOrigin: origin }
  }
  const origin = appOriginOf(pathToFileURL(RENDERER_INDEX_PATH).href)
  if (origin === null) throw new Error(`cannot derive the app origin of ${RENDERER_INDEX_PATH}`)
  return { target: { kind: 'file', path: RENDERER_INDEX_PATH }, appOrigin: origin }
}

export function createMainWindow(target: RendererTarget): BrowserWindow {
  const win = new BrowserWindow({
    title: 'OpenTSA',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false, // show on 'ready-to-show' to avoid a white flash
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: PRELOAD_PATH }
  })
  win.once('ready-to-show', () => win.show())
  const loading = target.kind === 'url' ? win.loadURL(target.url) : win.loadFile(target.path)
  loading.catch((err: unknown) => console.error('OpenTSA: failed to load the renderer', err))
  return win
}
