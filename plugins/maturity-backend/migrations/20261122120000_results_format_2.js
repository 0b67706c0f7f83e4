// @ts-check

/**
 * Rewrites each entity's stored results in the second format (see the backend's
 * storedResults.ts): every piece of evidence once per entity, and each check as
 * `[checkId, state, reason, evidence indexes, waiver?]`, a third smaller than one keyed
 * object per check with its evidence copied in. Down writes them back as that list.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await rewriteResults(knex, text => {
    const results = JSON.parse(text);
    if (!Array.isArray(results)) return text;
    /** @type {Map<string, number>} */
    const indexes = new Map();
    /** @type {unknown[]} */
    const evidence = [];
    const checks = results.map(r => {
      const quoted = r.evidence.map((/** @type {unknown} */ e) => {
        const key = JSON.stringify(e);
        let index = indexes.get(key);
        if (index === undefined) {
          index = evidence.push(e) - 1;
          indexes.set(key, index);
        }
        return index;
      });
      const check = [r.checkId, r.state, r.reason, quoted];
      if (r.waiver) check.push(r.waiver);
      return check;
    });
    return JSON.stringify({ v: 2, evidence, checks });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await rewriteResults(knex, text => {
    const stored = JSON.parse(text);
    if (Array.isArray(stored)) return text;
    return JSON.stringify(
      stored.checks.map(
        (/** @type {any[]} */ [checkId, state, reason, quoted, waiver]) => ({
          checkId,
          state,
          reason,
          evidence: quoted.map((/** @type {number} */ i) => stored.evidence[i]),
          ...(waiver ? { waiver } : {}),
        }),
      ),
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 * @param {(results: string) => string} rewrite
 */
async function rewriteResults(knex, rewrite) {
  let last = '';
  for (;;) {
    const rows = await knex('maturity_entity_results')
      .select('entity_ref', 'results')
      .where('entity_ref', '>', last)
      .orderBy('entity_ref')
      .limit(500);
    if (rows.length === 0) return;
    last = rows[rows.length - 1].entity_ref;
    for (const row of rows) {
      const results = rewrite(row.results);
      if (results === row.results) continue;
      await knex('maturity_entity_results')
        .where('entity_ref', row.entity_ref)
        .update({ results });
    }
  }
}
