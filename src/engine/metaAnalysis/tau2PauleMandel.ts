import { brentZeroin } from '../numerics/brentZeroin'
import {
  PM_TAU2_MAX,
  PM_UNIROOT_TOL,
  TAU2_BRACKET_DOUBLINGS,
  TAU2_MAX_ITERATIONS
} from './constants'
import { medianAbsoluteDeviation } from './medianAbsoluteDeviation'
import { weightedFit } from './weightedFit'

/**
 * Paule–Mandel τ² (Paule & Mandel 1982, J Res Natl Bur Stand 87:377), the root of the generalised Q:
 *   Q(τ²) = Σ(y − θ̂(τ²))²/(v + τ²) = k − 1,  τ² = 0 when Q(0) < k − 1.
 * As metafor 3.8 rma.uni method = "PM": uniroot on [0, tau2.max] with tau2.max = max(100, 10·mad(y)²),
 * tol = eps^¼ and maxiter 100 (brentZeroin.ts reproduces that iteration, hence metafor's value to rounding;
 * the exact root differs by up to ~tol). Where metafor stops ("tau2.max too low") the interval is doubled instead.
 */
export function tau2PauleMandel(y: readonly number[], v: readonly number[], k: number): number {
  if (k < 2) return 0
  const target = k - 1
  const f = (tau2: number): number => weightedFit(y, v, k, tau2).rss - target
  const f0 = f(0)
  if (f0 < 0) return 0
  let upper = Math.max(PM_TAU2_MAX, 10 * medianAbsoluteDeviation(y, k) ** 2)
  let fUpper = f(upper)
  for (let i = 0; fUpper > 0 && i < TAU2_BRACKET_DOUBLINGS; i++) {
    upper *= 2
    fUpper = f(upper)
  }
  const root = brentZeroin(f, 0, upper, f0, fUpper, PM_UNIROOT_TOL, TAU2_MAX_ITERATIONS)
  return root === null ? 0 : Math.max(0, root)
}
