// The inside of a simulation worker, for both hosts (src/main/simulationWorker.ts, src/web/simulation.worker.ts):
// parse the request, run the simulator, post running totals at most PROGRESS_INTERVAL_MS apart, then the Result.
// Pure: the simulator, the clock and the way out are passed in, so it is unit-tested without a worker.
import type { simulate, SimulationSummary } from '@engine'
import { PARSERS } from './parse'
import type { SimulationJob, SimulationMessage } from './simulationHost'

/** ~10 updates a second: enough for a live chart, few enough that the renderer never queues them up. */
export const PROGRESS_INTERVAL_MS = 100

/**
 * Runs between progress callbacks: small enough that a slow run (200 trials a run) still calls back well within
 * the interval and the host's silence watchdog, large enough that building the partial summary costs nothing.
 */
export const PROGRESS_EVERY_RUNS = 50

export interface SimulationJobDeps {
  simulate: typeof simulate
  now: () => number
}

export function runSimulationJob(
  job: SimulationJob,
  post: (message: SimulationMessage) => void,
  { simulate, now }: SimulationJobDeps
): void {
  const parsed = PARSERS.simulate(job.payload)
  if (!parsed.ok) {
    post({ kind: 'done', result: parsed })
    return
  }
  const { id: _id, ...request } = parsed.value
  let lastPost = -Infinity
  const onProgress = (summary: SimulationSummary): void => {
    const t = now()
    if (t - lastPost < PROGRESS_INTERVAL_MS) return
    lastPost = t
    post({ kind: 'progress', summary })
  }
  try {
    // No shouldStop: cancelling terminates this worker (see simulationHost.ts).
    const result = simulate(request, { onProgress, progressEvery: PROGRESS_EVERY_RUNS })
    post({ kind: 'done', result })
  } catch (err) {
    // simulate() answers bad input with an error Result; an exception is a bug, reported as such
    const message = err instanceof Error ? err.message : String(err)
    post({ kind: 'done', result: { ok: false, error: { code: 'internal', message } } })
  }
}
