// window.tsa for a plain browser: the same TsaBridge as the Electron preload, but every request goes to the engine
// Web Worker (engine.worker.ts) instead of main. The renderer cannot tell the hosts apart (engineClient.ts reads
// window.tsa either way). Like main's engineHost: request ids, and a worker that errors or stops answering is
// replaced, the request it was running getting an error Result (never a promise that does not settle).
import { REQUEST_CHANNELS, type Requests, type Result, type TsaBridge } from '@shared/ipc/contract'
import { isWorkerReply, type WorkerRequest } from './protocol'

/** The part of a Worker the bridge uses (a stand-in in unit tests). */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>

/** How long one request may run before the worker is treated as hung (the engine's slowest case is ≈ 0.4 s). */
export const WORKER_REQUEST_TIMEOUT_MS = 60_000

interface Pending {
  request: WorkerRequest
  resolve: (result: Result<unknown>) => void
}

const failure = (code: 'engineCrashed' | 'engineTimeout', message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})

export function createWorkerBridge(
  spawn: () => WorkerLike,
  timeoutMs = WORKER_REQUEST_TIMEOUT_MS
): TsaBridge {
  /** Insertion order = the order the worker answers: the first entry is the request running now. */
  const queue = new Map<number, Pending>()
  let worker: WorkerLike | null = null
  let watchdog: ReturnType<typeof setTimeout> | undefined
  let nextId = 1

  const head = (): Pending | undefined => queue.values().next().value

  function armWatchdog(): void {
    clearTimeout(watchdog)
    watchdog = undefined
    const current = worker
    if (head() === undefined || current === null) return
    watchdog = setTimeout(
      () =>
        retire(
          current,
          failure(
            'engineTimeout',
            `the computation did not finish within ${timeoutMs / 1000} s and was stopped`
          )
        ),
      timeoutMs
    )
  }

  function settle(id: number, result: Result<unknown>): void {
    const pending = queue.get(id)
    if (pending === undefined) return
    const wasRunning = pending === head()
    queue.delete(id)
    pending.resolve(result)
    if (wasRunning) armWatchdog()
  }

  function failAll(result: Result<never>): void {
    for (const id of [...queue.keys()]) settle(id, result)
  }

  function retire(w: WorkerLike, result: Result<never>): void {
    if (w !== worker) return
    worker = null
    clearTimeout(watchdog)
    w.terminate()
    const running = head()
    if (running !== undefined) settle(running.request.id, result)
    if (queue.size === 0) return
    const fresh = start()
    if (fresh === null) return
    for (const pending of queue.values()) post(fresh, pending.request)
    armWatchdog()
  }

  function start(): WorkerLike | null {
    let w: WorkerLike
    try {
      w = spawn()
    } catch (err) {
      failAll(failure('engineCrashed', `the engine could not start: ${messageOf(err)}`))
      return null
    }
    worker = w
    w.addEventListener('message', (event: MessageEvent) => {
      if (w === worker && isWorkerReply(event.data)) settle(event.data.id, event.data.result)
    })
    // An uncaught exception in the worker, or a script that failed to load.
    w.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault?.()
      retire(w, failure('engineCrashed', `the engine stopped unexpectedly: ${event.message}`))
    })
    w.addEventListener('messageerror', () =>
      retire(w, failure('engineCrashed', 'the engine sent a message that could not be read'))
    )
    return w
  }

  function post(w: WorkerLike, request: WorkerRequest): void {
    try {
      w.postMessage(request)
    } catch (err) {
      // DataCloneError: the payload was not plain data. The worker never saw it.
      settle(request.id, { ok: false, error: { code: 'internal', message: messageOf(err) } })
    }
  }

  function request(name: keyof Requests, payload: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = nextId++
      const req: WorkerRequest = { id, name, payload }
      queue.set(id, { request: req, resolve })
      const w = worker ?? start()
      if (w === null) return
      post(w, req)
      if (head()?.request.id === id) armWatchdog()
    })
  }

  const requests = Object.fromEntries(
    (Object.keys(REQUEST_CHANNELS) as (keyof Requests)[]).map((name) => [
      name,
      (payload: unknown) => request(name, payload)
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

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))
