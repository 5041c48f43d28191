import { describe, expect, test } from 'vitest'
import {
  formatEstimate,
  formatFixed,
  formatInformation,
  formatPercent
} from '@shared/figure/format'

describe('number formatting (chart, text alternative, results)', () => {
  test('fixed decimals without grouping; n/a for null and non-finite', () => {
    expect(formatFixed(1959.964, 2)).toBe('1959.96')
    expect(formatFixed(-0.5, 0)).toBe('-1')
    expect(formatFixed(null, 2)).toBe('n/a')
    expect(formatFixed(Number.NaN, 2)).toBe('n/a')
    expect(formatFixed(Number.POSITIVE_INFINITY, 2)).toBe('n/a')
  })

  test('information: whole numbers grouped from 100 up, three significant digits below', () => {
    expect(formatInformation(13280.8)).toBe('13,281')
    expect(formatInformation(42)).toBe('42')
    expect(formatInformation(0.012345)).toBe('0.0123')
    expect(formatInformation(undefined)).toBe('n/a')
  })

  test('percent and estimate with its interval', () => {
    expect(formatPercent(0.544)).toBe('54%')
    expect(formatEstimate(0.87, 0.71, 1.07)).toBe('0.87 (0.71 to 1.07)')
    expect(formatEstimate(0.87, null, null)).toBe('0.87')
  })

  test('reused formatters keep locales and digit counts apart', () => {
    // the formatters are cached per locale and style: alternate them to catch a shared cache entry
    expect(formatFixed(1.5, 1, 'de')).toBe('1,5')
    expect(formatFixed(1.5, 1, 'en')).toBe('1.5')
    expect(formatFixed(1.5, 2, 'en')).toBe('1.50')
    expect(formatFixed(1.5, 2, 'de')).toBe('1,50')
    expect(formatInformation(12345, 'de')).toBe('12.345')
    expect(formatInformation(12345, 'en')).toBe('12,345')
    expect(formatInformation(0.5, 'de')).toBe('0,5')
    expect(formatPercent(0.25, 'fr')).toMatch(/^25\s?%$/)
    expect(formatPercent(0.25, 'en')).toBe('25%')
  })
})
