// The native application menu, built by a pure function (unit-tested item by item; index wiring in
// documents/electronHost.ts). Document commands go to the renderer as menuCommand events: it owns the project, the
// undo history and the dirty state, and calls back into main (openProject, saveProject, …) as the command needs.
// Clipboard, zoom and window items are Electron roles.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc/contract'

export interface MenuOptions {
  appName: string
  platform: NodeJS.Platform
  /** reload and the developer tools only in development */
  isPackaged: boolean
  /** names of the Open Recent entries, most recent first (the index is what openRecent carries) */
  recentNames: readonly string[]
  /** runs a command in the renderer of `window` (the focused one when the item was chosen) */
  send(command: MenuCommand, window: BaseWindow | undefined): void
  clearRecent(): void
}

/** "Tom & Jerry.json" shows as typed: on Windows and Linux "&" marks a mnemonic unless doubled. */
function menuText(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&')
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, platform, isPackaged, recentNames, send } = options
  const mac = platform === 'darwin'

  /** A menu item that sends `command` to the renderer. */
  const command = (
    id: string,
    label: string,
    payload: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: (_item, window) => send(payload, window)
  })

  const openRecent: MenuItemConstructorOptions[] = [
    ...(recentNames.length === 0
      ? [{ id: 'file.noRecent', label: 'No Recent Projects', enabled: false }]
      : recentNames.map((name, index) =>
          command(`file.openRecent.${index}`, menuText(name, platform), {
            command: 'openRecent',
            index
          })
        )),
    { type: 'separator' },
    {
      id: 'file.clearRecent',
      label: 'Clear Recent',
      enabled: recentNames.length > 0,
      click: () => options.clearRecent()
    }
  ]

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: 'File',
    submenu: [
      command('file.new', 'New', { command: 'new' }, 'CmdOrCtrl+N'),
      command('file.open', 'Open…', { command: 'open' }, 'CmdOrCtrl+O'),
      { id: 'file.openRecent', label: 'Open Recent', submenu: openRecent },
      { type: 'separator' },
      command('file.save', 'Save', { command: 'save' }, 'CmdOrCtrl+S'),
      command('file.saveAs', 'Save As…', { command: 'saveAs' }, 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      command(
        'file.import',
        'Import Data (CSV, Excel, RevMan, .TSA)…',
        { command: 'import' },
        'CmdOrCtrl+I'
      ),
      {
        id: 'file.exportFigure',
        label: 'Export Figure',
        submenu: [
          command('file.exportFigure.png300', 'PNG, 300 dpi…', {
            command: 'exportFigure',
            format: 'png',
            dpi: 300
          }),
          command('file.exportFigure.png600', 'PNG, 600 dpi…', {
            command: 'exportFigure',
            format: 'png',
            dpi: 600
          }),
          command('file.exportFigure.svg', 'SVG…', { command: 'exportFigure', format: 'svg' }),
          command('file.exportFigure.pdf', 'PDF…', { command: 'exportFigure', format: 'pdf' })
        ]
      },
      command('file.exportResults', 'Export Results (CSV)…', { command: 'exportResults' }),
      command('file.exportReport', 'Export Report (HTML)…', { command: 'exportReport' }),
      command('file.exportReportPdf', 'Export Report (PDF)…', { command: 'exportReportPdf' }),
      { type: 'separator' },
      command('file.print', 'Print…', { command: 'print' }, 'CmdOrCtrl+P'),
      { type: 'separator' },
      // macOS quits from the app menu; File ends with Close there. Windows and Linux quit from File.
      mac
        ? { id: 'file.close', role: 'close' }
        : {
            id: 'file.quit',
            role: 'quit',
            label: platform === 'win32' ? 'Exit' : 'Quit',
            accelerator: 'Ctrl+Q'
          }
    ]
  }

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: 'Edit',
    submenu: [
      // Not the 'undo'/'redo' roles: the project store keeps the history (trial edits, settings, imports).
      // The keys are shown but not registered (registerAccelerator: false; macOS hands key equivalents to the page
      // first anyway): the page handles them itself, so that a text field being typed in undoes its typing and the
      // grid its edits, and one key press never undoes twice. Clicking the item sends the command.
      {
        ...command('edit.undo', 'Undo', { command: 'undo' }, 'CmdOrCtrl+Z'),
        registerAccelerator: false
      },
      {
        ...command('edit.redo', 'Redo', { command: 'redo' }, 'CmdOrCtrl+Shift+Z'),
        registerAccelerator: false
      },
      { type: 'separator' },
      { id: 'edit.cut', role: 'cut' },
      { id: 'edit.copy', role: 'copy' },
      { id: 'edit.paste', role: 'paste' },
      { id: 'edit.selectAll', role: 'selectAll' }
    ]
  }

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: 'View',
    submenu: [
      { id: 'view.resetZoom', role: 'resetZoom' },
      { id: 'view.zoomIn', role: 'zoomIn' },
      { id: 'view.zoomOut', role: 'zoomOut' },
      { type: 'separator' },
      { id: 'view.fullScreen', role: 'togglefullscreen' },
      ...(isPackaged
        ? []
        : ([
            { type: 'separator' },
            { id: 'view.reload', role: 'reload' },
            { id: 'view.forceReload', role: 'forceReload' },
            { id: 'view.devTools', role: 'toggleDevTools' }
          ] satisfies MenuItemConstructorOptions[]))
    ]
  }

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: 'Help',
    submenu: [
      command('help.howToCite', 'How to Cite', { command: 'howToCite' }),
      { type: 'separator' },
      { id: 'help.about', role: 'about', label: `About ${appName}` }
    ]
  }

  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: appName,
    submenu: [
      { role: 'about', label: `About ${appName}` },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' }
    ]
  }

  return mac
    ? [appMenu, file, edit, view, { id: 'window', role: 'windowMenu' }, help]
    : [file, edit, view, help]
}
