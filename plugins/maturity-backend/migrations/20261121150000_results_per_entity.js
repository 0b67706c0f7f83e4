// @ts-check

/**
 * One row per entity holding all its check results, instead of one row per check: a cold
 * evaluation of 10,000 services wrote 420,000 rows, most of the time it took. `states`
 * keeps just check id → state, so counting states per check reads little.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_entity_results', table => {
    table.comment('The current results of every check for each entity');
    table.string('entity_ref').primary();
    table.text('results').notNullable();
    table.text('states').notNullable();
    table.string('evaluated_at').notNullable();
  });

  let last = '';
  for (;;) {
    const refs = await knex('maturity_check_results')
      .distinct('entity_ref')
      .where('entity_ref', '>', last)
      .orderBy('entity_ref')
      .limit(200);
    if (refs.length === 0) break;
    last = refs[refs.length - 1].entity_ref;
    const rows = await knex('maturity_check_results')
      .whereIn(
        'entity_ref',
        refs.map(r => r.entity_ref),
      )
      .orderBy(['entity_ref', 'check_id']);
    /** @type {Map<string, any[]>} */
    const byEntity = new Map();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(row);
      byEntity.set(row.entity_ref, list);
    }
    await knex('maturity_entity_results').insert(
      [...byEntity].map(([entityRef, list]) => ({
        entity_ref: entityRef,
        results: JSON.stringify(
          list.map(r => ({
            checkId: r.check_id,
            state: r.state,
            reason: r.reason,
            evidence: JSON.parse(r.evidence),
            ...(r.waiver ? { waiver: JSON.parse(r.waiver) } : {}),
          })),
        ),
        states: JSON.stringify(
          Object.fromEntries(list.map(r => [r.check_id, r.state])),
        ),
        evaluated_at: list[0].evaluated_at,
      })),
    );
  }
  await knex.schema.dropTable('maturity_check_results');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('maturity_check_results', table => {
    table.comment('The current result of each check for each entity');
    table.string('entity_ref').notNullable();
    table.string('check_id').notNullable();
    table.string('state').notNullable();
    table.text('reason').notNullable();
    table.text('evidence').notNullable();
    table.text('waiver').nullable();
    table.string('evaluated_at').notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id', 'state']);
  });
  let last = '';
  for (;;) {
    const rows = await knex('maturity_entity_results')
      .where('entity_ref', '>', last)
      .orderBy('entity_ref')
      .limit(200);
    if (rows.length === 0) break;
    last = rows[rows.length - 1].entity_ref;
    const flat = rows.flatMap(row =>
      JSON.parse(row.results).map((/** @type {any} */ r) => ({
        entity_ref: row.entity_ref,
        check_id: r.checkId,
        state: r.state,
        reason: r.reason,
        evidence: JSON.stringify(r.evidence),
        waiver: r.waiver ? JSON.stringify(r.waiver) : null,
        evaluated_at: row.evaluated_at,
      })),
    );
    for (let i = 0; i < flat.length; i += 100) {
      await knex('maturity_check_results').insert(flat.slice(i, i + 100));
    }
  }
  await knex.schema.dropTable('maturity_entity_results');
};
