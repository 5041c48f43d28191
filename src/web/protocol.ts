// Messages between the page (installWorkerBridge.ts) and the engine Web Worker (engine.worker.ts), and the split of
// the contract between the two: the worker answers ENGINE_REQUESTS, the page (documentHost.ts) all the others.
import { ENGINE_REQUESTS, type Requests } from '@shared/ipc/contract'
import type { QueueReply } from '@shared/ipc/workerQueue'

/** The requests the engine worker answers. */
export type EngineRequestName = (typeof ENGINE_REQUESTS)[number]
/** The teaching simulator's requests: a Web Worker per run (@shared/ipc/simulationHost), not the engine queue. */
export type SimulationRequestName = 'simulate' | 'cancelSimulation'
/** The document, file and window requests, answered in the page. */
export type DocumentRequestName = Exclude<keyof Requests, EngineRequestName | SimulationRequestName>

export function isEngineRequest(name: string): name is EngineRequestName {
  return (ENGINE_REQUESTS as readonly string[]).includes(name)
}

/** page → worker: one engine request, unparsed (the worker runs PARSERS, as main does for IPC). */
export interface WorkerRequest {
  id: number
  name: EngineRequestName
  payload: unknown
}

/** worker → page: the queue's reply shape, checked by the queue itself (isQueueReply). */
export type WorkerReply = QueueReply
