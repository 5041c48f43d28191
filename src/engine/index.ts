/** The engine's public surface: hosts (main, CLI, web worker) import '@engine', never deep paths. */
export * from './result'
export * from './types'
export * from './spending'
export { normalCdf } from './distributions/normalCdf'
export { normalUpperTail } from './distributions/normalUpperTail'
export { normalQuantile, normalUpperQuantile } from './distributions/normalQuantile'
export { normalPdf } from './distributions/normalPdf'
export {
  computeBoundaries,
  toZValue,
  validateBoundaryRequest
} from './boundaries/computeBoundaries'
export { solveAlphaBoundaries } from './boundaries/solveAlphaBoundaries'
export { solveAlphaBoundariesLd98 } from './boundaries/solveAlphaBoundariesLd98'
export {
  exitProbabilities,
  type BoundarySet,
  type ExitProbabilities
} from './boundaries/exitProbabilities'
export { inflationFactor } from './boundaries/inflationFactor'
export { requiredInformationSize } from './informationSize/requiredInformationSize'
export * from './metaAnalysis/index'
export { runTsa } from './analysis/runTsa'
export { TRIAL_DATA_FIELDS } from './analysis/prepareTrials'
export type * from './analysis/types'
export { furtherTrials, type FurtherTrialsRequest, type FurtherTrialsResult } from './informationSize/furtherTrials'
export {
  simulate,
  validateSimulationRequest,
  MAX_SIMULATION_RUNS,
  type SimulationRequest,
  type SimulationSummary,
  type SimulationOptions
} from './simulation/simulate'
