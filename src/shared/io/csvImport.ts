// Trials from a CSV/TSV table with the guessed column mapping (RTSA, meta, metafor, metadat and RevMan Web column
// names; comma, semicolon or tab; decimal commas): the non-interactive import of the CLI and documentText. The steps
// (reading, guessing, checking every cell) are tableImport.ts's, which the import wizard runs with the user's choices.
import type { ProjectFile } from '../projectFile'
import {
  guessChoices,
  mappedHeaders,
  projectFromTable,
  readDelimitedText,
  type TableError,
  type TableField
} from './tableImport'

export { COLUMN_ALIASES } from './tableImport'
export { parseLocaleNumber } from './cellText'

export type CsvImportResult =
  | {
      ok: true
      value: ProjectFile
      columns: Partial<Record<TableField, string>>
      notes: string[]
    }
  | { ok: false; error: { code: 'invalidCsv' } & TableError }

/**
 * Reads a table of trials into a project with default settings, rows in file order (the analysis order).
 * A malformed table gives an error naming the line and column; nothing is guessed silently.
 */
export function importCsv(text: string, title = ''): CsvImportResult {
  const read = readDelimitedText(text)
  if (!read.ok) return { ok: false, error: { code: 'invalidCsv', ...read.error } }
  const table = read.value
  const choices = guessChoices(table)
  const imported = projectFromTable(table, choices, title)
  if (!imported.ok) return { ok: false, error: { code: 'invalidCsv', ...imported.error } }
  return {
    ok: true,
    value: imported.value.project,
    columns: mappedHeaders(table, choices),
    notes: imported.value.notes
  }
}
