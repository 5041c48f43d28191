import { weightedFit } from './weightedFit'

/**
 * Sidik–Jonkman τ² (Sidik & Jonkman 2005, J Biopharm Stat 15:823; metafor 3.8 rma.uni method = "SJ"):
 *   τ0² = Σ(y − ȳ)²/k  (ȳ unweighted),  w = 1/(v + τ0²),  τ² = τ0²·Σw(y − θ̂_w)²/(k − 1).
 * Always ≥ 0; k = 1 gives 0 (metafor).
 */
export function tau2SidikJonkman(y: readonly number[], v: readonly number[], k: number): number {
  if (k < 2) return 0
  let mean = 0
  for (let i = 0; i < k; i++) mean += y[i] as number
  mean /= k
  let ss = 0
  for (let i = 0; i < k; i++) ss += ((y[i] as number) - mean) ** 2
  const tau0 = ss / k
  if (!(tau0 > 0)) return 0
  const fit = weightedFit(y, v, k, tau0)
  return (tau0 * fit.rss) / (k - 1)
}
