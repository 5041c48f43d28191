// A minimal Excel workbook (.xlsx) built in the tests, so no binary fixture has to be kept: the parts Excel writes
// for plain data (content types, workbook, its relationships, one worksheet per sheet, shared strings for text),
// zipped with fflate. Strings go to the shared-strings table as Excel does, numbers and booleans stay typed cells.
import { strToU8, zipSync } from 'fflate'
import { columnLetter } from '../../src/shared/io/tableImport'

export type XlsxCell = string | number | boolean | null

export interface XlsxSheet {
  name: string
  rows: XlsxCell[][]
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export function buildXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const strings: string[] = []
  const stringIndex = (text: string): number => {
    const found = strings.indexOf(text)
    if (found >= 0) return found
    strings.push(text)
    return strings.length - 1
  }
  const cellXml = (value: XlsxCell, ref: string): string => {
    if (value === null) return ''
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`
    return `<c r="${ref}" t="s"><v>${stringIndex(value)}</v></c>`
  }
  const files: Record<string, Uint8Array> = {}
  sheets.forEach((sheet, k) => {
    const rows = sheet.rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row.map((value, c) => cellXml(value, `${columnLetter(c)}${r + 1}`)).join('')}</row>`
      )
      .join('')
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(
      `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`
    )
  })
  files['xl/sharedStrings.xml'] = strToU8(
    `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
      '</sst>'
  )
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>` +
      sheets
        .map((s, k) => `<sheet name="${escapeXml(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
        .join('') +
      '</sheets></workbook>'
  )
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML}<Relationships xmlns="${RELS}">` +
      sheets
        .map(
          (_, k) =>
            `<Relationship Id="rId${k + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`
        )
        .join('') +
      `<Relationship Id="rIdStrings" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>'
  )
  files['_rels/.rels'] = strToU8(
    `${XML}<Relationships xmlns="${RELS}">` +
      `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  )
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, k) =>
            `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>'
  )
  return zipSync(files)
}
