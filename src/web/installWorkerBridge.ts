// window.tsa for a plain browser: the same TsaBridge as the Electron preload. The engine requests (ENGINE_REQUESTS)
// go to the engine Web Worker (engine.worker.ts); the document, file and window requests are answered in the page
// (documentHost.ts), which owns the DOM. The renderer cannot tell the hosts apart (engineClient.ts reads window.tsa
// either way). Like main's engineHost: request ids, and a worker that errors or stops answering is replaced, the
// request it was running getting an error Result (never a promise that does not settle): the same queue
// (@shared/ipc/workerQueue), adapted to a DOM Worker.
import {
  ENGINE_REQUESTS,
  EVENT_CHANNELS,
  type Events,
  type Requests,
  type TsaBridge
} from '@shared/ipc/contract'
import {
  createSimulationHost,
  SIMULATION_IDLE_TIMEOUT_MS,
  type SimulationJob
} from '@shared/ipc/simulationHost'
import {
  createWorkerQueue,
  type QueueListener,
  type QueueWorker
} from '@shared/ipc/workerQueue'
import type { DocumentRequests } from './documentHost'
import type { EngineRequestName, SimulationRequestName, WorkerRequest } from './protocol'

/** The part of a Worker the bridge uses (a stand-in in unit tests). */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>

/** A DOM Worker as the shared queues see it (the engine queue and the simulation host). */
export function adaptDomWorker<M>(w: WorkerLike, listener: QueueListener): QueueWorker<M> {
  w.addEventListener('message', (event: MessageEvent) => listener.receive(event.data))
  // An uncaught exception in the worker, or a script that failed to load.
  w.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault?.()
    listener.crash(`: ${event.message}`)
  })
  w.addEventListener('messageerror', () => listener.crash(': a message could not be read'))
  return { post: (message) => w.postMessage(message), terminate: () => w.terminate() }
}

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
    spawn: (listener) => adaptDomWorker(spawn(), listener),
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

/** The simulator half of window.tsa, and the progress events it pushes (the bridge's on() delivers them). */
export interface SimulationBridge {
  requests: { readonly [K in SimulationRequestName]: TsaBridge[K] }
  onProgress(listener: (payload: Events['simulationProgress']) => void): () => void
}

/**
 * The teaching simulator over Web Workers: one per run, terminated on cancel (@shared/ipc/simulationHost says why).
 * A page has one renderer, so the renderer's run id is the key.
 */
export function createSimulationBridge(
  spawn: () => WorkerLike,
  idleTimeoutMs = SIMULATION_IDLE_TIMEOUT_MS
): SimulationBridge {
  const host = createSimulationHost({
    spawn: (listener) => adaptDomWorker<SimulationJob>(spawn(), listener),
    idleTimeoutMs,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  })
  const listeners = new Set<(payload: Events['simulationProgress']) => void>()
  return {
    requests: {
      // The worker parses the payload (PARSERS.simulate), as the engine worker does for its requests.
      simulate: (req) =>
        host.run(req.id, req, (summary) => {
          for (const listener of [...listeners]) listener({ id: req.id, summary })
        }),
      cancelSimulation: async (req) => {
        host.cancel(req.id)
        return { ok: true, value: null }
      }
    },
    onProgress(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** The whole bridge: engine requests to the worker, document requests to the page's document host. */
export function createWebBridge(
  engine: EngineRequests,
  documents: DocumentRequests,
  simulations: SimulationBridge
): TsaBridge {
  const requests: { [K in keyof Requests]: TsaBridge[K] } = {
    ...documents,
    ...engine,
    ...simulations.requests
  }
  return {
    ...requests,
    on(event: string, listener: (payload: never) => void): () => void {
      if (!Object.hasOwn(EVENT_CHANNELS, event)) throw new Error(`unknown event: ${event}`)
      // the listener's payload type is the event's (TsaBridge['on'] is typed by the event name)
      if (event === 'simulationProgress') return simulations.onProgress(listener as never)
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
  target: { tsa?: TsaBridge } = window,
  spawnSimulation: () => WorkerLike = spawn
): TsaBridge {
  const bridge = createWebBridge(
    createWorkerBridge(spawn),
    documents,
    createSimulationBridge(spawnSimulation)
  )
  target.tsa = bridge
  return bridge
}
