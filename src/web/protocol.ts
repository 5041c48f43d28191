// Messages between the page (installWorkerBridge.ts) and the engine Web Worker (engine.worker.ts).
import type { Requests } from '@shared/ipc/contract'
import type { QueueReply } from '@shared/ipc/workerQueue'

/** page → worker: one contract request, unparsed (the worker runs PARSERS, as main does for IPC). */
export interface WorkerRequest {
  id: number
  name: keyof Requests
  payload: unknown
}

/** worker → page: the queue's reply shape, checked by the queue itself (isQueueReply). */
export type WorkerReply = QueueReply
