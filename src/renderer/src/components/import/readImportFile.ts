// A picked or dropped file → what the import wizard shows: the tables of a CSV/TSV text or of an xlsx workbook (for
// the column mapping), the analyses of a RevMan file (to pick one), a project read as it is (CTU .TSA), or why it
// cannot be read. Every message names the file. No DOM: tested on its own.
import { decodeText } from '@shared/io/fileBytes'
import { fileExtension, importDataText } from '@shared/io/documentText'
import { IMPORT_FILE_EXTENSIONS, importFileKind } from '@shared/io/importFiles'
import { listRevmanAnalyses, type RevmanAnalysis } from '@shared/io/revman'
import { readDelimitedText, type SourceTable } from '@shared/io/tableImport'
import { preferredSheet, readXlsxTables } from '@shared/io/xlsxTables'
import type { ImportedData, ImportingFile } from '../../stores/document'

export type ImportSource =
  | { kind: 'table'; tables: SourceTable[]; initialSheet: number }
  | { kind: 'revman'; analyses: RevmanAnalysis[] }
  | { kind: 'ready'; imported: ImportedData }
  | { kind: 'problem'; message: string }

const problem = (message: string): ImportSource => ({ kind: 'problem', message })

/** ".csv, .tsv, .txt, .xlsx, .rm5, .zip or .TSA" */
const ACCEPTED = IMPORT_FILE_EXTENSIONS.map((ext) => (ext === '.tsa' ? '.TSA' : ext))
const ACCEPTED_LIST = `${ACCEPTED.slice(0, -1).join(', ')} or ${ACCEPTED.at(-1) ?? ''}`

export async function readImportFile(file: ImportingFile): Promise<ImportSource> {
  const { name, bytes } = file
  switch (importFileKind(name)) {
    case 'text': {
      const read = readDelimitedText(decodeText(bytes))
      if (!read.ok) return problem(`${name}: ${read.error.message}`)
      return { kind: 'table', tables: [read.value], initialSheet: 0 }
    }
    case 'workbook': {
      const read = await readXlsxTables(bytes)
      if (!read.ok) return problem(`${name} ${read.message}`)
      return { kind: 'table', tables: read.value, initialSheet: preferredSheet(read.value) }
    }
    case 'revman': {
      const read = listRevmanAnalyses(bytes, name)
      if (!read.ok) return problem(read.error.message)
      if (read.value.length === 0) {
        return problem(`${name}: no dichotomous or continuous analysis to import`)
      }
      return { kind: 'revman', analyses: read.value }
    }
    case 'tsa': {
      const read = importDataText(decodeText(bytes), name)
      if (!read.ok) return problem(read.message)
      return { kind: 'ready', imported: { project: read.value, warnings: read.notes } }
    }
    case null: {
      const ext = fileExtension(name)
      if (ext === '.json') return problem(`${name} is a project, not data: use Open… to open it`)
      if (ext === '.xls') {
        return problem(`${name} is an old Excel .xls file: save it as .xlsx first`)
      }
      return problem(
        `${name}: OpenTSA cannot import ${ext === '' ? 'files without an extension' : `"${ext}" files`} (use ${ACCEPTED_LIST})`
      )
    }
  }
}
