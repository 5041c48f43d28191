// The application menu template, item by item: labels, accelerators, roles, and the command each item sends.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuOptions } from '../../../src/main/menu'
import type { MenuCommand } from '../../../src/shared/ipc/contract'

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<MenuOptions['send']>()
  const clearRecent = vi.fn()
  const template = buildMenuTemplate({
    appName: 'OpenTSA',
    platform: 'linux',
    isPackaged: true,
    recentNames: [],
    send,
    clearRecent,
    ...overrides
  })
  return { template, send, clearRecent }
}

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu as MenuItemConstructorOptions[] | undefined) ?? []

function findId(
  items: MenuItemConstructorOptions[],
  id: string
): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item
    const inside = Array.isArray(item.submenu) ? findId(item.submenu, id) : undefined
    if (inside !== undefined) return inside
  }
  return undefined
}

function byId(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = findId(items, id)
  if (item === undefined) throw new Error(`no menu item ${id}`)
  return item
}

/** What clicking the item sends to the renderer. */
function commandOf(built: ReturnType<typeof build>, id: string): MenuCommand | undefined {
  built.send.mockClear()
  const window = { id: 1 } as never
  byId(built.template, id).click?.({} as never, window, {} as never)
  expect(built.send.mock.calls.length).toBeLessThanOrEqual(1)
  const call = built.send.mock.calls[0]
  if (call !== undefined) expect(call[1]).toBe(window) // to the window the item was chosen in
  return call?.[0]
}

/** [label, accelerator] of the visible items of a submenu, separators as '—'. */
const outline = (items: MenuItemConstructorOptions[]): [string, (string | undefined)?][] =>
  items
    .filter((i) => i.visible !== false)
    .map((i) => (i.type === 'separator' ? ['—'] : [i.label ?? `(${i.role})`, i.accelerator]))

