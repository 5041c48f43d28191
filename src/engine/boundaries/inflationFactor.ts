import { normalUpperQuantile } from '../distributions/normalQuantile'
import { exitProbabilities, type BoundarySet } from './exitProbabilities'

/**
 * Sequential inflation factor R (RTSA's "root"; Jennison & Turnbull 2000, §2.7): the ratio of the maximum
 * information a group-sequential design needs to the fixed-sample information for the same power,
 *   R = (θ_S/θ_F)²,  θ_F = z_{1−α/sides} + z_{1−β},
 * where θ_S is the drift (E[Z] at t = 1) at which the boundaries are crossed on the upper side with probability 1 − β.
 * Solved by bisection on θ (the crossing probability is increasing in θ).
 */
export function inflationFactor(
  bounds: BoundarySet,
  alpha: number,
  sides: 1 | 2,
  beta: number,
  engine: 'tsa' | 'precise' = 'precise'
): { inflationFactor: number; drift: number } {
  const fixedDrift = normalUpperQuantile(alpha / sides) + normalUpperQuantile(beta)
  const power = (drift: number): number => {
    const exits = exitProbabilities(bounds, drift, engine)
    return exits.upper.reduce((sum, p) => sum + p, 0)
  }
  let lo = 0
  let hi = fixedDrift
  while (power(hi) < 1 - beta) hi *= 1.5
  for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi)
    if (power(mid) < 1 - beta) lo = mid
    else hi = mid
  }
  const drift = 0.5 * (lo + hi)
  return { inflationFactor: (drift / fixedDrift) ** 2, drift }
}
