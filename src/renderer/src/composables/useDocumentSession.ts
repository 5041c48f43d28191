// The document's life around the commands of stores/document.ts, set up once by App.vue: the host learns the title
// and the dirty state as they change, the unsaved project is autosaved, recovered work is looked for at start, the
// desktop's native menu commands are run, and in the web build the File shortcuts come from the keyboard.
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import type { TsaResult } from '@engine'
import type { AppInfo, MenuCommand } from '@shared/ipc/contract'
import * as engineClient from '../services/engineClient'
import { useDocumentStore } from '../stores/document'
import { useProjectStore } from '../stores/project'

/** Ctrl/Cmd + key → command (web build only: the desktop's menu accelerators send these as menuCommand). */
const SHORTCUTS: Readonly<Record<string, MenuCommand>> = {
  n: { command: 'new' },
  o: { command: 'open' },
  s: { command: 'save' },
  i: { command: 'import' },
  p: { command: 'print' }
}

/**
 * The File command of a key press, or null. Ctrl+Z / Ctrl+Y are not here: the trial grid handles them (with its
 * own announcements), and a second handler would undo twice; see undoShortcut for the rest of the page.
 */
export function fileShortcut(e: KeyboardEvent): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const key = e.key.toLowerCase()
  if (e.shiftKey) return key === 's' ? { command: 'saveAs' } : null
  return SHORTCUTS[key] ?? null
}

/** Where the browser's own undo applies: typing in a text field is undone there, not in the project. */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
  )
}

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y outside the grid and outside text fields (e.g. after choosing a setting
 * in a select): the project's undo, in both hosts. The desktop menu shows these keys but leaves them to the page.
 */
export function undoShortcut(e: KeyboardEvent): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEditing(e.target)) return null
  const key = e.key.toLowerCase()
  if (key === 'z') return { command: e.shiftKey ? 'redo' : 'undo' }
  if (key === 'y' && !e.shiftKey) return { command: 'redo' }
  return null
}

export function useDocumentSession(result: () => TsaResult | null): {
  appInfo: Ref<AppInfo | null>
} {
  const doc = useDocumentStore()
  const store = useProjectStore()
  const appInfo = ref<AppInfo | null>(null)

  // Read before anything can autosave over it.
  void doc.checkRecovery()

  // The window title, and what main's close prompt relies on.
  watch(
    () => [doc.title, doc.dirty] as const,
    ([title, dirty]) => {
      engineClient.setDocumentState(title, dirty).catch((err: unknown) => {
        doc.error = `The window title could not be updated: ${err instanceof Error ? err.message : String(err)}`
      })
    },
    { immediate: true }
  )

  watch(() => store.project, doc.projectChanged, { deep: true })
  watch(() => doc.dirty, doc.projectChanged)

  const runCommand = (command: MenuCommand): void => {
    // The menu's Undo while typing in a field undoes the typing, as the key would.
    if (
      (command.command === 'undo' || command.command === 'redo') &&
      isTextEditing(document.activeElement)
    ) {
      document.execCommand(command.command)
      return
    }
    void doc.run(command, result())
  }

  /** File shortcuts exist only in the web build: on the desktop the native menu's accelerators send them. */
  let fileShortcuts = false

  function onKeydown(e: KeyboardEvent): void {
    if (e.defaultPrevented) return // a control (e.g. the grid) already used the key
    const command = undoShortcut(e) ?? (fileShortcuts ? fileShortcut(e) : null)
    if (command === null) return
    e.preventDefault() // Ctrl+S would save the page, Ctrl+P print it, Ctrl+O open a file as a page
    runCommand(command)
  }

  /** The pending autosave is written when the page goes away (reload, tab closed), not lost with the timer. */
  const onPageHide = (): void => void doc.flushAutosave()

  let unsubscribe: () => void = () => undefined
  let unmounted = false

  onMounted(async () => {
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('keydown', onKeydown)
    try {
      unsubscribe = engineClient.onMenuCommand(runCommand)
    } catch (err) {
      doc.error = `The menus are not connected: ${err instanceof Error ? err.message : String(err)}`
    }
    try {
      appInfo.value = await engineClient.appInfo()
    } catch {
      return // without it the host is unknown: no in-page shortcuts (the toolbar still works)
    }
    fileShortcuts = appInfo.value.host === 'web' && !unmounted
    doc.host = appInfo.value.host ?? null
  })

  onBeforeUnmount(() => {
    unmounted = true
    unsubscribe()
    window.removeEventListener('keydown', onKeydown)
    window.removeEventListener('pagehide', onPageHide)
  })

  return { appInfo }
}
