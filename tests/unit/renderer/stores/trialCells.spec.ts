import { describe, expect, it } from 'vitest'
import {
  detectDecimalComma,
  isHeaderRow,
  matchHeader,
  parseFlag,
  parseTsv,
  separatorEvidence,
  toTsv
} from '../../../../src/renderer/src/stores/trialCells'
import { createHistory } from '../../../../src/renderer/src/stores/history'

describe('decimal separators', () => {
  it.each([
    ['1,5', 'comma'],
    ['0,250', 'comma'],
    ['1234,567', 'comma'],
    ['1.234,5', 'comma'],
    ['1.234.567', 'comma'],
    ['1.5', 'point'],
    ['1,234.5', 'point'],
    ['1,234,567', 'point'],
    ['1,234', null],
    ['1.234', null],
    ['12', null],
    ['abc', null]
  ] as const)('%s → %s', (text, expected) => {
    expect(separatorEvidence(text)).toBe(expected)
  })

  it('decides a block by majority, and by the fallback when tied or silent', () => {
    expect(detectDecimalComma(['1,5', '2', '1.234'], false)).toBe(true)
    expect(detectDecimalComma(['1.5', '2,25', '3.75'], true)).toBe(false)
    expect(detectDecimalComma(['1,234', '12'], true)).toBe(true)
    expect(detectDecimalComma(['1,234', '12'], false)).toBe(false)
  })
})

describe('flags and headers', () => {
  it('parses flags; blank or unknown is null', () => {
    expect(parseFlag('Yes')).toBe(true)
    expect(parseFlag('TRUE')).toBe(true)
    expect(parseFlag('0')).toBe(false)
    expect(parseFlag('high')).toBe(false)
    expect(parseFlag('')).toBeNull()
    expect(parseFlag('maybe')).toBeNull()
  })

  it('matches grid labels and COLUMN_ALIASES for the outcome type only', () => {
    expect(matchHeader('Intervention events', 'dichotomous')).toBe('eventsIntervention')
    expect(matchHeader(' EVENT.E ', 'dichotomous')).toBe('eventsIntervention')
    expect(matchHeader('studlab', 'dichotomous')).toBe('name')
    expect(matchHeader('mean.e', 'dichotomous')).toBeNull()
    expect(matchHeader('mean.e', 'continuous')).toBe('meanIntervention')
    expect(matchHeader('Control SD', 'continuous')).toBe('sdControl')
  })

  it('a header has no numbers and names at least one column', () => {
    expect(isHeaderRow(['Study', 'Year', 'ei'], 'dichotomous')).toBe(true)
    expect(isHeaderRow(['Trial', '2000', '5'], 'dichotomous')).toBe(false)
    expect(isHeaderRow(['Greif', 'Belda'], 'dichotomous')).toBe(false)
  })
})

describe('TSV', () => {
  it('parses quoted cells with tabs and line breaks and drops blank lines', () => {
    expect(parseTsv('a\t"b\tc"\n"d\ne"\tf\r\n\r\n')).toEqual([
      ['a', 'b\tc'],
      ['d\ne', 'f']
    ])
    expect(parseTsv('  \n')).toEqual([])
  })

  it('round-trips through toTsv', () => {
    const rows = [
      ['Smith "Jr"', '1,5'],
      ['two\nlines', 'x\ty']
    ]
    expect(parseTsv(toTsv(rows))).toEqual(rows)
    expect(
      toTsv([
        ['a', 'b'],
        ['c', 'd']
      ])
    ).toBe('a\tb\nc\td')
  })
})

describe('createHistory', () => {
  it('undoes, redoes and forgets beyond its capacity', () => {
    const h = createHistory<number>(2)
    h.record(1)
    h.record(2)
    h.record(3)
    expect(h.undoDepth.value).toBe(2)
    expect(h.undo(4)).toBe(3)
    expect(h.undo(3)).toBe(2)
    expect(h.undo(2)).toBeUndefined()
    expect(h.canRedo.value).toBe(true)
    expect(h.redo(2)).toBe(3)
    h.record(3)
    expect(h.canRedo.value).toBe(false)
    h.clear()
    expect(h.canUndo.value).toBe(false)
    expect(() => createHistory(0)).toThrow(RangeError)
  })
})
