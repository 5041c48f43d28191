// The browser host's request handling: the same PARSERS as main, then the engine functions, inside the Web Worker.
// Pure (no worker globals), so it is unit-tested directly.
import { computeBoundaries, requiredInformationSize, runTsa, toEngineError } from '@engine'
import type { AppInfo, Requests, Result } from '@shared/ipc/contract'
import { PARSERS } from '@shared/ipc/parse'
import { analysisInput } from '@shared/projectFile'
import type { WorkerReply, WorkerRequest } from './protocol'

type WebHandlers = {
  [K in keyof Requests]: (req: Requests[K]['req']) => Result<Requests[K]['res']>
}

/** One handler per request of the contract (a missing one does not compile), as main's createHandlers. */
function webHandlers(appInfo: AppInfo): WebHandlers {
  return {
    runTsa: (project) => runTsa(analysisInput(project)),
    computeBoundaries: (req) => computeBoundaries(req),
    computeRequiredInformationSize: (req) => requiredInformationSize(req),
    appInfo: () => ({ ok: true, value: appInfo })
  }
}

/** Answers one request message: unknown name, bad payload and engine exceptions all become error Results. */
export function createRequestAnswerer(appInfo: AppInfo): (request: WorkerRequest) => WorkerReply {
  const handlers = webHandlers(appInfo)
  return ({ id, name, payload }) => {
    if (!Object.hasOwn(PARSERS, name)) {
      return {
        id,
        result: {
          ok: false,
          error: { code: 'invalidRequest', message: `unknown request: ${name}` }
        }
      }
    }
    const parsed = PARSERS[name](payload)
    if (!parsed.ok) return { id, result: parsed }
    try {
      // TypeScript cannot correlate the name across the two maps; PARSERS[name] produced handlers[name]'s input.
      return { id, result: handlers[name](parsed.value as never) }
    } catch (err) {
      return { id, result: { ok: false, error: toEngineError(err) } }
    }
  }
}
