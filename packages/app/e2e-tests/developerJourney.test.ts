import { expect, test } from '@playwright/test';
import {
  openFromCatalog,
  shoot,
  signInAsGuest,
  stubExternalDocs,
  waitForScorecard,
} from './helpers';

test('a developer reads why their service is not Level 3 and follows a fix link', async ({
  page,
}) => {
  await stubExternalDocs(page);
  await signInAsGuest(page);
  await openFromCatalog(page, 'Nightly Export');

  // The card on the overview names what to fix first and leads to the whole story.
  const card = page.getByRole('region', { name: 'Maturity scorecard' });
  await waitForScorecard(page, card);
  await expect(card.getByText('Fix these first')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'entity-card', { target: card, docs: true });
  await card.getByRole('link', { name: /All checks and evidence/ }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/nightly-export\/maturity/,
  );

  // Level 3 lists its checks; Nightly Export declares no API, which the catalog alone shows.
  const level3 = page.getByRole('region', { name: 'Level 3 · Scale' });
  await expect(level3).toBeVisible({ timeout: 60_000 });
  const apis = level3.locator('[data-check="apis-declared"]');
  await expect(apis.locator('[data-state="fail"]')).toBeVisible();
  await expect(
    apis.getByText('Provides no API (spec.providesApis is empty)'),
  ).toBeVisible();
  await shoot(page, 'entity-tab', { docs: true });

  // Open it: the evidence says which fact, from where and when; then the fix.
  await apis.getByText('APIs declared with a definition').click();
  const evidence = apis.getByRole('table', { name: 'Evidence' });
  await expect(evidence.getByText('catalog.providedApis')).toBeVisible();
  await expect(evidence.getByText(/UTC/).first()).toBeVisible();
  await apis.scrollIntoViewIfNeeded();
  await shoot(page, 'entity-tab-evidence', { fullPage: false, docs: true });

  const fix = apis.getByRole('link', { name: /How to fix: APIs declared/ });
  const [docs] = await Promise.all([page.waitForEvent('popup'), fix.click()]);
  await expect(docs).toHaveURL(/maturitymodel\.cncf\.io\/level-3/);
  await expect(docs.getByRole('heading', { name: 'Docs stub' })).toBeVisible();
});
