// A small undo/redo stack of snapshots with a capacity (no @vueuse/core). The caller records the state BEFORE each
// edit; undo hands back the state to restore and keeps the current one for redo.
import { computed, shallowRef, type ComputedRef } from 'vue'

export interface History<T> {
  /** Remembers the state before an edit; forgets the redo stack and, past the capacity, the oldest step. */
  record(before: T): void
  /** The state to go back to (the current one is kept for redo), or undefined when there is nothing to undo. */
  undo(current: T): T | undefined
  /** The state to go forward to, or undefined. */
  redo(current: T): T | undefined
  clear(): void
  readonly canUndo: ComputedRef<boolean>
  readonly canRedo: ComputedRef<boolean>
  readonly undoDepth: ComputedRef<number>
}

export function createHistory<T>(capacity: number): History<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1')
  // Arrays are replaced, never mutated, so shallowRef is enough for canUndo/canRedo to update.
  const past = shallowRef<readonly T[]>([])
  const future = shallowRef<readonly T[]>([])
  return {
    record(before) {
      const next = [...past.value, before]
      past.value = next.length > capacity ? next.slice(next.length - capacity) : next
      future.value = []
    },
    undo(current) {
      const previous = past.value.at(-1)
      if (previous === undefined) return undefined
      past.value = past.value.slice(0, -1)
      future.value = [...future.value, current]
      return previous
    },
    redo(current) {
      const next = future.value.at(-1)
      if (next === undefined) return undefined
      future.value = future.value.slice(0, -1)
      past.value = [...past.value, current]
      return next
    },
    clear() {
      past.value = []
      future.value = []
    },
    canUndo: computed(() => past.value.length > 0),
    canRedo: computed(() => future.value.length > 0),
    undoDepth: computed(() => past.value.length)
  }
}
