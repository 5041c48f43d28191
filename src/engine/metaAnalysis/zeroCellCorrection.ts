import type { TwoByTwo, ZeroCellMethod } from './types'

/**
 * Amounts added to each cell of arm 1 (intervention: a, b) and of arm 2 (control: c, d) of a 2×2 table
 * (methods.md §1; Sweeting MJ, Sutton AJ, Lambert PC. What to add to nothing? Use and avoidance of continuity
 * corrections in meta-analysis of sparse data. Stat Med 2004;23:1351–1375).
 *
 * With k the per-cell value (the project file's `value`), n1, n2 the arm sizes, N = n1 + n2, R = n2/n1:
 *   constant:    k_T = k_C = k
 *   reciprocal:  k_T = 2k·n1/N,  k_C = 2k·n2/N      ("treatment arm" correction: k_T ∝ 1/n2, k_C ∝ 1/n1,
 *                                                   k_T + k_C = 2k; Sweeting et al. §3.2 with K = 2k)
 *   empirical:   k_T = 2k·Õ/(R + Õ),  k_C = 2k·R/(R + Õ)   (Õ a prior estimate of the pooled OR, from the
 *                                                   zero-free trials; Õ = 1 gives the reciprocal correction)
 * Equal arms give k_T = k_C = k for the reciprocal correction, so it reduces to the constant one.
 * @param priorOddsRatio Õ (empirical only)
 */
export function zeroCellCorrection(
  table: TwoByTwo,
  method: ZeroCellMethod,
  value: number,
  priorOddsRatio = 1
): { intervention: number; control: number } {
  if (method === 'constant') return { intervention: value, control: value }
  const n1 = table.a + table.b
  const n2 = table.c + table.d
  if (method === 'reciprocal') {
    const total = n1 + n2
    return { intervention: (2 * value * n1) / total, control: (2 * value * n2) / total }
  }
  const ratio = n2 / n1
  const o = priorOddsRatio
  return { intervention: (2 * value * o) / (ratio + o), control: (2 * value * ratio) / (ratio + o) }
}