describe('application menu (Windows and Linux)', () => {
  it('has File, Edit, View and Help', () => {
    expect(build().template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
  })

  it('File: every item with its accelerator', () => {
    const file = submenu(build().template[0])
    expect(outline(file)).toEqual([
      ['New', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Open Recent', undefined],
      ['—'],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
      ['—'],
      ['Import Data (CSV, Excel, RevMan, .TSA)…', 'CmdOrCtrl+I'],
      ['Export Figure', undefined],
      ['Export Results (CSV)…', undefined],
      ['Export Report (HTML)…', undefined],
      ['Export Report (PDF)…', undefined],
      ['—'],
      ['Print…', 'CmdOrCtrl+P'],
      ['—'],
      ['Quit', 'Ctrl+Q']
    ])
    expect(byId(file, 'file.quit').role).toBe('quit')
    expect(byId(build({ platform: 'win32' }).template, 'file.quit').label).toBe('Exit')
  })

  it('File items send their commands to the renderer', () => {
    const built = build()
    expect(commandOf(built, 'file.new')).toEqual({ command: 'new' })
    expect(commandOf(built, 'file.open')).toEqual({ command: 'open' })
    expect(commandOf(built, 'file.save')).toEqual({ command: 'save' })
    expect(commandOf(built, 'file.saveAs')).toEqual({ command: 'saveAs' })
    expect(commandOf(built, 'file.import')).toEqual({ command: 'import' })
    expect(commandOf(built, 'file.exportResults')).toEqual({ command: 'exportResults' })
    expect(commandOf(built, 'file.exportReport')).toEqual({ command: 'exportReport' })
    expect(commandOf(built, 'file.exportReportPdf')).toEqual({ command: 'exportReportPdf' })
    expect(commandOf(built, 'file.print')).toEqual({ command: 'print' })
  })

  it('Export Figure offers PNG at 300 and 600 dpi, SVG and PDF', () => {
    const built = build()
    expect(outline(submenu(byId(built.template, 'file.exportFigure')))).toEqual([
      ['PNG, 300 dpi…', undefined],
      ['PNG, 600 dpi…', undefined],
      ['SVG…', undefined],
      ['PDF…', undefined]
    ])
    expect(commandOf(built, 'file.exportFigure.png300')).toEqual({
      command: 'exportFigure',
      format: 'png',
      dpi: 300
    })
    expect(commandOf(built, 'file.exportFigure.png600')).toEqual({
      command: 'exportFigure',
      format: 'png',
      dpi: 600
    })
    expect(commandOf(built, 'file.exportFigure.svg')).toEqual({
      command: 'exportFigure',
      format: 'svg'
    })
    expect(commandOf(built, 'file.exportFigure.pdf')).toEqual({
      command: 'exportFigure',
      format: 'pdf'
    })
  })

  it('Open Recent lists the names; an entry sends its index; Clear Recent clears in main', () => {
    const built = build({ recentNames: ['b.opentsa.json', 'Tom & Jerry.opentsa.json'] })
    const recent = submenu(byId(built.template, 'file.openRecent'))
    expect(outline(recent)).toEqual([
      ['b.opentsa.json', undefined],
      ['Tom && Jerry.opentsa.json', undefined], // "&" doubled: a single one would mark a mnemonic
      ['—'],
      ['Clear Recent', undefined]
    ])
    expect(commandOf(built, 'file.openRecent.1')).toEqual({ command: 'openRecent', index: 1 })
    expect(commandOf(built, 'file.clearRecent')).toBeUndefined() // nothing for the renderer
    expect(built.clearRecent).toHaveBeenCalledTimes(1)
    expect(byId(built.template, 'file.clearRecent').enabled).toBe(true)
  })

  it('an empty Open Recent says so and cannot be cleared', () => {
    const built = build()
    const recent = submenu(byId(built.template, 'file.openRecent'))
    expect(recent[0]).toMatchObject({ label: 'No Recent Projects', enabled: false })
    expect(byId(built.template, 'file.clearRecent').enabled).toBe(false)
  })

  it('Edit: Undo and Redo go to the renderer (its store keeps the history), their keys left to the page; clipboard items are roles', () => {
    const built = build()
    const edit = submenu(built.template[1])
    expect(outline(edit)).toEqual([
      ['Undo', 'CmdOrCtrl+Z'],
      ['Redo', 'CmdOrCtrl+Shift+Z'],
      ['—'],
      ['(cut)', undefined],
      ['(copy)', undefined],
      ['(paste)', undefined],
      ['(selectAll)', undefined]
    ])
    expect(commandOf(built, 'edit.undo')).toEqual({ command: 'undo' })
    expect(commandOf(built, 'edit.redo')).toEqual({ command: 'redo' })
    // The keys are shown but left to the page (text fields undo their typing, the grid its edits, never twice)
    for (const id of ['edit.undo', 'edit.redo']) {
      expect(byId(edit, id)).toMatchObject({ registerAccelerator: false })
    }
  })

  it('View: zoom and full screen; reload and developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean): (string | undefined)[] =>
      submenu(build({ isPackaged }).template[2])
        .filter((i) => i.type !== 'separator')
        .map((i) => i.role)
    expect(roles(true)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(roles(false)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'reload',
      'forceReload',
      'toggleDevTools'
    ])
  })

  it('Help: How to Cite (the renderer shows the citation), then About', () => {
    const built = build()
    const help = submenu(built.template[3])
    expect(outline(help)).toEqual([['How to Cite', undefined], ['—'], ['About OpenTSA', undefined]])
    expect(byId(help, 'help.about')).toEqual({
      id: 'help.about',
      role: 'about',
      label: 'About OpenTSA'
    })
    expect(commandOf(built, 'help.howToCite')).toEqual({ command: 'howToCite' })
  })
})

describe('application menu (macOS)', () => {
  it('starts with the app menu (About, Services, Hide, Quit) and has a Window menu', () => {
    const { template } = build({ platform: 'darwin' })
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      'OpenTSA',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help'
    ])
    expect(submenu(template[0]).map((i) => i.role ?? i.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit'
    ])
  })

  it('File ends with Close (quitting is in the app menu); names keep their "&"', () => {
    const { template } = build({ platform: 'darwin', recentNames: ['A & B.json'] })
    const file = submenu(template[1])
    expect(file.at(-1)).toEqual({ id: 'file.close', role: 'close' })
    expect(findId(file, 'file.quit')).toBeUndefined()
    expect(byId(template, 'file.openRecent.0').label).toBe('A & B.json')
  })
})
