/** One benchmark figure (interfaces.md: { name, medianMs, runs }). */
export interface Figure {
  name: string
  medianMs: number
  runs: number
}

/** The median of a non-empty list of times. */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Median wall time of `fn` over repeated runs after a warm-up (so the JIT has compiled the kernels), stopping at
 * `maxRuns` or once `budgetMs` is used. Returns null when the function throws: a figure that cannot be measured is
 * left out, never reported as 0.
 */
export function measure(
  name: string,
  fn: () => unknown,
  maxRuns = 50,
  budgetMs = 5000
): Figure | null {
  try {
    for (let i = 0; i < 3; i++) fn()
    const times: number[] = []
    const start = performance.now()
    while (times.length < maxRuns && (times.length < 5 || performance.now() - start < budgetMs)) {
      const t0 = performance.now()
      fn()
      times.push(performance.now() - t0)
    }
    return { name, medianMs: median(times), runs: times.length }
  } catch {
    return null
  }
}
