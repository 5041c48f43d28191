import { computeBoundaries, requiredInformationSize } from '@engine'
import type { AppInfo } from '@shared/ipc/contract'
import { unwrap } from './failure'
import type { Handlers } from './register'

/**
 * The request handlers. Inputs were already parsed by PARSERS; engine failures become RequestFailure and reach the
 * renderer as { ok: false, error } with the engine's own code.
 * (Boundaries run synchronously for now; they move to a worker, engineHost.ts, with the full analysis.)
 */
export function createHandlers(appInfo: AppInfo): Handlers {
  return {
    computeBoundaries: async (req) => unwrap(computeBoundaries(req)),
    computeRequiredInformationSize: async (req) => unwrap(requiredInformationSize(req)),
    appInfo: async () => appInfo
  }
}
