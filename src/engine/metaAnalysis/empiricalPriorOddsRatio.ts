import type { TwoByTwo } from './types'

/**
 * The prior pooled odds ratio Õ of the empirical zero-cell correction (Sweeting, Sutton & Lambert 2004, Stat Med
 * 23:1351, §3.3): the Mantel–Haenszel OR Σ(a·d/N)/Σ(b·c/N) of the trials without a zero cell. Without such trials,
 * or when that OR is 0 or not finite, Õ = 1 (the correction then equals the reciprocal one).
 */
export function empiricalPriorOddsRatio(tables: readonly TwoByTwo[]): number {
  let r = 0
  let s = 0
  for (const t of tables) {
    if (t.a === 0 || t.b === 0 || t.c === 0 || t.d === 0) continue
    const n = t.a + t.b + t.c + t.d
    r += (t.a * t.d) / n
    s += (t.b * t.c) / n
  }
  const or = r / s
  return Number.isFinite(or) && or > 0 ? or : 1
}
