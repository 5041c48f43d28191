// window.tsa for a plain browser: the same TsaBridge as the Electron preload, but every request goes to the engine
// Web Worker (engine.worker.ts) instead of main. The renderer cannot tell the hosts apart (engineClient.ts reads
// window.tsa either way). Like main's engineHost: request ids, and a worker that errors or stops answering is
// replaced, the request it was running getting an error Result (never a promise that does not settle): the same
// queue (@shared/ipc/workerQueue), adapted to a DOM Worker.
import { REQUEST_CHANNELS, type Requests, type TsaBridge } from '@shared/ipc/contract'
import { createWorkerQueue } from '@shared/ipc/workerQueue'
import type { WorkerRequest } from './protocol'

/** The part of a Worker the bridge uses (a stand-in in unit tests). */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>

/** How long one request may run before the worker is treated as hung (the engine's slowest case is ≈ 0.4 s). */
export const WORKER_REQUEST_TIMEOUT_MS = 60_000

export function createWorkerBridge(
  spawn: () => WorkerLike,
  timeoutMs = WORKER_REQUEST_TIMEOUT_MS
): TsaBridge {
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

  const requests = Object.fromEntries(
    (Object.keys(REQUEST_CHANNELS) as (keyof Requests)[]).map((name) => [
      name,
      (payload: unknown) => queue.submit((id) => ({ id, name, payload }))
    ])
  ) as { [K in keyof Requests]: TsaBridge[K] }

  return {
    ...requests,
    on(event: string): () => void {
      // The contract has no events yet; the browser host will post them from the worker when it does.
      throw new Error(`unknown event: ${event}`)
    }
  }
}

/** Installs window.tsa (before the renderer mounts: see main.ts). */
export function installWorkerBridge(
  spawn: () => WorkerLike,
  target: { tsa?: TsaBridge } = window
): TsaBridge {
  const bridge = createWorkerBridge(spawn)
  target.tsa = bridge
  return bridge
}
