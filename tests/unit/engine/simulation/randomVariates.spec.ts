/** The simulator's seeded variates: uniforms in (0, 1), normal and binomial moments, exact small-case inversion. */
import { describe, expect, test } from 'vitest'
import {
  binomial,
  logFactorial,
  standardNormal,
  uniformSource
} from '../../../../src/engine/simulation/randomVariates'

const DRAWS = 20_000

function moments(draw: () => number): { mean: number; variance: number } {
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < DRAWS; i++) {
    const x = draw()
    sum += x
    sumSq += x * x
  }
  const mean = sum / DRAWS
  return { mean, variance: sumSq / DRAWS - mean * mean }
}

describe('uniformSource', () => {
  test('draws lie strictly inside (0, 1) and repeat for a seed', () => {
    const a = uniformSource(3)
    const b = uniformSource(3)
    for (let i = 0; i < 1000; i++) {
      const x = a.next()
      expect(x).toBeGreaterThan(0)
      expect(x).toBeLessThan(1)
      expect(b.next()).toBe(x)
    }
  })
})

describe('standardNormal', () => {
  test('has mean 0 and variance 1 within sampling error', () => {
    const u = uniformSource(11)
    const m = moments(() => standardNormal(u))
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(DRAWS))
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / DRAWS))
  })
})

describe('binomial', () => {
  // small mean (search from 0), large mean (search from the mode), p > ½ (mirrored)
  test.each([
    [100, 0.1],
    [1000, 0.3],
    [50, 0.8],
    [5000, 0.45]
  ])('Bin(%i, %f) has mean np and variance np(1 − p) within sampling error', (n, p) => {
    const u = uniformSource(5)
    const m = moments(() => binomial(u, n, p))
    const variance = n * p * (1 - p)
    expect(Math.abs(m.mean - n * p)).toBeLessThan(4 * Math.sqrt(variance / DRAWS))
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.06)
  })

  test('inversion of Bin(3, ½) maps uniforms to the CDF steps 1/8, 4/8, 7/8', () => {
    const at = (x: number): number => binomial({ next: () => x }, 3, 0.5)
    expect([0.1, 0.2, 0.6, 0.9].map(at)).toEqual([0, 1, 2, 3])
  })

  test('the mode search returns every value with its binomial probability', () => {
    // Bin(40, 0.5): mean 20 ≥ 16, so the search starts at the mode; compare frequencies with the pmf
    const n = 40
    const counts = new Array<number>(n + 1).fill(0)
    const u = uniformSource(9)
    for (let i = 0; i < DRAWS; i++) counts[binomial(u, n, 0.45)]++
    for (let k = 10; k <= 26; k++) {
      const pmf = Math.exp(
        logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(0.45) + (n - k) * Math.log(0.55)
      )
      const se = Math.sqrt((pmf * (1 - pmf)) / DRAWS)
      expect(Math.abs((counts[k] as number) / DRAWS - pmf)).toBeLessThan(4 * se)
    }
  })

  test('p = 0 and p = 1 give 0 and n but still use one uniform each', () => {
    const u = uniformSource(1)
    const v = uniformSource(1)
    expect(binomial(u, 10, 0)).toBe(0)
    expect(binomial(u, 10, 1)).toBe(10)
    v.next()
    v.next()
    expect(u.next()).toBe(v.next())
  })
})

describe('logFactorial', () => {
  // ln 256! ≈ 1167, so double rounding alone leaves ~1e-13 in a difference of two values
  test("Stirling's series continues the table smoothly at 256", () => {
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 11)
    expect(logFactorial(1000) - logFactorial(999)).toBeCloseTo(Math.log(1000), 10)
  })
})
