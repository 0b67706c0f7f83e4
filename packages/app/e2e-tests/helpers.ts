import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog' }).first(),
  ).toBeVisible();
}

/** Opens a component from the catalog list, as a developer would. */
export async function openFromCatalog(page: Page, title: string) {
  await page.getByPlaceholder('Search').fill(title);
  // The list re-renders while the search narrows it; a click can land on a row that is
  // being replaced, so click again until the entity page opens.
  await expect(async () => {
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 60_000 });
}

/**
 * Saves a screenshot to the git-ignored screenshots/ folder; with
 * MATURITY_DOCS_SCREENSHOTS=1 also to docs/screenshots/ for the README.
 */
export async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; docs?: boolean; target?: Locator } = {},
) {
  const take = (path: string, fullPage: boolean) =>
    options.target
      ? options.target.screenshot({ path })
      : page.screenshot({ path, fullPage });
  await take(`screenshots/e2e-${name}.png`, options.fullPage ?? true);
  if (options.docs && process.env.MATURITY_DOCS_SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    await take(`docs/screenshots/${name}.png`, options.fullPage ?? false);
  }
}

/** The first collection runs seconds after start-up; until then views say so. */
export async function waitForScorecard(
  page: Page,
  scope = page.locator('body'),
) {
  await expect(async () => {
    if (await scope.getByText('Not assessed yet').isVisible()) {
      await page.reload();
    }
    await expect(
      scope.getByText(/^Level \d · |^Level 1 not reached$/).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
}

// External fix links (maturitymodel.cncf.io, backstage.io) are not reachable from the
// test machine; answer them locally so following a link can be checked end to end.
export async function stubExternalDocs(page: Page) {
  await page
    .context()
    .route(/^https:\/\/(maturitymodel\.cncf\.io|backstage\.io)\//, route =>
      route.fulfill({
        contentType: 'text/html',
        body: `<html><body><h1>Docs stub</h1><p>${route
          .request()
          .url()}</p></body></html>`,
      }),
    );
}
