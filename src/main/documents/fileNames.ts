// Dialog filters and extensions of main's documents: pure string work, no file system. The names proposed from a
// project's title (projectFileName) are shared with the web host: @shared/io/fileNames.
import { basename } from 'node:path'
import type { FileFilter } from 'electron'
import type { ExportFileRequest } from '@shared/ipc/contract'
import { PROJECT_EXTENSION } from '@shared/io/fileNames'
import { IMPORT_FILE_EXTENSIONS } from '@shared/io/importFiles'

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] }

/**
 * Open: "json" also matches *.opentsa.json, and works on every platform (macOS and some GTK versions do not take
 * a double extension as a filter).
 */
export const OPEN_PROJECT_FILTERS: FileFilter[] = [
  { name: 'OpenTSA project (*.opentsa.json)', extensions: ['json'] },
  ALL_FILES
]

/** Both cases: GTK's filters are case-sensitive and the CTU program writes ".TSA". */
const bothCases = (extensions: readonly string[]): string[] =>
  extensions.flatMap((ext) => [ext.slice(1), ext.slice(1).toUpperCase()])

/** Import data (chooseImportFile; the renderer's import wizard reads the file): everything it reads. */
export const IMPORT_FILTERS: FileFilter[] = [
  {
    name: 'Trial data (CSV, TSV, Excel, RevMan, CTU .TSA)',
    extensions: bothCases(IMPORT_FILE_EXTENSIONS)
  },
  ALL_FILES
]

export const SAVE_PROJECT_FILTERS: FileFilter[] = [
  { name: 'OpenTSA project (*.opentsa.json)', extensions: ['json'] }
]

export const EXPORT_FILTERS: Readonly<Record<ExportFileRequest['kind'], FileFilter>> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  csv: { name: 'CSV table', extensions: ['csv'] },
  html: { name: 'HTML document', extensions: ['html'] }
}

/** `path` ending in `extension` (compared case-insensitively): "fig" → "fig.png", "fig.PNG" stays. */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension.toLowerCase()) ? path : path + extension
}

/** A project path always ends in .opentsa.json: "trial" and "trial.json" both become "trial.opentsa.json". */
export function withProjectExtension(path: string): string {
  if (path.toLowerCase().endsWith(PROJECT_EXTENSION)) return path
  return path.replace(/\.json$/i, '') + PROJECT_EXTENSION
}

/** What the renderer may see of a path: the file's name. */
export const documentName = (path: string): string => basename(path)
