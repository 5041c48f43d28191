import { fail, ok, type Result } from '../result'
import { DEFAULT_CONFIDENCE_LEVEL } from './constants'
import type {
  EffectMeasure,
  FixedEffectMethodUsed,
  MeanDifferenceVariance,
  MetaAnalysisOptions,
  PoolingModel,
  RiskDifferenceVariance,
  Tau2Method
} from './types'

/** Options with every default filled in (interfaces.md). */
export interface ResolvedOptions {
  measure: EffectMeasure
  model: PoolingModel
  fixedMethod: FixedEffectMethodUsed
  tau2Method: Tau2Method
  hksj: boolean
  ctuCompatibility: boolean
  confidenceLevel: number
  mdVariance: MeanDifferenceVariance
  rdVariance: RiskDifferenceVariance
  fixedCounts: 'corrected' | 'raw'
  heterogeneityCentre: 'fixedMethod' | 'inverseVariance'
}

const MEASURES: readonly EffectMeasure[] = ['RR', 'OR', 'RD', 'PetoOR', 'MD']
const TAU2_METHODS: readonly Tau2Method[] = ['DL', 'SJ', 'BT', 'REML', 'PM']

/** Fills the defaults and checks the option values; the error names the field. */
export function resolveOptions(options: MetaAnalysisOptions): Result<ResolvedOptions> {
  const { measure } = options
  if (!MEASURES.includes(measure)) {
    return fail('invalidInput', `unknown measure ${String(measure)}`, 'measure')
  }
  const tau2Method = options.tau2Method ?? 'DL'
  if (!TAU2_METHODS.includes(tau2Method)) {
    return fail('invalidInput', `unknown tau2Method ${String(tau2Method)}`, 'tau2Method')
  }
  const level = options.confidenceLevel ?? DEFAULT_CONFIDENCE_LEVEL
  if (!(level > 0 && level < 1)) {
    return fail(
      'invalidInput',
      `confidenceLevel must lie in (0, 1), got ${level}`,
      'confidenceLevel'
    )
  }
  const requested = options.fixedMethod ?? 'MH'
  if (requested !== 'MH' && requested !== 'IV') {
    return fail('invalidInput', `unknown fixedMethod ${String(requested)}`, 'fixedMethod')
  }
  return ok(withDefaults(options, fixedMethodFor(measure, requested), tau2Method, level))
}

/** Peto OR is always pooled by Peto's method, MD by IV. */
function fixedMethodFor(measure: EffectMeasure, requested: 'MH' | 'IV'): FixedEffectMethodUsed {
  if (measure === 'PetoOR') return 'Peto'
  if (measure === 'MD') return 'IV'
  return requested
}

function withDefaults(
  options: MetaAnalysisOptions,
  fixedMethod: FixedEffectMethodUsed,
  tau2Method: Tau2Method,
  level: number
): ResolvedOptions {
  return {
    measure: options.measure,
    model: options.model ?? 'random',
    fixedMethod,
    tau2Method,
    hksj: options.hksj ?? false,
    ctuCompatibility: options.ctuCompatibility ?? false,
    confidenceLevel: level,
    mdVariance: options.mdVariance ?? 'unequal',
    rdVariance: options.rdVariance ?? 'greenlandRobins',
    fixedCounts: options.fixedCounts ?? 'corrected',
    heterogeneityCentre: options.heterogeneityCentre ?? 'fixedMethod'
  }
}
