// The browser host's engine requests: the same PARSERS as main, then the engine functions, inside the Web Worker.
// Only ENGINE_REQUESTS are answered here; the document requests never reach the worker (documentHost.ts answers
// them in the page). Pure (no worker globals), so it is unit-tested directly.
import { computeBoundaries, requiredInformationSize, runTsa, toEngineError } from '@engine'
import type { AppInfo, Requests, Result } from '@shared/ipc/contract'
import { PARSERS } from '@shared/ipc/parse'
import { analysisInput } from '@shared/projectFile'
import {
  isEngineRequest,
  type EngineRequestName,
  type WorkerReply,
  type WorkerRequest
} from './protocol'

type EngineHandlers = {
  [K in EngineRequestName]: (req: Requests[K]['req']) => Result<Requests[K]['res']>
}

/** One handler per engine request of the contract (a missing one does not compile), as main's createHandlers. */
function engineHandlers(appInfo: AppInfo): EngineHandlers {
  return {
    runTsa: (project) => runTsa(analysisInput(project)),
    computeBoundaries: (req) => computeBoundaries(req),
    computeRequiredInformationSize: (req) => requiredInformationSize(req),
    // the renderer turns on the in-page File shortcuts (and knows there are no native menus) by this
    appInfo: () => ({ ok: true, value: { ...appInfo, host: 'web' } })
  }
}

/** Answers one request message: unknown name, bad payload and engine exceptions all become error Results. */
export function createRequestAnswerer(
  appInfo: Omit<AppInfo, 'host'>
): (request: WorkerRequest) => WorkerReply {
  const handlers = engineHandlers(appInfo)
  return ({ id, name, payload }) => {
    // The name comes from a message: checked at run time, and a document request is as unknown here as a typo.
    if (!isEngineRequest(name)) {
      return {
        id,
        result: {
          ok: false,
          error: { code: 'invalidRequest', message: `unknown request: ${String(name)}` }
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
