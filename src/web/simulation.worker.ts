// A simulation Web Worker of the browser build: runs ONE simulation and reports on it (@shared/ipc/simulationJob).
// The page terminates it when the run ends or is cancelled.
/// <reference lib="webworker" />
import { simulate } from '@engine'
import { runSimulationJob } from '@shared/ipc/simulationJob'
import type { SimulationJob } from '@shared/ipc/simulationHost'

declare const self: DedicatedWorkerGlobalScope

self.addEventListener('message', (event: MessageEvent<SimulationJob>) => {
  runSimulationJob(event.data, (message) => self.postMessage(message), {
    simulate,
    now: () => performance.now()
  })
})
