import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { SpendingSpec } from '../../src/engine/spending'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** Reads a JSON fixture under tests/fixtures (e.g. 'reference/boundaries.json'). */
export function loadFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, relativePath), 'utf8')) as T
}

/** The reference files' JSON conventions: "Infinity"/"-Infinity" strings are ±∞, null is missing. */
export function referenceNumber(x: unknown): number {
  if (x === 'Infinity') return Infinity
  if (x === '-Infinity') return -Infinity
  if (typeof x === 'number') return x
  return Number.NaN
}

/** |actual − expected| ≤ tol, with the context printed on failure. */
export function expectClose(
  actual: number | null | undefined,
  expected: number,
  tol: number,
  context: string
): void {
  expect(actual, `${context}: got ${actual}, expected ${expected}`).not.toBeNull()
  const diff = Math.abs((actual as number) - expected)
  expect(diff, `${context}: got ${actual}, expected ${expected} (±${tol})`).toBeLessThanOrEqual(tol)
}

/** A spending family as the reference files name it ("OBF", "Pocock", "power" with ρ, "HSD" with γ). */
export interface ReferenceSpending {
  family: 'OBF' | 'Pocock' | 'power' | 'HSD'
  param: number | null
}

/** The engine's spending spec for a reference file's family and parameter. */
export function referenceSpending(s: ReferenceSpending): SpendingSpec {
  switch (s.family) {
    case 'OBF':
      return { kind: 'obf' }
    case 'Pocock':
      return { kind: 'pocock' }
    case 'power':
      return { kind: 'power', rho: s.param as number }
    case 'HSD':
      return { kind: 'hsd', gamma: s.param as number }
  }
}
