/** `opentsa simulate` (interfaces.md): flags, JSON and human output, errors naming the flag (exit status 2). */
import { describe, expect, test } from 'vitest'
import { runCli } from '../../helpers/cli'
import { simulationRequestFromArgs } from '../../../src/cli/commands/simulate'

describe('opentsa simulate flags', () => {
  test('the interfaces.md trials example becomes a trials request with the given design', () => {
    const { request, json } = simulationRequestFromArgs(
      `--runs 10000 --seed 1 --trials 20 --trial-size 200 --control-risk 0.1 --rrr 0 --tau2 0 --alpha 0.05 --sides 2 --beta 0.2 --spending obf --json`.split(
        ' '
      )
    )
    expect(json).toBe(true)
    expect(request).toEqual({
      runs: 10000,
      seed: 1,
      mode: {
        kind: 'trials',
        trials: 20,
        trialSize: 200,
        controlRisk: 0.1,
        relativeRiskReduction: 0,
        tau2: 0,
        anticipatedRrr: 0.2
      },
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      spending: { kind: 'obf' }
    })
  })

  test('--normal-looks with defaults for the rest, and --anticipated-rrr reaches the trials mode', () => {
    expect(simulationRequestFromArgs(['--normal-looks', '5']).request).toEqual({
      runs: 10000,
      seed: 1,
      mode: { kind: 'normalLooks', looks: 5 },
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      spending: { kind: 'obf' }
    })
    const trials = simulationRequestFromArgs(['--trials', '5', '--anticipated-rrr', '0.3']).request
    expect(trials.mode).toMatchObject({ kind: 'trials', trials: 5, anticipatedRrr: 0.3 })
  })
})

describe('opentsa simulate output', () => {
  test('is listed in the main help and has its own help', async () => {
    expect((await runCli('--help')).out).toMatch(/simulate +the repeated-testing simulator/)
    const help = await runCli('simulate', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/--normal-looks K/)
    expect(help.out).toMatch(/--anticipated-rrr R/)
  })

  test('--json prints the interfaces.md fields, and the same seed prints the same JSON', async () => {
    const args = ['simulate', '--runs', '500', '--seed', '3', '--normal-looks', '5', '--json']
    const first = await runCli(...args)
    const second = await runCli(...args)
    expect(first.code).toBe(0)
    expect(first.out).toBe(second.out)
    const summary = JSON.parse(first.out) as Record<string, unknown>
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining(['runs', 'naiveCrossing', 'boundaryCrossing', 'risReached', 'crossingLook'])
    )
    expect(summary['runs']).toBe(500)
    expect(summary['crossingLook']).toHaveLength(5)
  })

  test('human output shows the shares with SEs and, for normal looks, the exact values beside them', async () => {
    const r = await runCli('simulate', '--runs', '500', '--normal-looks', '5')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/crossed the naive ±1\.960 +\d+\.\d% ± \d+\.\d% \(SE\) +exact 0\.1417/)
    expect(r.out).toMatch(/crossed the monitoring boundaries +\d+\.\d% ± \d+\.\d% \(SE\) +exact 0\.0500/)
    expect(r.out).toMatch(/reached the RIS +100\.0%/)
  })

  test('trials mode prints the shares without exact values', async () => {
    const r = await runCli('simulate', '--runs', '200', '--trials', '10')
    expect(r.code).toBe(0)
    expect(r.out).toContain('10 trials of 200 participants')
    expect(r.out).not.toContain('exact')
  })
})

describe('opentsa simulate errors name the flag', () => {
  test.each([
    [['--normal-looks', '5', '--trials', '3'], /exactly one of --normal-looks K .* or --trials T/],
    [['--runs', '10'], /exactly one of --normal-looks/],
    [['--normal-looks', '5', '--tau2', '0.1'], /--tau2 goes with --trials/],
    [['--runs', '0', '--normal-looks', '3'], /^opentsa simulate: --runs: /],
    [['--seed', '1.5', '--normal-looks', '3'], /--seed: seed must be an integer/],
    [['--normal-looks', '0'], /--normal-looks: looks must be/],
    [['--trials', '5', '--trial-size', '1'], /--trial-size: trialSize must be/],
    [['--trials', '5', '--control-risk', '1.5'], /--control-risk: controlRisk must be/],
    [['--trials', '5', '--rrr', '1'], /--rrr: relativeRiskReduction must be/],
    [['--trials', '5', '--tau2=-1'], /--tau2: tau2 must be/],
    [['--trials', '5', '--anticipated-rrr', '0'], /--anticipated-rrr: anticipatedRrr must be/],
    [['--normal-looks', '3', '--alpha', '2'], /--alpha: /],
    [['--normal-looks', '3', '--sides', '3'], /--sides must be 1 or 2/],
    [['--normal-looks', '3', '--spending', 'linear'], /--spending: "linear" is not obf/],
    [['--normal-looks', 'five'], /--normal-looks: "five" is not a number/]
  ])('%j', async (args, message) => {
    const r = await runCli('simulate', ...args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })
})
