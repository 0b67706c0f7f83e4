import { expect, test, type Page } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog' }).first(),
  ).toBeVisible();
}

test('a developer sees the maturity card with a level and a failing check', async ({
  page,
}) => {
  await signInAsGuest(page);

  // Open the component from the catalog list, as a developer would.
  await page.getByPlaceholder('Search').fill('Nightly Export');
  // The list re-renders while the search narrows it; click again if a click landed on
  // a row that was being replaced.
  await expect(async () => {
    await page
      .getByRole('link', { name: 'Nightly Export', exact: true })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Nightly Export' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  const card = page.getByRole('region', { name: 'Maturity scorecard' });
  // The first collection runs seconds after start-up; until then the card says so.
  await expect(async () => {
    if (await card.getByText('Not assessed yet').isVisible()) {
      await page.reload();
    }
    await expect(
      card.getByText(/^Level \d · |^Level 1 not reached$/),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  const failing = card.locator('[data-state="fail"]');
  await expect(failing.first()).toBeVisible();
  expect(await failing.count()).toBeGreaterThan(0);

  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'screenshots/e2e-entity-maturity-card.png',
    fullPage: true,
  });

  // The card lists only the top blockers; every other failing check, with its reason,
  // is one click away on the Maturity tab.
  await card.getByRole('link', { name: /All checks and evidence/ }).click();
  await expect(
    page.getByText('No backstage.io/source-template annotation'),
  ).toBeVisible();
});
