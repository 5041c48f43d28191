// The request queue both engine hosts share: main's worker thread (src/main/engineHost.ts) and the browser's Web
// Worker (src/web/installWorkerBridge.ts). Requests carry ids and the worker answers them in order, so the first
// queued request is the one running. A worker that crashes, exits or stops answering is replaced: the request it was
// running gets an error Result, the queued ones go to the fresh worker. No promise is ever left unsettled.
// Pure: the worker and the timers are passed in, so this runs (and is tested) in any host.
import type { Result } from './contract'

/** One started worker, as the queue sees it. */
export interface QueueWorker<M> {
  /** may throw (e.g. DataCloneError: the payload was not plain data) */
  post(message: M): void
  terminate(): void
}

/** worker → host, in both hosts: the Result for request `id`. */
export interface QueueReply {
  id: number
  result: Result<unknown>
}

/** True for a well-formed reply (a host ignores anything else a worker might post). */
export function isQueueReply(message: unknown): message is QueueReply {
  if (typeof message !== 'object' || message === null) return false
  const m = message as Partial<QueueReply>
  return (
    typeof m.id === 'number' &&
    typeof m.result === 'object' &&
    m.result !== null &&
    typeof m.result.ok === 'boolean'
  )
}

/** What a started worker reports back to the queue. */
export interface QueueListener {
  /** any message the worker posted: a well-formed reply settles its request, anything else is ignored */
  receive(message: unknown): void
  /** the worker failed (error, exit, unreadable message): it is replaced */
  crash(message: string): void
}

export interface WorkerQueueOptions<M> {
  /** starts a worker and wires its events to `listener`; may throw */
  spawn(listener: QueueListener): QueueWorker<M>
  timeoutMs: number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

export interface WorkerQueue<M> {
  /** queues the message built for a fresh id; settles with the worker's Result or an error Result */
  submit(build: (id: number) => M): Promise<Result<unknown>>
  /** stops the worker; pending and later requests get an error Result */
  dispose(): void
}

const failure = (code: 'engineCrashed' | 'engineTimeout', message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function createWorkerQueue<M>(options: WorkerQueueOptions<M>): WorkerQueue<M> {
  const { spawn, timeoutMs, setTimer, clearTimer } = options
  /** Insertion order = the order the worker runs them: the first entry is the request running now. */
  const queue = new Map<number, { message: M; resolve: (result: Result<unknown>) => void }>()
  let worker: QueueWorker<M> | null = null
  let watchdog: unknown
  let nextId = 1
  let disposed = false

  const headId = (): number | undefined => queue.keys().next().value

  /** One timer, for the running request only: queued requests do not use up their time waiting. */
  function armWatchdog(): void {
    if (watchdog !== undefined) clearTimer(watchdog)
    watchdog = undefined
    const current = worker
    if (headId() === undefined || current === null) return
    watchdog = setTimer(
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
    const wasRunning = id === headId()
    queue.delete(id)
    pending.resolve(result)
    if (wasRunning) armWatchdog()
  }

  function failAll(result: Result<never>): void {
    for (const id of [...queue.keys()]) settle(id, result)
  }

  /** Replaces `w` (if still current): its running request gets `result`, the queued ones go to a fresh worker. */
  function retire(w: QueueWorker<M>, result: Result<never>): void {
    if (w !== worker) return
    worker = null
    if (watchdog !== undefined) clearTimer(watchdog)
    w.terminate()
    const running = headId()
    if (running !== undefined) settle(running, result)
    if (queue.size === 0) return
    const fresh = start()
    if (fresh === null) return
    for (const [id, pending] of queue) post(fresh, id, pending.message)
    armWatchdog()
  }

  function start(): QueueWorker<M> | null {
    if (disposed) {
      failAll(failure('engineCrashed', 'the engine has been shut down'))
      return null
    }
    let w: QueueWorker<M> | null = null
    const listener: QueueListener = {
      receive: (message) => {
        if (w !== null && w === worker && isQueueReply(message)) settle(message.id, message.result)
      },
      crash: (message) => {
        if (w !== null) {
          retire(w, failure('engineCrashed', `the engine stopped unexpectedly${message}`))
        }
      }
    }
    try {
      w = spawn(listener)
    } catch (err) {
      failAll(failure('engineCrashed', `the engine could not start: ${messageOf(err)}`))
      return null
    }
    worker = w
    return w
  }

  function post(w: QueueWorker<M>, id: number, message: M): void {
    try {
      w.post(message)
    } catch (err) {
      // The worker never saw it.
      settle(id, { ok: false, error: { code: 'internal', message: messageOf(err) } })
    }
  }

  return {
    submit(build) {
      return new Promise((resolve) => {
        const id = nextId++
        const message = build(id)
        queue.set(id, { message, resolve })
        const w = worker ?? start()
        if (w === null) return
        post(w, id, message)
        if (headId() === id) armWatchdog()
      })
    },
    dispose() {
      disposed = true
      if (watchdog !== undefined) clearTimer(watchdog)
      const w = worker
      worker = null
      failAll(failure('engineCrashed', 'the engine has been shut down'))
      w?.terminate()
    }
  }
}
