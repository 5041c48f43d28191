import { normalQuantile, normalUpperQuantile } from '../distributions/normalQuantile'
import { exitProbabilities, type BoundarySet } from './exitProbabilities'
import { increasingRoot } from './increasingRoot'

/**
 * Sequential inflation factor R (RTSA's "root"; Jennison & Turnbull 2000, §2.7): the ratio of the maximum
 * information a group-sequential design needs to the fixed-sample information for the same power,
 *   R = (θ_S/θ_F)²,  θ_F = z_{1−α/sides} + z_{1−β},
 * where θ_S is the drift (E[Z] at t = 1) at which the boundaries are crossed on the upper side with probability 1 − β.
 * The crossing probability is increasing in θ; its probit Φ⁻¹(P(θ)) − z_{1−β} is nearly linear with slope ≈ 1, so
 * the root is found from θ_F (P(θ_F) ≤ 1 − β by Neyman–Pearson) by secant steps and Brent's method
 * (increasingRoot.ts), to a relative 1e-12 in θ, in 4–6 recursions.
 */
export function inflationFactor(
  bounds: BoundarySet,
  alpha: number,
  sides: 1 | 2,
  beta: number,
  engine: 'tsa' | 'precise' = 'precise'
): { inflationFactor: number; drift: number } {
  const fixedDrift = normalUpperQuantile(alpha / sides) + normalUpperQuantile(beta)
  const target = normalUpperQuantile(beta)
  const probit = (drift: number): number => {
    const exits = exitProbabilities(bounds, drift, engine)
    const power = exits.upper.reduce((sum, p) => sum + p, 0)
    return power >= 1 ? Infinity : normalQuantile(power) - target
  }
  const drift = increasingRoot(probit, fixedDrift, {
    slope: 1,
    maxStep: fixedDrift,
    tol: 1e-12 * fixedDrift,
    ftol: 1e-13
  })
  return { inflationFactor: (drift / fixedDrift) ** 2, drift }
}
