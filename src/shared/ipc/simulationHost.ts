// The teaching simulator's runs, for both hosts: main's worker threads (src/main/index.ts) and the browser's Web
// Workers (src/web/installWorkerBridge.ts). Each simulation gets a dedicated worker of its own, which is terminated
// when the run ends or is cancelled. Why not the engine queue (workerQueue.ts): simulate() is one synchronous loop,
// so a worker busy with it cannot read a "stop" message until it is done. Terminating its thread stops it at once,
// needs nothing from the simulator, and a long simulation never holds up runTsa behind it in the analysis queue.
// The watchdog is one of silence, not of length: every progress message re-arms it, so a long run that keeps
// reporting is never stopped, and a hung one still is. Pure: workers and timers are passed in.
import type { SimulationRequest, SimulationSummary } from '@engine'
import type { Result } from './contract'
import type { QueueListener, QueueWorker } from './workerQueue'

/** host → simulation worker: the request as received (the worker parses it with PARSERS.simulate). */
export interface SimulationJob {
  payload: unknown
}

/** simulation worker → host: running totals while it runs, then the Result once. */
export type SimulationMessage =
  | { kind: 'progress'; summary: SimulationSummary }
  | { kind: 'done'; result: Result<SimulationSummary> }

export type SimulationPayload = SimulationRequest & { id: string }

export interface SimulationHostOptions {
  /** starts a worker running the simulation entry and wires its events to `listener`; may throw */
  spawn(listener: QueueListener): QueueWorker<SimulationJob>
  /** how long the worker may stay silent (no progress, no answer) before it is treated as hung */
  idleTimeoutMs: number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

export interface SimulationHost {
  /**
   * Runs one simulation under `key` (unique among the running ones: main prefixes the window, so a window can only
   * cancel its own runs). `onProgress` gets the worker's running totals; the promise always settles.
   */
  run(
    key: string,
    payload: SimulationPayload,
    onProgress: (summary: SimulationSummary) => void
  ): Promise<Result<SimulationSummary>>
  /** stops run `key`; false when no such run is going */
  cancel(key: string): boolean
  /** stops every run (they answer engineCrashed) */
  dispose(): void
}

/** Silence allowed before a simulation worker counts as hung: progress comes every ~0.1 s while it works. */
export const SIMULATION_IDLE_TIMEOUT_MS = 60_000

function isSimulationMessage(message: unknown): message is SimulationMessage {
  if (typeof message !== 'object' || message === null) return false
  const m = message as Partial<Record<string, unknown>>
  if (m['kind'] === 'progress') return typeof m['summary'] === 'object' && m['summary'] !== null
  if (m['kind'] !== 'done') return false
  const result = m['result'] as Partial<Result<unknown>> | null | undefined
  return typeof result === 'object' && result !== null && typeof result.ok === 'boolean'
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function createSimulationHost(options: SimulationHostOptions): SimulationHost {
  const { spawn, idleTimeoutMs, setTimer, clearTimer } = options
  /** the running simulations: `stop` settles the promise and terminates the worker (idempotent) */
  const running = new Map<string, (result: Result<SimulationSummary>) => void>()
  let disposed = false

  return {
    run(key, payload, onProgress) {
      return new Promise((resolve) => {
        if (disposed) {
          resolve({ ok: false, error: { code: 'engineCrashed', message: 'the engine has been shut down' } })
          return
        }
        if (running.has(key)) {
          const message = `a simulation named ${payload.id} is already running`
          resolve({ ok: false, error: { code: 'invalidRequest', message, field: 'id' } })
          return
        }
        let worker: QueueWorker<SimulationJob> | null = null
        let watchdog: unknown
        let settled = false
        const stop = (result: Result<SimulationSummary>): void => {
          if (settled) return
          settled = true
          running.delete(key)
          if (watchdog !== undefined) clearTimer(watchdog)
          worker?.terminate()
          resolve(result)
        }
        const armWatchdog = (): void => {
          if (watchdog !== undefined) clearTimer(watchdog)
          watchdog = setTimer(() => {
            const message = `the simulation reported nothing for ${idleTimeoutMs / 1000} s and was stopped`
            stop({ ok: false, error: { code: 'engineTimeout', message } })
          }, idleTimeoutMs)
        }
        running.set(key, stop)
        try {
          worker = spawn({
            receive(message) {
              if (settled || !isSimulationMessage(message)) return
              if (message.kind === 'done') {
                stop(message.result as Result<SimulationSummary>)
                return
              }
              armWatchdog()
              onProgress(message.summary)
            },
            crash(message) {
              stop({
                ok: false,
                error: { code: 'engineCrashed', message: `the simulation stopped unexpectedly${message}` }
              })
            }
          })
          if (settled) return // it crashed while starting
          armWatchdog()
          worker.post({ payload })
        } catch (err) {
          const message = `the simulation could not start: ${messageOf(err)}`
          stop({ ok: false, error: { code: 'engineCrashed', message } })
        }
      })
    },
    cancel(key) {
      const stop = running.get(key)
      if (stop === undefined) return false
      stop({ ok: false, error: { code: 'cancelled', message: 'the simulation was cancelled' } })
      return true
    },
    dispose() {
      disposed = true
      for (const stop of [...running.values()]) {
        stop({ ok: false, error: { code: 'engineCrashed', message: 'the engine has been shut down' } })
      }
    }
  }
}
