import { MAD_CONSTANT } from './constants'

function median(sorted: readonly number[]): number {
  const n = sorted.length
  const mid = Math.floor(n / 2)
  return n % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** R's mad(x) = 1.4826·median|x − median(x)| of the first k values. */
export function medianAbsoluteDeviation(x: readonly number[], k: number): number {
  const values = x.slice(0, k).sort((p, q) => p - q)
  const centre = median(values)
  const deviations = values.map((xi) => Math.abs(xi - centre)).sort((p, q) => p - q)
  return MAD_CONSTANT * median(deviations)
}
