// The sheets of an Excel .xlsx workbook as tables for tableImport.ts (read-excel-file, whose universal build takes an
// ArrayBuffer in the browser, the renderer and Node alike), and the non-interactive import of one sheet (the CLI).
// The reader is loaded on first use: pages that never import a workbook do not download it.
import type { ProjectFile } from '../projectFile'
import {
  guessChoices,
  missingFields,
  projectFromTable,
  tableFromRows,
  type Cell,
  type SourceTable
} from './tableImport'

export type WorkbookResult<T> = { ok: true; value: T } | { ok: false; message: string }

/** read-excel-file's errors in words a user can act on (it names them by `name` and `code`). */
function workbookProblem(err: unknown): string {
  const { name, code, message } = (err ?? {}) as { name?: string; code?: string; message?: string }
  if (name === 'InvalidInputError') {
    if (code === 'XLS_FILE_NOT_SUPPORTED') {
      return 'is an old Excel .xls file: save it as an Excel Workbook (.xlsx) first'
    }
    if (code === 'INVALID_ZIP') return 'is damaged: it is not a readable .xlsx (zip) archive'
    if (code === 'NO_DATA') return 'is empty'
    return 'is not an Excel .xlsx workbook'
  }
  if (name === 'InvalidSpreadsheetError') {
    return `is not a valid .xlsx workbook (${message ?? name})`
  }
  return `could not be read as an .xlsx workbook (${message ?? String(err)})`
}

/** A typed cell of a sheet as tableImport reads it: dates become their ISO day (no trial column takes one). */
function sheetCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return String(value)
}

/** Every sheet of a workbook as a table (an empty sheet gives a table without headers); or what is wrong. */
export async function readXlsxTables(bytes: Uint8Array): Promise<WorkbookResult<SourceTable[]>> {
  const { default: readXlsxFile } = await import('read-excel-file/universal')
  // the reader wants exactly an ArrayBuffer (not a view on a larger one)
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>
  try {
    sheets = await readXlsxFile(buffer as ArrayBuffer)
  } catch (err) {
    return { ok: false, message: workbookProblem(err) }
  }
  if (sheets.length === 0) return { ok: false, message: 'has no sheets' }
  return {
    ok: true,
    value: sheets.map(({ sheet, data }) =>
      tableFromRows(
        data.map((row) => row.map(sheetCell)),
        data.map((_, r) => r + 1),
        sheet,
        false
      )
    )
  }
}

/**
 * The sheet to start with: the first whose columns are all recognised, else the first that holds a table (a header
 * row with two columns or more), else the first.
 */
export function preferredSheet(tables: readonly SourceTable[]): number {
  const complete = tables.findIndex((table) => {
    const { type, mapping } = guessChoices(table)
    return table.headers.length >= 2 && missingFields(type, mapping).length === 0
  })
  if (complete >= 0) return complete
  return Math.max(
    0,
    tables.findIndex((table) => table.headers.length >= 2)
  )
}

/**
 * One sheet of a workbook (`sheet` by name, else preferredSheet) as a project, with the guessed mapping: the CLI's
 * `opentsa import FILE.xlsx [--sheet NAME]`. Every message names the file, and the sheet when it is about one.
 */
export async function importWorkbook(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string
): Promise<WorkbookResult<{ project: ProjectFile; notes: string[]; sheet: string }>> {
  const read = await readXlsxTables(bytes)
  if (!read.ok) return { ok: false, message: `${fileName} ${read.message}` }
  const tables = read.value
  const index =
    sheet === undefined ? preferredSheet(tables) : tables.findIndex((t) => t.sheet === sheet)
  const table = tables[index]
  if (table === undefined) {
    const names = tables.map((t) => `'${t.sheet ?? ''}'`).join(', ')
    return {
      ok: false,
      message: `${fileName} has no sheet named '${sheet}' (its sheets: ${names})`
    }
  }
  const name = table.sheet ?? ''
  const imported = projectFromTable(table, guessChoices(table))
  if (!imported.ok) {
    return { ok: false, message: `${fileName}, sheet '${name}': ${imported.error.message}` }
  }
  return { ok: true, value: { ...imported.value, sheet: name } }
}
