// The files Import data reads, by extension: the one list behind main's dialog filter, the web page's file input,
// and the import wizard, which reads each kind its own way.
import { fileExtension } from './documentText'

/** How the import wizard reads a file of each extension. */
const KINDS = {
  '.csv': 'text',
  '.tsv': 'text',
  '.txt': 'text',
  '.xlsx': 'workbook',
  '.rm5': 'revman',
  '.zip': 'revman',
  '.tsa': 'tsa'
} as const

/** text: a CSV/TSV table; workbook: Excel .xlsx; revman: RevMan 5 file or RevMan Web data package; tsa: CTU TSA. */
export type ImportFileKind = (typeof KINDS)[keyof typeof KINDS]

/** Every extension Import data accepts, lower case with the dot (the CTU program writes ".TSA": compare lowered). */
export const IMPORT_FILE_EXTENSIONS = Object.keys(KINDS) as (keyof typeof KINDS)[]

/** A file larger than this is not a table of trials or a review; neither host reads it into memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** The kind of a file by its name; null for an extension Import data does not read. */
export function importFileKind(name: string): ImportFileKind | null {
  const ext = fileExtension(name)
  return ext in KINDS ? KINDS[ext as keyof typeof KINDS] : null
}
