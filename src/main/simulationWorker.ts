// worker_threads entry (bundled through `import … from './simulationWorker?nodeWorker'` in index.ts): runs ONE
// simulation and reports on it (@shared/ipc/simulationJob). Main terminates the thread when it ends or is cancelled.
import { parentPort } from 'node:worker_threads'
import { simulate } from '@engine'
import { runSimulationJob } from '@shared/ipc/simulationJob'
import type { SimulationJob } from '@shared/ipc/simulationHost'

if (parentPort === null) throw new Error('simulationWorker must run as a worker thread')
const port = parentPort

port.on('message', (job: SimulationJob) =>
  runSimulationJob(job, (message) => port.postMessage(message), {
    simulate,
    now: () => performance.now()
  })
)
