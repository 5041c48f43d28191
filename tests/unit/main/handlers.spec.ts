// Main's request handlers with a fake engine host: runTsa goes to the worker; its error Result reaches the renderer.
import { describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { toBridgeError } from '../../../src/main/ipc/failure'
import type { ProjectFile } from '../../../src/shared/projectFile'

const project = { format: 'opentsa-project', trials: [] } as unknown as ProjectFile

describe('createHandlers', () => {
  it('runs runTsa through the engine host and returns its value', async () => {
    const run = vi.fn(async () => ({ ok: true as const, value: { looks: [] } }))
    const handlers = createHandlers({ name: 'OpenTSA', version: '0' }, { run } as never)
    expect(await handlers.runTsa(project)).toEqual({ looks: [] })
    expect(run).toHaveBeenCalledWith('runTsa', project)
  })

  it('turns an error Result from the worker into the same error for the renderer', async () => {
    const error = { code: 'engineTimeout', message: 'the computation did not finish' }
    const run = vi.fn(async () => ({ ok: false as const, error }))
    const handlers = createHandlers({ name: 'OpenTSA', version: '0' }, { run } as never)
    const thrown = await handlers.runTsa(project).catch((err: unknown) => err)
    expect(toBridgeError(thrown)).toEqual(error)
  })
})
