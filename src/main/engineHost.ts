// Runs engine computations off the main process's event loop, in one worker thread (engineWorker.ts), so a long
// analysis never freezes the windows. The queue (ids, watchdog, replacing a crashed or hung worker) is the one the
// browser host uses too (@shared/ipc/workerQueue); this file only adapts a worker_threads Worker to it.
import type { Worker } from 'node:worker_threads'
import type { Result } from '@shared/ipc/contract'
import { createWorkerQueue, type QueueListener, type QueueWorker } from '@shared/ipc/workerQueue'
import type { EngineJob, EngineJobName, EngineJobs } from './engineProtocol'

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

export function createEngineHost({
  spawn,
  timeoutMs = ENGINE_JOB_TIMEOUT_MS
}: EngineHostOptions): EngineHost {
  const queue = createWorkerQueue<EngineJob>({
    spawn: (listener) => adaptNodeWorker(spawn(), listener),
    timeoutMs,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  })
  return {
    run(name, input) {
      return queue.submit((id) => ({ id, name, input }) as EngineJob) as Promise<
        Result<EngineJobs[typeof name]['output']>
      >
    },
    async dispose() {
      queue.dispose()
    }
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** A worker_threads Worker as the shared queues see it (the engine queue and the simulation host). */
export function adaptNodeWorker<M>(w: Worker, listener: QueueListener): QueueWorker<M> {
  w.on('message', (message: unknown) => listener.receive(message))
  w.on('error', (err: unknown) => listener.crash(`: ${messageOf(err)}`))
  w.on('exit', (code: number) => listener.crash(` (exit code ${code})`))
  return { post: (message) => w.postMessage(message), terminate: () => void w.terminate() }
}
