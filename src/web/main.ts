// Entry of the browser build (npm run build:web): install window.tsa (engine requests over the engine Web Worker,
// document requests answered in the page), then start the same renderer the desktop app runs. The renderer is
// imported only after the bridge exists.
import { browserDocumentEnv, createDocumentHost } from './documentHost'
import { installWorkerBridge } from './installWorkerBridge'

installWorkerBridge(
  () =>
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
  createDocumentHost(browserDocumentEnv()),
  window,
  // one per simulation, terminated when it ends or is cancelled
  () =>
    new Worker(new URL('./simulation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'simulation'
    })
)

import('../renderer/src/main').catch((err: unknown) => {
  console.error('OpenTSA failed to start', err)
})
