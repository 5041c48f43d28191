import { computeBoundaries, requiredInformationSize } from '@engine'
import type { AppInfo } from '@shared/ipc/contract'
import { analysisInput } from '@shared/projectFile'
import type { EngineHost } from '../engineHost'
import { unwrap } from './failure'
import type { Handlers } from './register'

/**
 * The request handlers. Inputs were already parsed by PARSERS; engine failures become RequestFailure and reach the
 * renderer as { ok: false, error } with the engine's own code. The full analysis runs in the engine worker
 * (engineHost.ts); boundaries and the RIS take milliseconds and run inline.
 */
export function createHandlers(appInfo: AppInfo, engine: Pick<EngineHost, 'run'>): Handlers {
  return {
    runTsa: async (project) => unwrap(await engine.run('runTsa', analysisInput(project))),
    computeBoundaries: async (req) => unwrap(computeBoundaries(req)),
    computeRequiredInformationSize: async (req) => unwrap(requiredInformationSize(req)),
    appInfo: async () => appInfo
  }
}
