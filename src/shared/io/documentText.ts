// A document's text → a project, for every host that opens files: the CLI (analyze, import), Electron main (Open,
// Import) and the web build. Pure: the caller reads the file; `fileName` is only what the messages call it.
import { parseProjectFile, type ProjectFile } from '../projectFile'
import { importCsv } from './csvImport'
import { readTsaFile } from './tsaFile'

/** A project, with what an import could not carry over; or a message that names the file and the problem. */
export type DocumentTextResult =
  | { ok: true; value: ProjectFile; notes: string[] }
  | { ok: false; message: string }

/** The extensions importDataText reads (compared in lower case: the CTU program writes ".TSA"). */
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.tsa'] as const

/** ".tsa" for "C:\\data\\Trials.TSA" or "trials.TSA": lower case, with the dot; "" when there is none. */
export function fileExtension(name: string): string {
  const base = name.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot).toLowerCase() // ".profile" is a name, not an extension
}

/** An OpenTSA project file (JSON), validated and migrated by parseProjectFile. */
export function projectFromJson(text: string, fileName: string): DocumentTextResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `${fileName} is not valid JSON: ${(e as Error).message}` }
  }
  const parsed = parseProjectFile(raw)
  if (!parsed.ok) return { ok: false, message: `${fileName}: ${parsed.error.message}` }
  return { ok: true, value: parsed.value, notes: [] }
}

/** Another program's data (a CTU .TSA file, or a CSV/TSV table of trials) as an untitled project. */
export function importDataText(text: string, fileName: string): DocumentTextResult {
  const ext = fileExtension(fileName)
  if (ext === '.tsa') {
    const r = readTsaFile(text)
    if (!r.ok) {
      const line = r.error.line !== undefined ? `, line ${r.error.line}` : ''
      return { ok: false, message: `${fileName}${line}: ${r.error.message}` }
    }
    return { ok: true, value: r.value, notes: r.notes }
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const r = importCsv(text, '')
    if (!r.ok) return { ok: false, message: `${fileName}: ${r.error.message}` }
    return { ok: true, value: r.value, notes: r.notes }
  }
  return {
    ok: false,
    message: `${fileName}: unknown file type "${ext}" (use .TSA, .csv, .tsv or .txt)`
  }
}
