// worker_threads entry (bundled by electron-vite through `import … from './engineWorker?nodeWorker'` in index.ts):
// answers EngineJob messages from main with EngineReply messages, one at a time, in order.
import { parentPort } from 'node:worker_threads'
import { answerJob, type EngineJob } from './engineProtocol'

if (parentPort === null) throw new Error('engineWorker must run as a worker thread')
const port = parentPort

port.on('message', (job: EngineJob) => port.postMessage(answerJob(job)))
