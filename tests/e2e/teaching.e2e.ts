// Teaching mode in the web build (ecosystem.md §5.2): load perioOxy, open Teaching mode, step through the trials with
// the keyboard and the slider; the look counter and the plain-words caption follow; the other tabs answer from the
// engine worker.
import { expect, loadExample, test } from './fixtures'

test('step through perioOxy with the keyboard and the slider', async ({ page }, testInfo) => {
  await page.goto('./')
  await loadExample(page)

  await page.getByRole('button', { name: 'Teaching mode' }).click()
  const teaching = page.getByRole('region', { name: 'Teaching mode' })
  await expect(teaching).toBeVisible()
  await expect(teaching.getByRole('tab', { name: 'Step through' })).toHaveAttribute(
    'aria-selected',
    'true'
  )

  const stepper = teaching.getByRole('region', { name: 'Step through' })
  const counter = stepper.getByTestId('look-counter')
  const caption = stepper.getByRole('status')
  await expect(counter).toHaveText(/^Look 1 of (\d+)$/)
  const total = Number((await counter.textContent())?.match(/of (\d+)/)?.[1])
  expect(total).toBeGreaterThan(4)
  await expect(caption).toContainText('Trial 1 of')
  await expect(caption).toContainText(/Z = -?\d+\.\d\d/)
  await expect(stepper.getByRole('img', { name: /^TSA chart/ })).toBeVisible()

  // → three times, ← once: look 3
  await stepper.focus()
  await page.keyboard.press('ArrowRight')
  await expect(counter).toHaveText(`Look 2 of ${total}`)
  const captionAt2 = await caption.textContent()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(counter).toHaveText(`Look 4 of ${total}`)
  await page.keyboard.press('ArrowLeft')
  await expect(counter).toHaveText(`Look 3 of ${total}`)
  await expect(caption).toContainText(`Trial 3 of ${total}`)
  expect(await caption.textContent()).not.toBe(captionAt2)

  // the slider to its end shows the last look
  const slider = stepper.getByRole('slider', { name: 'Look' })
  await slider.focus()
  await page.keyboard.press('End')
  await expect(counter).toHaveText(`Look ${total} of ${total}`)
  await expect(caption).toContainText(`Trial ${total} of ${total}`)
  await page.screenshot({ path: testInfo.outputPath('teaching-step-through.png'), fullPage: true })

  // the other tabs get their numbers from the engine worker
  await teaching.getByRole('tab', { name: 'Explore spending' }).click()
  const spending = teaching.getByRole('region', { name: 'Explore spending' })
  await expect(spending.getByRole('table').getByRole('row')).toHaveCount(5) // header + 4 looks
  await expect(spending.getByRole('table')).toContainText('2.')
  await teaching.getByRole('tab', { name: 'RIS sensitivity' }).click()
  const ris = teaching.getByRole('region', { name: 'RIS sensitivity' })
  await expect(ris.getByTestId('ris-adjusted')).toHaveText(/\d/)
  const before = await ris.getByTestId('ris-fixed').textContent()
  await ris.getByRole('slider', { name: 'Power (1 − β)' }).focus()
  await page.keyboard.press('End')
  await expect(ris.getByTestId('ris-fixed')).not.toHaveText(before ?? '')
  await page.screenshot({ path: testInfo.outputPath('teaching-ris.png'), fullPage: true })
})
