import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli as run } from '../../helpers/cli'
import { loadFixture } from '../../helpers/fixtures'

const BIN = fileURLToPath(new URL('../../../bin/opentsa.mjs', import.meta.url))

interface Published {
  ris: {
    pc: number
    rrr: number
    alpha: number
    sides: 1 | 2
    beta: number
    d2: number
    expected: number
  }[]
}

describe('opentsa --help', () => {
  test('lists the commands and exits 0', async () => {
    const r = await run('--help')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/boundaries/)
    expect(r.out).toMatch(/ris/)
    expect(r.out).toMatch(/--json/)
  })

  test('each command has its own help', async () => {
    expect((await run('boundaries', '--help')).out).toMatch(/--looks/)
    expect((await run('ris', '--help')).out).toMatch(/--control-risk/)
  })

  test('the bin launcher runs the TypeScript sources with no build step (as `npx opentsa` does)', () => {
    const out = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })
    expect(out).toMatch(/^opentsa: Trial Sequential Analysis/)
    const json = execFileSync(process.execPath, [BIN, 'boundaries', '--looks', '0.5,1', '--json'], {
      encoding: 'utf8'
    })
    expect(JSON.parse(json).looks).toHaveLength(2)
  })

  test('a bad flag exits 2 with one line on stderr, nothing on stdout', () => {
    const r = spawnSync(process.execPath, [BIN, 'boundaries', '--looks', '0.5,0.4', '--json'], {
      encoding: 'utf8'
    })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/--looks/)
  })
})

describe('opentsa boundaries --json', () => {
  // methods.md §9: OBF and Pocock, α 0.05 two-sided, t = .25/.5/.75/1, published to 4 decimals. `precise` must hit
  // them to the rounding (6e-5); `tsa` (ld98: h = 0.05 trapezoid, 1e-7 search tolerance) is within 1e-3 of exact
  // bounds by design (methods.md §6), 9e-5 here.
  const tolerance: Record<string, number> = { precise: 6e-5, tsa: 1e-3 }
  test.each([
    ['obf', [4.3326, 2.9631, 2.359, 2.0141]],
    ['pocock', [2.3683, 2.3675, 2.3582, 2.35]]
  ])('%s reproduces the published bounds (interfaces.md shape)', async (spending, expected) => {
    for (const engine of ['tsa', 'precise']) {
      const r = await run(
        'boundaries',
        '--looks',
        '0.25,0.5,0.75,1',
        '--alpha',
        '0.05',
        '--sides',
        '2',
        '--spending',
        spending,
        '--engine',
        engine,
        '--json'
      )
      expect(r.code).toBe(0)
      const parsed = JSON.parse(r.out)
      expect(Object.keys(parsed).sort()).toEqual(['inflationFactor', 'looks'])
      expect(parsed.inflationFactor).toBeNull()
      parsed.looks.forEach((look: Record<string, number | null>, k: number) => {
        expect(Object.keys(look).sort()).toEqual(
          [
            'alphaSpent',
            'futilityLower',
            'futilityUpper',
            'informationFraction',
            'lower',
            'upper'
          ].sort()
        )
        expect(
          Math.abs((look.upper as number) - (expected[k] as number)),
          `${engine} look ${k + 1}`
        ).toBeLessThan(tolerance[engine] as number)
        expect(look.lower).toBe(-(look.upper as number))
      })
      expect(parsed.looks[3].alphaSpent).toBeCloseTo(0.05, 12)
    }
  })

  test('--looks K means K equally spaced looks; one-sided designs have no lower bound', async () => {
    const r = await run('boundaries', '--looks', '4', '--sides', '1', '--alpha', '0.025', '--json')
    const looks = JSON.parse(r.out).looks
    expect(looks.map((l: { informationFraction: number }) => l.informationFraction)).toEqual([
      0.25, 0.5, 0.75, 1
    ])
    expect(looks.every((l: { lower: null }) => l.lower === null)).toBe(true)
  })

  test.each([
    [['--looks', '0.5,0.4'], '--looks'],
    [['--looks', '0.5,x'], '--looks'],
    [['--looks', '0.5,1.5'], '--looks'],
    [['--looks', '0.5,1', '--alpha', '1.2'], '--alpha'],
    [['--looks', '0.5,1', '--sides', '3'], '--sides'],
    [['--looks', '0.5,1', '--spending', 'linear'], '--spending'],
    [['--looks', '0.5,1', '--spending', 'power:-1'], '--spending'],
    [['--looks', '0.5,1', '--engine', 'fast'], '--engine'],
    [['--looks', '0.5,1', '--beta', '0'], '--beta'],
    [['--looks', '0.5,1', '--futility', 'maybe'], '--futility'],
    [[], '--looks'],
    [['--looks', '0.5,1', '--frobnicate'], "'--frobnicate'"]
  ])('bad input %j exits 2 naming %s', async (args, flag) => {
    const r = await run('boundaries', ...args, '--json')
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain(flag)
  })

  test('an unknown command exits 2', async () => {
    const r = await run('frobnicate')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/unknown command/)
  })
})

describe('opentsa ris --json', () => {
  const published = loadFixture<Published>('reference/published/ctu-manual-ris.json')
  test.each(published.ris)(
    'CTU manual: P_C $pc, RRR $rrr, α $alpha, β $beta, D² $d2 → $expected (±1: the manual rounds its inputs)',
    async ({ pc, rrr, alpha, sides, beta, d2, expected }) => {
      const r = await run(
        'ris',
        '--control-risk',
        String(pc),
        '--rrr',
        String(rrr),
        '--alpha',
        String(alpha),
        '--sides',
        String(sides),
        '--beta',
        String(beta),
        '--heterogeneity',
        `d2:${d2}`,
        '--json'
      )
      expect(r.code).toBe(0)
      const out = JSON.parse(r.out)
      expect(Object.keys(out).sort()).toEqual(['adjustmentFactor', 'exact', 'fixed', 'required'])
      expect(Math.abs(out.exact - expected)).toBeLessThanOrEqual(1)
      expect(out.required).toBe(Math.ceil(out.fixed) * out.adjustmentFactor)
      expect(out.adjustmentFactor).toBeCloseTo(1 / (1 - d2), 14)
    }
  )

  test('continuous: 4(z+z)²σ²/δ² with no adjustment', async () => {
    const r = await run('ris', '--difference', '5', '--variance', '100', '--json')
    const out = JSON.parse(r.out)
    const z = 1.959963984540054 + 0.8416212335729143
    expect(out.fixed).toBeCloseTo((4 * z * z * 100) / 25, 9)
    expect(out.adjustmentFactor).toBe(1)
  })

  test.each([
    [['--control-risk', '1.2', '--rrr', '0.2'], '--control-risk'],
    [['--control-risk', '0.1'], '--rrr'],
    [['--control-risk', '0.1', '--rrr', '1'], '--rrr'],
    [['--difference', '5', '--variance', '-1'], '--variance'],
    [['--difference', '5'], '--variance'],
    [['--control-risk', '0.1', '--rrr', '0.2', '--heterogeneity', 'd2:1'], '--heterogeneity'],
    [['--control-risk', '0.1', '--rrr', '0.2', '--heterogeneity', 'tau:0.1'], '--heterogeneity'],
    [[], '--control-risk']
  ])('bad input %j exits 2 naming %s', async (args, flag) => {
    const r = await run('ris', ...args, '--json')
    expect(r.code).toBe(2)
    expect(r.err).toContain(flag)
  })
})
