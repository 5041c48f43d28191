// Bytes across the JSON-only contract (base64 both ways, any size) and the kinds of file Import data reads.
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, decodeText } from '../../../../src/shared/io/fileBytes'
import { IMPORT_FILE_EXTENSIONS, importFileKind } from '../../../../src/shared/io/importFiles'

describe('fileBytes', () => {
  it('base64 round-trips every byte value, also past the 32 kB chunk size', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256)
    const base64 = bytesToBase64(bytes)
    expect(base64).toBe(Buffer.from(bytes).toString('base64'))
    expect(base64ToBytes(base64)).toEqual(bytes)
  })

  it('decodes UTF-8 (its BOM dropped), and Windows-1252 when it is not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A')
    expect(decodeText(new Uint8Array([0x53, 0xf8, 0x72]))).toBe('Sør')
  })
})

describe('importFileKind', () => {
  it.each([
    ['trials.csv', 'text'],
    ['clip.TSV', 'text'],
    ['notes.txt', 'text'],
    ['Trials.XLSX', 'workbook'],
    ['review.rm5', 'revman'],
    ['review-data-package.zip', 'revman'],
    ['C:\\data\\OLD.TSA', 'tsa'],
    ['project.opentsa.json', null],
    ['old.xls', null],
    ['README', null]
  ])('%s → %s', (name, kind) => {
    expect(importFileKind(name)).toBe(kind)
  })

  it('lists every extension once, lower case with the dot', () => {
    expect(IMPORT_FILE_EXTENSIONS).toEqual([
      '.csv',
      '.tsv',
      '.txt',
      '.tsa',
      '.xlsx',
      '.rm5',
      '.zip'
    ])
  })
})
