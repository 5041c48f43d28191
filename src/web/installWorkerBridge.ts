// window.tsa for a plain browser: the same TsaBridge as the Electron preload. The engine requests (ENGINE_REQUESTS)
// go to the engine Web Worker (engine.worker.ts); the document, file and window requests are answered in the page
// (documentHost.ts), which owns the DOM. The renderer cannot tell the hosts apart (engineClient.ts reads window.tsa
// either way). Like main's engineHost: request ids, and a worker that errors or stops answering is replaced, the
// request it was running getting an error Result (never a promise that does not settle): the same queue
// (@shared/ipc/workerQueue), adapted to a DOM Worker.
import {
  ENGINE_REQUESTS,
  EVENT_CHANNELS,
  type Requests,
  type TsaBridge
} from '@shared/ipc/contract'
import { createWorkerQueue } from '@shared/ipc/workerQueue'
import type { DocumentRequests } from './documentHost'
import type { EngineRequestName, WorkerRequest } from './protocol'

/** The part of a Worker the bridge uses (a stand-in in unit tests). */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>

/** The engine half of window.tsa. */
export type EngineRequests = { readonly [K in EngineRequestName]: TsaBridge[K] }

/** How long one request may run before the worker is treated as hung (the engine's slowest case is ≈ 0.4 s). */
export const WORKER_REQUEST_TIMEOUT_MS = 60_000

/** The engine requests over a Web Worker (started with the first request, replaced when it fails). */
export function createWorkerBridge(
  spawn: () => WorkerLike,
  timeoutMs = WORKER_REQUEST_TIMEOUT_MS
): EngineRequests {
  const queue = createWorkerQueue<WorkerRequest>({
    spawn(listener) {
      const w = spawn()
      w.addEventListener('message', (event: MessageEvent) => listener.receive(event.data))
      // An uncaught exception in the worker, or a script that failed to load.
      w.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault?.()
        listener.crash(`: ${event.message}`)
      })
      w.addEventListener('messageerror', () => listener.crash(': a message could not be read'))
      return { post: (request) => w.postMessage(request), terminate: () => w.terminate() }
    },
    timeoutMs,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  })

  return Object.fromEntries(
    ENGINE_REQUESTS.map((name) => [
      name,
      (payload: unknown) => queue.submit((id) => ({ id, name, payload }))
    ])
  ) as unknown as EngineRequests
}

/** The whole bridge: engine requests to the worker, document requests to the page's document host. */
export function createWebBridge(engine: EngineRequests, documents: DocumentRequests): TsaBridge {
  const requests: { [K in keyof Requests]: TsaBridge[K] } = { ...documents, ...engine }
  return {
    ...requests,
    on(event: string): () => void {
      if (!Object.hasOwn(EVENT_CHANNELS, event)) throw new Error(`unknown event: ${event}`)
      // menuCommand comes from native menus, which a browser does not have: the renderer handles the File
      // shortcuts itself in the web build, so nothing is ever sent.
      return () => undefined
    }
  }
}

/** Installs window.tsa (before the renderer mounts: see main.ts). */
export function installWorkerBridge(
  spawn: () => WorkerLike,
  documents: DocumentRequests,
  target: { tsa?: TsaBridge } = window
): TsaBridge {
  const bridge = createWebBridge(createWorkerBridge(spawn), documents)
  target.tsa = bridge
  return bridge
}
