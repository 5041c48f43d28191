import { brentZeroin } from '../numerics/brentZeroin'
import {
  PM_UNIROOT_TOL,
  REML_THRESHOLD,
  TAU2_BRACKET_DOUBLINGS,
  TAU2_MAX_ITERATIONS
} from './constants'
import { weightedFit, type WeightedFit } from './weightedFit'

/** REML score direction y'PPy − tr(P) of the intercept-only model, P = W − ww'/Σw. */
function scoreNumerator(fit: WeightedFit): number {
  return fit.rssW - (fit.sumW - fit.sumW2 / fit.sumW)
}

/** tr(PP) = Σw² − 2Σw³/Σw + (Σw²/Σw)². */
function traceP2(fit: WeightedFit): number {
  const ratio = fit.sumW2 / fit.sumW
  return fit.sumW2 - (2 * fit.sumW3) / fit.sumW + ratio * ratio
}

/** Restricted log-likelihood up to a constant: −½Σln(v + τ²) − ½ln Σw − ½RSS. */
function restrictedLogLik(v: readonly number[], k: number, tau2: number, fit: WeightedFit): number {
  let logSum = 0
  for (let i = 0; i < k; i++) logSum += Math.log((v[i] as number) + tau2)
  return -0.5 * logSum - 0.5 * Math.log(fit.sumW) - 0.5 * fit.rss
}

/** Hedges' (HE) estimator, metafor's starting value: (Σ(y − ȳ)² − Σv·(k − 1)/k)/(k − 1). */
function hedgesStart(y: readonly number[], v: readonly number[], k: number): number {
  let mean = 0
  for (let i = 0; i < k; i++) mean += y[i] as number
  mean /= k
  let rss = 0
  let trPV = 0
  for (let i = 0; i < k; i++) {
    rss += ((y[i] as number) - mean) ** 2
    trPV += (v[i] as number) * (1 - 1 / k)
  }
  return Math.max(0, (rss - trPV) / (k - 1))
}

/** metafor's Fisher scoring: τ² += (y'PPy − tr P)/tr(PP), step-halving at 0, |Δ| ≤ 1e-5, ≤ 100 steps. */
function fisherScoring(y: readonly number[], v: readonly number[], k: number): number | null {
  let tau2 = hedgesStart(y, v, k)
  for (let iter = 1; iter <= TAU2_MAX_ITERATIONS; iter++) {
    const fit = weightedFit(y, v, k, tau2)
    let adj = scoreNumerator(fit) / traceP2(fit)
    if (!Number.isFinite(adj)) return null
    while (tau2 + adj < 0) adj /= 2
    const old = tau2
    tau2 += adj
    if (Math.abs(old - tau2) <= REML_THRESHOLD) return tau2
  }
  return null
}

/** Fall-back when Fisher scoring does not converge: the root of the REML score on [0, ∞) by Brent's method. */
function scoreRoot(y: readonly number[], v: readonly number[], k: number): number {
  const score = (tau2: number): number => scoreNumerator(weightedFit(y, v, k, tau2))
  const s0 = score(0)
  if (s0 <= 0) return 0
  let upper = 1
  let sUpper = score(upper)
  for (let i = 0; sUpper > 0 && i < TAU2_BRACKET_DOUBLINGS; i++) {
    upper *= 2
    sUpper = score(upper)
  }
  const root = brentZeroin(score, 0, upper, s0, sUpper, PM_UNIROOT_TOL * 1e-6, TAU2_MAX_ITERATIONS)
  return root === null ? 0 : root
}

/**
 * Restricted maximum-likelihood τ² of the random-effects model (Viechtbauer 2005, J Educ Behav Stat 30:261),
 * computed as metafor 3.8 rma.uni method = "REML": Fisher scoring from Hedges' estimate,
 *   τ² ← τ² + (y'PPy − tr P)/tr(PP),  P = W − ww'/Σw,  w = 1/(v + τ²),
 * halving a step that would make τ² < 0, stopping when |Δτ²| ≤ 1e-5 (so metafor's value is reproduced to rounding);
 * then τ² = 0 if the restricted likelihood at 0 exceeds that at τ² by more than eps^¼ (metafor's ll0check).
 * metafor fails where Fisher scoring does not converge in 100 steps; we then solve the REML score equation by
 * Brent's method instead (documented divergence).
 */
export function tau2RestrictedMaximumLikelihood(
  y: readonly number[],
  v: readonly number[],
  k: number
): number {
  if (k < 2) return 0
  const scored = fisherScoring(y, v, k)
  if (scored === null) return scoreRoot(y, v, k)
  const tau2 = Math.max(0, scored)
  if (tau2 > REML_THRESHOLD) {
    const ll0 = restrictedLogLik(v, k, 0, weightedFit(y, v, k, 0))
    const ll = restrictedLogLik(v, k, tau2, weightedFit(y, v, k, tau2))
    if (ll0 - ll > PM_UNIROOT_TOL) return 0
  }
  return tau2
}
