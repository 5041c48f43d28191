// Messages between the page (installWorkerBridge.ts) and the engine Web Worker (engine.worker.ts).
import type { Requests, Result } from '@shared/ipc/contract'

/** page → worker: one contract request, unparsed (the worker runs PARSERS, as main does for IPC). */
export interface WorkerRequest {
  id: number
  name: keyof Requests
  payload: unknown
}

/** worker → page: the Result for request `id`. */
export interface WorkerReply {
  id: number
  result: Result<unknown>
}

export function isWorkerReply(message: unknown): message is WorkerReply {
  if (typeof message !== 'object' || message === null) return false
  const m = message as Partial<WorkerReply>
  return (
    typeof m.id === 'number' &&
    typeof m.result === 'object' &&
    m.result !== null &&
    typeof m.result.ok === 'boolean'
  )
}
