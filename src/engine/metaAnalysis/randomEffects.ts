import { biggerstaffTweedieWeights } from './biggerstaffTweedieWeights'
import type { FixedEffectSums } from './fixedEffectSums'
import type { ResolvedOptions } from './resolveOptions'
import { tau2DerSimonianLaird } from './tau2DerSimonianLaird'
import { tau2PauleMandel } from './tau2PauleMandel'
import { tau2RestrictedMaximumLikelihood } from './tau2RestrictedMaximumLikelihood'
import { tau2SidikJonkman } from './tau2SidikJonkman'

/** A random-effects fit: τ², θ̂_R, its variance V_R (never HKSJ's), and the HKSJ variance when asked for. */
export interface RandomEffectsFit {
  tau2: number
  estimate: number
  variance: number
  /** q·V_R with q = Σw(y − θ̂_R)²/(k − 1) (Hartung & Knapp 2001; Sidik & Jonkman 2002), null unless hksj and k ≥ 2 */
  hksjVariance: number | null
  /** the weights w*_i (only when asked for) */
  weights: number[] | null
}

/** τ² of the chosen estimator (BT reports the DL value; its weights differ, see biggerstaffTweedieWeights.ts). */
function estimateTau2(
  y: readonly number[],
  v: readonly number[],
  k: number,
  sums: FixedEffectSums,
  q: number,
  opts: ResolvedOptions
): number {
  switch (opts.tau2Method) {
    case 'SJ':
      return tau2SidikJonkman(y, v, k)
    case 'REML':
      return tau2RestrictedMaximumLikelihood(y, v, k)
    case 'PM':
      return tau2PauleMandel(y, v, k)
    default:
      return tau2DerSimonianLaird(q, k, sums.s1, sums.pairs)
  }
}

function weightsOf(v: readonly number[], k: number, tau2: number, opts: ResolvedOptions): number[] {
  if (opts.tau2Method === 'BT' && k >= 2) return biggerstaffTweedieWeights(v, k, tau2)
  const w = new Array<number>(k)
  for (let i = 0; i < k; i++) w[i] = 1 / ((v[i] as number) + tau2)
  return w
}

/**
 * Random-effects pooling of the first k trials (methods.md §2): weights w*_i = 1/(v_i + τ²) (Biggerstaff–Tweedie's
 * expected weights for BT), θ̂_R = Σw*y/Σw*, V_R = 1/Σw* (BT: Σw*²(v + τ²)/(Σw*)²); HKSJ: V = q/Σw* with
 * q = Σw*(y − θ̂_R)²/(k − 1), untruncated (metafor test = "knha"). τ² = 0 (and not BT) reduces to the IV fixed effect
 * from the running sums in O(1); otherwise O(k).
 */
export function randomEffects(
  y: readonly number[],
  v: readonly number[],
  k: number,
  sums: FixedEffectSums,
  q: number,
  opts: ResolvedOptions,
  wantWeights: boolean
): RandomEffectsFit {
  const tau2 = estimateTau2(y, v, k, sums, q, opts)
  const hksj = opts.hksj && k >= 2
  if (tau2 === 0 && opts.tau2Method !== 'BT') {
    const variance = 1 / sums.s1
    return {
      tau2,
      estimate: sums.ivMean,
      variance,
      hksjVariance: hksj ? (Math.max(0, sums.m2) / (k - 1)) * variance : null,
      weights: wantWeights ? weightsOf(v, k, 0, opts) : null
    }
  }
  const w = weightsOf(v, k, tau2, opts)
  let sumW = 0
  let sumWY = 0
  for (let i = 0; i < k; i++) {
    sumW += w[i] as number
    sumWY += (w[i] as number) * (y[i] as number)
  }
  const estimate = sumWY / sumW
  let rss = 0
  let sumW2V = 0
  for (let i = 0; i < k; i++) {
    const wi = w[i] as number
    rss += wi * ((y[i] as number) - estimate) ** 2
    sumW2V += wi * wi * ((v[i] as number) + tau2)
  }
  const variance = opts.tau2Method === 'BT' ? sumW2V / (sumW * sumW) : 1 / sumW
  return {
    tau2,
    estimate,
    variance,
    hksjVariance: hksj ? rss / (k - 1) / sumW : null,
    weights: wantWeights ? w : null
  }
}
