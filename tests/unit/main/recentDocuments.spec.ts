// The Open Recent list kept in userData: order, limit, persistence, files that have gone, and a bad store file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRecentDocuments } from '../../../src/main/documents/recentDocuments'

let dir: string
let store: string
const present = new Set<string>()
const exists = (path: string): boolean => present.has(path)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-recent-'))
  store = join(dir, 'userData', 'recent-documents.json')
  present.clear()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** An absolute path that "exists". */
function file(name: string): string {
  const path = join(dir, name)
  present.add(path)
  return path
}

describe('recent documents', () => {
  it('keeps the most recent first, without duplicates, at most 10, and saves the list as JSON', () => {
    const onChange = vi.fn()
    const recent = createRecentDocuments({ storePath: store, exists, onChange })
    const paths = Array.from({ length: 12 }, (_, i) => file(`p${i}.opentsa.json`))
    for (const path of paths) recent.add(path)
    recent.add(paths[5] as string)
    expect(recent.paths()).toEqual([
      paths[5],
      paths[11],
      paths[10],
      paths[9],
      paths[8],
      paths[7],
      paths[6],
      paths[4],
      paths[3],
      paths[2]
    ])
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual(recent.paths())
    expect(onChange).toHaveBeenLastCalledWith(recent.paths())
  })

  it('is read back by the next session, dropping files that have gone', () => {
    const a = file('a.json')
    const b = file('b.json')
    const first = createRecentDocuments({ storePath: store, exists })
    first.add(a)
    first.add(b)
    present.delete(a)
    expect(createRecentDocuments({ storePath: store, exists }).paths()).toEqual([b])
  })

  it('prune drops entries whose file has gone and tells whether any did', () => {
    const onChange = vi.fn()
    const recent = createRecentDocuments({ storePath: store, exists, onChange })
    const a = file('a.json')
    recent.add(a)
    expect(recent.prune()).toBe(false)
    present.delete(a)
    expect(recent.prune()).toBe(true)
    expect(recent.paths()).toEqual([])
    expect(onChange).toHaveBeenCalledTimes(2) // the add, the prune
  })

  it('remove and clear', () => {
    const recent = createRecentDocuments({ storePath: store, exists })
    recent.add(file('a.json'))
    recent.add(file('b.json'))
    recent.remove(join(dir, 'b.json'))
    expect(recent.paths()).toEqual([join(dir, 'a.json')])
    recent.clear()
    expect(recent.paths()).toEqual([])
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual([])
  })

  it('starts empty from a missing or malformed store file, keeping only absolute paths', () => {
    expect(createRecentDocuments({ storePath: store, exists }).paths()).toEqual([])
    const log = vi.fn()
    writeFileSync(join(dir, 'bad.json'), '[not json')
    expect(createRecentDocuments({ storePath: join(dir, 'bad.json'), exists, log }).paths()).toEqual(
      []
    )
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/ignoring unreadable/), expect.anything())
    const a = file('a.json')
    writeFileSync(join(dir, 'mixed.json'), JSON.stringify([a, 'relative.json', 42, a]))
    expect(createRecentDocuments({ storePath: join(dir, 'mixed.json'), exists }).paths()).toEqual([a])
  })

  it('a store that cannot be written is logged; the list still works for the session', () => {
    const log = vi.fn()
    writeFileSync(join(dir, 'userData'), 'a file where the folder should be')
    const recent = createRecentDocuments({ storePath: store, exists, log })
    recent.add(file('a.json'))
    expect(recent.paths()).toEqual([join(dir, 'a.json')])
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/cannot write/), expect.anything())
  })
})
