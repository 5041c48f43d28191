// Runs engine computations off the main process's event loop, in one worker thread (engineWorker.ts), so a long
// analysis never freezes the windows. Requests carry ids; the worker answers them in order. A worker that crashes,
// exits or stops answering is replaced, and the request it was running gets an error Result: never a hang.
import type { Worker } from 'node:worker_threads'
import type { Result } from '@shared/ipc/contract'
import {
  isEngineReply,
  type EngineJob,
  type EngineJobName,
  type EngineJobs
} from './engineProtocol'

/**
 * How long one job may run before the worker is treated as hung and restarted. The slowest measured case is far
 * below (analyze.trials1000 ≈ 0.4 s, README benchmarks); a minute leaves room for slow machines and odd inputs.
 */
export const ENGINE_JOB_TIMEOUT_MS = 60_000

export interface EngineHostOptions {
  /** Starts a worker running engineWorker.ts (main passes electron-vite's `?nodeWorker` factory). */
  spawn: () => Worker
  timeoutMs?: number
}

export interface EngineHost {
  run<K extends EngineJobName>(
    name: K,
    input: EngineJobs[K]['input']
  ): Promise<Result<EngineJobs[K]['output']>>
  /** Stops the worker; pending and later requests get an error Result. */
  dispose(): Promise<void>
}

interface Pending {
  job: EngineJob
  resolve: (result: Result<unknown>) => void
}

const failure = (code: 'engineCrashed' | 'engineTimeout', message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})

export function createEngineHost({
  spawn,
  timeoutMs = ENGINE_JOB_TIMEOUT_MS
}: EngineHostOptions): EngineHost {
  /** Insertion order = the order the worker runs them: the first entry is the job running now. */
  const queue = new Map<number, Pending>()
  let worker: Worker | null = null
  let watchdog: ReturnType<typeof setTimeout> | undefined
  let nextId = 1
  let disposed = false

  const head = (): Pending | undefined => queue.values().next().value

  /** One timer, for the running job only: queued jobs do not use up their time waiting. */
  function armWatchdog(): void {
    clearTimeout(watchdog)
    watchdog = undefined
    const running = head()
    if (running === undefined || worker === null) return
    const current = worker
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

  /** Replaces `w` (if still current): its running job gets `result`, the queued ones go to a fresh worker. */
  function retire(w: Worker, result: Result<never>): void {
    if (w !== worker) return
    worker = null
    clearTimeout(watchdog)
    void w.terminate()
    const running = head()
    if (running !== undefined) settle(running.job.id, result)
    if (queue.size > 0) {
      const fresh = start()
      if (fresh === null) return
      for (const pending of queue.values()) post(fresh, pending.job)
      armWatchdog()
    }
  }

  function start(): Worker | null {
    if (disposed) {
      failAll(failure('engineCrashed', 'the engine has been shut down'))
      return null
    }
    let w: Worker
    try {
      w = spawn()
    } catch (err) {
      failAll(failure('engineCrashed', `the engine could not start: ${messageOf(err)}`))
      return null
    }
    worker = w
    w.on('message', (message: unknown) => {
      if (w === worker && isEngineReply(message)) settle(message.id, message.result)
    })
    w.on('error', (err: unknown) =>
      retire(w, failure('engineCrashed', `the engine stopped unexpectedly: ${messageOf(err)}`))
    )
    w.on('exit', (code: number) =>
      retire(w, failure('engineCrashed', `the engine stopped unexpectedly (exit code ${code})`))
    )
    return w
  }

  function post(w: Worker, job: EngineJob): void {
    try {
      w.postMessage(job)
    } catch (err) {
      // e.g. DataCloneError: the input was not plain data. The worker never saw it.
      settle(job.id, { ok: false, error: { code: 'internal', message: messageOf(err) } })
    }
  }

  return {
    run(name, input) {
      return new Promise((resolve) => {
        const id = nextId++
        const job: EngineJob = { id, name, input } as EngineJob
        queue.set(id, { job, resolve: resolve as Pending['resolve'] })
        const w = worker ?? start()
        if (w === null) return
        post(w, job)
        if (head()?.job.id === id) armWatchdog()
      })
    },
    async dispose() {
      disposed = true
      clearTimeout(watchdog)
      const w = worker
      worker = null
      failAll(failure('engineCrashed', 'the engine has been shut down'))
      if (w !== null) await w.terminate()
    }
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))
