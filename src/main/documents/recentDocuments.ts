// The Open Recent list: absolute paths, most recent first, kept as a JSON array in userData. Linux has no system
// list of recent documents, so the app keeps its own on every platform (app.addRecentDocument is extra, for the macOS
// Dock and the Windows jump list). Paths stay in main: the renderer and the menu get names only.
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { writeFileAtomic } from '../../cli/files'

export interface RecentDocuments {
  /** most recent first; at most `max` */
  paths(): readonly string[]
  /** moves `path` to the front (adding it if new) */
  add(path: string): void
  remove(path: string): void
  clear(): void
  /** drops the entries whose file is gone; true when any was */
  prune(): boolean
}

export interface RecentDocumentsOptions {
  /** the JSON file that keeps the list, e.g. userData/recent-documents.json */
  storePath: string
  exists: (path: string) => boolean
  max?: number
  /** after every change (to rebuild the Open Recent menu) */
  onChange?: (paths: readonly string[]) => void
  log?: (message: string, err?: unknown) => void
}

export const MAX_RECENT_DOCUMENTS = 10

/** The stored list, or [] when the file is missing or not a list of paths (a bad file must not stop the app). */
function load(storePath: string, log: NonNullable<RecentDocumentsOptions['log']>): string[] {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(storePath, 'utf8'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      log(`recent documents: ignoring unreadable ${storePath}`, err)
    }
    return []
  }
  if (!Array.isArray(raw)) return []
  return raw.filter((p): p is string => typeof p === 'string' && isAbsolute(p))
}

export function createRecentDocuments(options: RecentDocumentsOptions): RecentDocuments {
  const { storePath, exists, onChange } = options
  const max = options.max ?? MAX_RECENT_DOCUMENTS
  const log = options.log ?? ((message, err) => console.warn(message, err))
  let list = [...new Set(load(storePath, log))].filter(exists).slice(0, max)

  function update(next: string[]): void {
    const changed = next.length !== list.length || next.some((p, i) => p !== list[i])
    list = next
    if (!changed) return
    try {
      mkdirSync(dirname(storePath), { recursive: true })
      writeFileAtomic(storePath, JSON.stringify(list, null, 2) + '\n')
    } catch (err) {
      log(`recent documents: cannot write ${storePath}`, err) // the list still works for this session
    }
    onChange?.(list)
  }

  return {
    paths: () => list,
    add(path) {
      const absolute = resolve(path)
      update([absolute, ...list.filter((p) => p !== absolute)].slice(0, max))
    },
    remove(path) {
      const absolute = resolve(path)
      update(list.filter((p) => p !== absolute))
    },
    clear: () => update([]),
    prune() {
      const kept = list.filter(exists)
      const pruned = kept.length !== list.length
      update(kept)
      return pruned
    }
  }
}
