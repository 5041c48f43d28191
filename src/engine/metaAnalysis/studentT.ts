import betainc from '@stdlib/math-base-special-betainc'
import quantile from '@stdlib/stats-base-dists-t-quantile'

/**
 * Two-sided tail probability of Student's t: P(|T_df| > |t|) = I_{df/(df+t²)}(df/2, 1/2), the regularized incomplete
 * beta function (@stdlib betainc), accurate in the far tail (no 1 − F cancellation). metafor/RTSA: 2·pt(|t|, df,
 * lower.tail = FALSE).
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0
  return betainc(df / (df + t * t), df / 2, 0.5, true, false)
}

/** Quantile t_{p, df} of Student's t (@stdlib; R's qt to ~1e-12 relative for df ≥ 1). */
export function studentTQuantile(p: number, df: number): number {
  return quantile(p, df)
}
