// File names the hosts and the renderer propose (Save, Export): derived from a project's title or its document
// name, never a path. The host's parser (fileName in ipc/parse.ts) accepts every name made here.

export const PROJECT_EXTENSION = '.opentsa.json'

/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g

/**
 * A file-name stem from free text (a project title): unsafe characters become "-", spaces collapse, at most 80
 * characters; '' when nothing usable is left (the caller then picks a default).
 */
export function fileNameStem(text: string): string {
  const stem = text
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^[\s.-]+|[\s.]+$/g, '') // no hidden files, no trailing dots (Windows drops them)
  return stem
}

/** The name proposed for saving a project titled `title`: "Oxygen: SSI" → "Oxygen- SSI.opentsa.json". */
export const projectFileName = (title: string): string =>
  (fileNameStem(title) || 'Untitled') + PROJECT_EXTENSION

/** "perioOxy.opentsa.json" → "perioOxy"; other names lose their last extension ("data.csv" → "data"). */
export function documentStem(name: string): string {
  const lower = name.toLowerCase()
  if (lower.endsWith(PROJECT_EXTENSION)) return name.slice(0, -PROJECT_EXTENSION.length)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** The stem for files about a project: its document's name, else its title, else `fallback`. */
export function projectStem(documentName: string | null, title: string, fallback: string): string {
  const fromDocument = documentName === null ? '' : fileNameStem(documentStem(documentName))
  return fromDocument || fileNameStem(title) || fallback
}
