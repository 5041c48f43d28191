import { normalUpperQuantile } from '../distributions/normalQuantile'
import { normalUpperTail } from '../distributions/normalUpperTail'
import { studentTQuantile, studentTTwoSidedP } from './studentT'
import type { PooledEstimate } from './types'

/**
 * Wald summary of a pooled estimate θ̂ with variance V on the analysis scale:
 *   z = θ̂/√V,  p = 2·Q(|z|)  (or 2·P(T_df > |z|) for HKSJ),  CI = θ̂ ∓ c·√V with c = z_{1−(1−level)/2} (or t_{…, df}).
 * A zero variance (degenerate data, e.g. identical trials under HKSJ) gives z = p = null and a zero-width CI.
 * @param df degrees of freedom of a t reference (HKSJ: k − 1), or null for the normal
 */
export function pooledEstimate(
  estimate: number,
  variance: number,
  level: number,
  df: number | null = null
): PooledEstimate {
  const se = Math.sqrt(variance)
  const tail = (1 - level) / 2
  const crit = df === null ? normalUpperQuantile(tail) : studentTQuantile(1 - tail, df)
  const degenerate = !(se > 0)
  const z = degenerate ? null : estimate / se
  let p: number | null = null
  if (z !== null) p = df === null ? 2 * normalUpperTail(Math.abs(z)) : studentTTwoSidedP(z, df)
  return {
    estimate,
    se,
    variance,
    z,
    p,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    df
  }
}
