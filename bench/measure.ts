/** One benchmark figure (interfaces.md: { name, medianMs, runs }). */
export interface Figure {
  name: string
  medianMs: number
  runs: number
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
    times.sort((a, b) => a - b)
    const mid = times.length >> 1
    const median =
      times.length % 2 === 1
        ? (times[mid] as number)
        : ((times[mid - 1] as number) + (times[mid] as number)) / 2
    return { name, medianMs: median, runs: times.length }
  } catch {
    return null
  }
}
