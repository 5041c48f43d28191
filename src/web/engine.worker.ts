// The engine Web Worker of the browser build: answers WorkerRequest messages, one at a time, in order.
/// <reference lib="webworker" />
import { createRequestAnswerer } from './requests'
import type { WorkerRequest } from './protocol'

declare const self: DedicatedWorkerGlobalScope

const answer = createRequestAnswerer({ name: 'OpenTSA', version: __OPENTSA_VERSION__ })

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  self.postMessage(answer(event.data))
})
