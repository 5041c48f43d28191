// A document's text → a project, for every host that opens files: the CLI (analyze, import), Electron main (Open,
// Import) and the web build. Pure: the caller reads the file; `fileName` is only what the messages call it.
import { parseProjectFile, type ProjectFile } from '../projectFile'
import { importCsv } from './csvImport'
import { decodeText } from './fileBytes'
import { projectFromRevmanReview, readRevmanReview, revmanReviewContents } from './revman'
import { readTsaFile } from './tsaFile'

/** A project, with what an import could not carry over; or a message that names the file and the problem. */
export type DocumentTextResult =
  | { ok: true; value: ProjectFile; notes: string[] }
  | { ok: false; message: string }

/** The extensions importDataText reads (compared in lower case: the CTU program writes ".TSA"). */
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.tsa'] as const

/** The extensions of RevMan files: a RevMan 5 review (.rm5) and a RevMan Web data package (.zip). Bytes, not text. */
export const REVMAN_EXTENSIONS = ['.rm5', '.zip'] as const

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

/**
 * A file's bytes as a project: the types importDataText reads (decoded as UTF-8, else Windows-1252), and RevMan files,
 * which are not UTF-8 text. A RevMan file holds several analyses: `analysis` picks one by its id
 * (listRevmanAnalyses in revman.ts lists them); without it, only a file with exactly one can be imported.
 */
export function importDataBytes(
  bytes: Uint8Array,
  fileName: string,
  options: { analysis?: string } = {}
): DocumentTextResult {
  const ext = fileExtension(fileName)
  if (!(REVMAN_EXTENSIONS as readonly string[]).includes(ext)) {
    if ((IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
      return importDataText(decodeText(bytes), fileName)
    }
    const known = ['.TSA', ...IMPORT_EXTENSIONS.filter((e) => e !== '.tsa'), ...REVMAN_EXTENSIONS]
    return {
      ok: false,
      message: `${fileName}: unknown file type "${ext}" (use ${known.slice(0, -1).join(', ')} or ${known.at(-1)})`
    }
  }
  const review = readRevmanReview(bytes, fileName)
  if (!review.ok) return { ok: false, message: review.error.message }
  let id = options.analysis
  if (id === undefined) {
    const ids = revmanReviewContents(review.value).analyses.map((a) => a.id)
    if (ids.length !== 1) {
      return {
        ok: false,
        message:
          ids.length === 0
            ? `${fileName}: no dichotomous or continuous analysis to import`
            : `${fileName} holds ${ids.length} analyses; choose one: ${ids.join(', ')}`
      }
    }
    id = ids[0] as string
  }
  const imported = projectFromRevmanReview(review.value, fileName, id)
  if (!imported.ok) return { ok: false, message: imported.error.message }
  return { ok: true, value: imported.value.project, notes: imported.value.warnings }
}
