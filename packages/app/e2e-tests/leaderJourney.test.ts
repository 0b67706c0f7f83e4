import { expect, test } from '@playwright/test';
import { shoot, signInAsGuest } from './helpers';

test('a leader goes from the org page to a team, a service and a check’s evidence', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Maturity' }).first().click();
  await expect(page).toHaveURL(/\/maturity$/);

  // The org: figures, lenses and the group tree.
  await expect(page.getByText('Organisation')).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('list', { name: 'Reporting lenses' }),
  ).toBeVisible();
  const teams = page.getByRole('table').filter({ hasText: 'Distribution' });
  // Right after start-up the catalog may still be ingesting the org; the backend looks
  // again within seconds, and the page shows the new rollup on reload.
  await expect(async () => {
    if (!(await teams.getByRole('link', { name: 'Acme Freight' }).isVisible()))
      await page.reload();
    await expect(teams.getByRole('link', { name: 'Acme Freight' })).toBeVisible(
      { timeout: 10_000 },
    );
  }).toPass({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Reliability' }).click();
  await expect(teams.getByText('Reliability pass share')).toBeVisible();
  await shoot(page, 'org-rollup', { fullPage: true, docs: true });

  // Filters go to the server and into the URL, so the view can be shared.
  await page.getByText('All').first().click();
  await page.getByRole('option', { name: 'production' }).click();
  await expect(page).toHaveURL(/lifecycle=production/);
  await expect(teams.getByRole('link', { name: 'Acme Freight' })).toBeVisible();

  // A team: its level, who holds it back, its services.
  await teams.getByRole('link', { name: 'Data Pipelines' }).click();
  await expect(page).toHaveURL(/\/maturity\/groups\/default\/data-pipelines$/);
  await expect(page.getByText('Holding the team back')).toBeVisible();
  const services = page.getByRole('table').filter({ hasText: 'Lifecycle' });
  await expect(
    services.getByRole('link', { name: 'Nightly Export' }),
  ).toBeVisible();
  await shoot(page, 'team-view', { docs: true });

  // A service: its Maturity tab.
  await services.getByRole('link', { name: 'Nightly Export' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/nightly-export\/maturity/,
  );

  // A check's evidence: the dashboard link the catalog entry carries.
  const dashboards = page.locator('[data-check="dashboards-linked"]');
  await expect(dashboards).toBeVisible({ timeout: 60_000 });
  await dashboards.getByText('Dashboard linked').click();
  const evidence = dashboards.getByRole('table', { name: 'Evidence' });
  await expect(evidence.getByText('catalog.annotations')).toBeVisible();
  await expect(
    evidence.getByText('grafana/dashboard-selector', { exact: false }),
  ).toBeVisible();
  await expect(
    evidence.getByRole('cell', { name: 'catalog', exact: true }).first(),
  ).toBeVisible();
  await dashboards.scrollIntoViewIfNeeded();
  await shoot(page, 'leader-check-evidence', { fullPage: false });
});
