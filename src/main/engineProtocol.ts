// The message protocol between main (engineHost.ts) and its engine worker (engineWorker.ts). Pure: no
// worker_threads here, so the protocol is unit-tested without a thread.
import { runTsa, toEngineError, type TsaInput, type TsaResult } from '@engine'
import type { Result } from '@shared/ipc/contract'
import type { QueueReply } from '@shared/ipc/workerQueue'

/** The computations the worker runs: one engine function each, input already parsed by main. */
export interface EngineJobs {
  runTsa: { input: TsaInput; output: TsaResult }
}

export type EngineJobName = keyof EngineJobs

/** main → worker. `id` pairs the reply with its request (several may be queued). */
export interface EngineJob<K extends EngineJobName = EngineJobName> {
  id: number
  name: K
  input: EngineJobs[K]['input']
}

/** worker → main: the queue's reply shape, checked by the queue itself (isQueueReply). */
export type EngineReply = QueueReply

const JOBS: {
  [K in EngineJobName]: (input: EngineJobs[K]['input']) => Result<EngineJobs[K]['output']>
} = {
  runTsa: (input) => runTsa(input)
}

/** Runs one job. Never throws: an unknown job or an engine exception becomes an error Result. */
export function answerJob(job: EngineJob): EngineReply {
  const run = Object.hasOwn(JOBS, job.name) ? JOBS[job.name] : undefined
  if (run === undefined) {
    return {
      id: job.id,
      result: { ok: false, error: { code: 'internal', message: `unknown engine job: ${job.name}` } }
    }
  }
  try {
    return { id: job.id, result: run(job.input) }
  } catch (err) {
    return { id: job.id, result: { ok: false, error: toEngineError(err) } }
  }
}
