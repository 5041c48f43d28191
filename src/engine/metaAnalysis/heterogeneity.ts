import { chiSquareUpperTail } from './chiSquareUpperTail'
import type { FixedEffectSums } from './fixedEffectSums'
import type { HeterogeneityResult } from './types'

/**
 * Heterogeneity statistics of one look (methods.md §2):
 *   df = k − 1, p = P(χ²_df > Q), H² = Q/df (1 when df = 0), H = √H², I² = max(0, (Q − df)/Q) (0 when Q = 0);
 *   I²_τ = τ²/(τ² + ṽ), ṽ = (k − 1)S1/(S1² − S2) (Higgins & Thompson 2002, Stat Med 21:1539; metafor's I² of a
 *   random-effects fit);
 *   D² = 1 − V_F/V_R (Wetterslev, Thorlund, Brok & Gluud 2009, BMC Med Res Methodol 9:86), V_F the IV fixed variance
 *   1/S1, V_R the random-effects variance of the chosen τ² model (never HKSJ's); D² = 0 when τ² = 0.
 */
export function heterogeneity(
  sums: FixedEffectSums,
  q: number,
  tau2: number,
  randomVariance: number
): HeterogeneityResult {
  const df = sums.k - 1
  const h2 = df > 0 ? q / df : 1
  const i2 = q > 0 ? Math.max(0, (q - df) / q) : 0
  const typical = df > 0 ? (df * sums.s1) / sums.pairs : 0
  const i2Tau2 = tau2 > 0 && typical > 0 ? tau2 / (tau2 + typical) : 0
  const d2 = tau2 > 0 ? Math.min(Math.max(0, 1 - 1 / sums.s1 / randomVariance), 1) : 0
  return {
    q,
    df,
    p: chiSquareUpperTail(q, df),
    h2,
    h: Math.sqrt(h2),
    i2,
    i2Tau2,
    tau2,
    tau: Math.sqrt(tau2),
    d2
  }
}
