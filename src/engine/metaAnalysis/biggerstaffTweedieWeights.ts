import gammainc from '@stdlib/math-base-special-gammainc'
import { BT_QUADRATURE_PANELS, BT_QUADRATURE_SDS } from './constants'

/**
 * Random-effects weights of Biggerstaff & Tweedie (1997, Stat Med 16:753), which carry the uncertainty of the DL τ²:
 *   E[Q] = (k − 1) + c·τ²,  Var[Q] = 2(k − 1) + 4c·τ² + 2s·τ⁴   (their eqs. for Cochran's Q, evaluated at τ²_DL)
 *   c = S1 − S2/S1,  s = S2 − 2S3/S1 + (S2/S1)²,  S_r = Σw^r, w = 1/v;
 *   Q ≈ Gamma with those two moments;  T = max(0, (Q − (k − 1))/c)  (the DL estimator as a random variable);
 *   w*_i = E[1/(v_i + T)] = P(Q ≤ k − 1)/v_i + ∫₀^∞ 1/(v_i + t) dF_T(t).
 * The integral is a Stieltjes midpoint sum over BT_QUADRATURE_PANELS panels of the gamma CDF up to
 * E[T] + BT_QUADRATURE_SDS·SD[T]; the mass beyond is put at the last point. Its accuracy is ~2e-4 relative (the
 * curvature of 1/(v + t) near t = 0 for small v limits a uniform midpoint rule).
 * The pooled estimate is Σw*y/Σw*; its variance Σw*²(v + τ²_DL)/(Σw*)² (the variance of a fixed-weight mean under
 * the random-effects model). NOTE: no independent reference values are available for this option (methods.md lists
 * it as a CTU option); it is checked only for its limits (weights between 1/v and 1/(v + τ²_DL)).
 */
export function biggerstaffTweedieWeights(v: readonly number[], k: number, tau2: number): number[] {
  let s1 = 0
  let s2 = 0
  let pairs = 0
  let squaredPairs = 0
  let diagonal = 0
  for (let i = 0; i < k; i++) {
    const w = 1 / (v[i] as number)
    pairs += 2 * w * s1
    squaredPairs += 2 * w * w * s2
    s1 += w
    s2 += w * w
  }
  for (let i = 0; i < k; i++) {
    const w = 1 / (v[i] as number)
    diagonal += (w * (s1 - w)) ** 2
  }
  // c = S1 − S2/S1 = (S1² − S2)/S1 and s = tr(PP) = Σ_i w_i²(1 − w_i/S1)² + (S2² − S4)/S1², with the pair sums
  // S1² − S2 and S2² − S4 accumulated from positive terms (no cancellation when one weight dominates)
  const c = pairs / s1
  const s = (diagonal + squaredPairs) / (s1 * s1)
  const df = k - 1
  const mean = df + c * tau2
  const variance = 2 * df + 4 * c * tau2 + 2 * s * tau2 * tau2
  const shape = (mean * mean) / variance
  const scale = variance / mean
  const cdfQ = (q: number): number => (q <= 0 ? 0 : gammainc(q / scale, shape, true, false))
  const atZero = cdfQ(df)
  const tMax = (mean - df + BT_QUADRATURE_SDS * Math.sqrt(variance)) / c
  const h = tMax / BT_QUADRATURE_PANELS
  const weights = new Array<number>(k)
  const mass: number[] = []
  const mids: number[] = []
  let prev = atZero
  for (let j = 1; j <= BT_QUADRATURE_PANELS; j++) {
    const next = cdfQ(df + c * j * h)
    mass.push(next - prev)
    mids.push((j - 0.5) * h)
    prev = next
  }
  const tail = 1 - prev
  for (let i = 0; i < k; i++) {
    const vi = v[i] as number
    let w = atZero / vi + tail / (vi + tMax)
    for (let j = 0; j < mass.length; j++) w += (mass[j] as number) / (vi + (mids[j] as number))
    weights[i] = w
  }
  return weights
}
