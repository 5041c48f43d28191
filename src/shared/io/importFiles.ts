// The files Import data reads, by extension: the one list behind main's dialog filter, the web page's file input,
// and the import wizard, which reads each kind its own way. The text and RevMan extensions are documentText's (the
// CLI's readers); the import wizard adds Excel workbooks.
import { IMPORT_EXTENSIONS, REVMAN_EXTENSIONS, fileExtension } from './documentText'

/** text: a CSV/TSV table; workbook: Excel .xlsx; revman: RevMan 5 file or RevMan Web data package; tsa: CTU TSA. */
export type ImportFileKind = 'text' | 'workbook' | 'revman' | 'tsa'

const KINDS: ReadonlyMap<string, ImportFileKind> = new Map([
  ...IMPORT_EXTENSIONS.map((ext): [string, ImportFileKind] => [
    ext,
    ext === '.tsa' ? 'tsa' : 'text'
  ]),
  ['.xlsx', 'workbook'],
  ...REVMAN_EXTENSIONS.map((ext): [string, ImportFileKind] => [ext, 'revman'])
])

/** Every extension Import data accepts, lower case with the dot (the CTU program writes ".TSA": compare lowered). */
export const IMPORT_FILE_EXTENSIONS: readonly string[] = [...KINDS.keys()]

/** A file larger than this is not a table of trials or a review; neither host reads it into memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** The kind of a file by its name; null for an extension Import data does not read. */
export const importFileKind = (name: string): ImportFileKind | null =>
  KINDS.get(fileExtension(name)) ?? null
