import { expect, test } from '@playwright/test';
import { shoot, signInAsGuest } from './helpers';

test('a platform engineer reads the check catalogue', async ({ page }) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Maturity' }).first().click();
  await page.getByRole('tab', { name: 'Check catalogue' }).click();
  await expect(page).toHaveURL(/\/maturity\/checks$/);

  const table = page.getByRole('table').filter({ hasText: 'How to pass' });
  await expect(
    page.getByText(/^Check catalogue \(\d+ checks\)$/),
  ).toBeVisible();
  // A required Level 1 check, with its hint, link and source.
  const repo = table.getByRole('row').filter({ hasText: 'repo-linked' });
  await expect(repo).toContainText('1 · Build');
  await expect(repo).toContainText('Required');
  await expect(repo).toContainText('github.com/project-slug');
  await expect(repo).toContainText('catalog');
  await expect(repo.getByRole('link', { name: /How to fix/ })).toHaveAttribute(
    'href',
    /backstage\.io/,
  );
  // Where the evidence comes from, and whether collection is healthy.
  await expect(page.locator('[data-source="catalog"]')).toBeVisible();
  await shoot(page, 'check-catalogue', { fullPage: false, docs: true });

  // The table's search narrows it to what the engineer is looking for.
  await page.getByPlaceholder('Filter').fill('dashboard');
  await expect(
    table.getByRole('row').filter({ hasText: 'dashboards-linked' }),
  ).toBeVisible();
  await expect(
    table.getByRole('row').filter({ hasText: 'repo-linked' }),
  ).toHaveCount(0);
  await shoot(page, 'check-catalogue-filtered');
});
