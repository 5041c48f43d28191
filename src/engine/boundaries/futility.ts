import { fail, type Result } from '../result'
import type { SpendingSpec } from '../spending'
import type { BoundaryEngine, FutilityKind } from '../types'
import type { AlphaBoundaries } from './solveAlphaBoundaries'

/** Inputs of a futility design (methods.md §7). */
export interface FutilityRequest {
  informationFractions: readonly number[]
  /** total alpha */
  alpha: number
  sides: 1 | 2
  spending: SpendingSpec
  beta: number
  betaSpending: SpendingSpec
  kind: Exclude<FutilityKind, 'none'>
  engine: BoundaryEngine
}

export interface FutilityDesign {
  /** the efficacy boundaries (recomputed with the futility region when binding) */
  alpha: AlphaBoundaries
  /** futility bound on the benefit side per look (±∞/NaN → null in the DTO) */
  futilityUpper: number[]
  /** two-sided inner wedge: −futilityUpper */
  futilityLower: number[]
  /** maximum-information inflation R */
  inflationFactor: number
  /** drift at t = 1 under which β is spent */
  drift: number
  /** the convention used, reported to the user */
  convention: string
}

/** Futility designs: the CTU inner wedge or design-style β-spending (binding / non-binding). */
export function computeFutility(req: FutilityRequest): Result<FutilityDesign> {
  return fail('invalidInput', `futility "${req.kind}" is being implemented`, 'futility')
}
