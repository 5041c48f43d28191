/**
 * Weighted fit of the first k effects with weights w_i = 1/(v_i + τ²):
 *   Σw, θ̂ = Σw·y/Σw, RSS = Σw(y − θ̂)², and Σw², Σw³ (for REML's trace terms).
 * Two passes (mean, then residuals) keep RSS accurate. O(k).
 */
export interface WeightedFit {
  sumW: number
  sumW2: number
  sumW3: number
  mean: number
  rss: number
  /** Σw²(y − θ̂)² = y'PPy of the REML score (metafor rma.uni) */
  rssW: number
}

export function weightedFit(
  y: readonly number[],
  v: readonly number[],
  k: number,
  tau2: number
): WeightedFit {
  let sumW = 0
  let sumW2 = 0
  let sumW3 = 0
  let sumWY = 0
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2)
    sumW += w
    sumW2 += w * w
    sumW3 += w * w * w
    sumWY += w * (y[i] as number)
  }
  const mean = sumWY / sumW
  let rss = 0
  let rssW = 0
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2)
    const r = (y[i] as number) - mean
    rss += w * r * r
    rssW += w * w * r * r
  }
  return { sumW, sumW2, sumW3, mean, rss, rssW }
}
