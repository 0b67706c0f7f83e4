// @ts-check

/**
 * Facts, source runs, check results and placements.
 * JSON values are stored as text so SQLite and PostgreSQL behave the same.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_facts', table => {
    table.comment('The latest value of each fact about each entity');
    table.string('entity_ref').notNullable();
    table.string('name').notNullable();
    table.text('value').notNullable();
    table.string('source').notNullable();
    table.string('observed_at').notNullable();
    table.string('run_id').nullable();
    table.primary(['entity_ref', 'name']);
  });

  await knex.schema.createTable('maturity_source_runs', table => {
    table.comment('One row per collection run of a source');
    table.string('id').primary();
    table.string('source').notNullable();
    table.string('status').notNullable();
    table.string('started_at').notNullable();
    table.string('finished_at').nullable();
    table.integer('entities').notNullable().defaultTo(0);
    table.integer('requests').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.index(['source', 'started_at']);
  });

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

  await knex.schema.createTable('maturity_placements', table => {
    table.comment('The current level of each entity');
    table.string('entity_ref').primary();
    table.integer('level').notNullable();
    table.integer('pending_level').nullable();
    table.integer('computed_level').notNullable();
    table.boolean('provisional').notNullable();
    table.boolean('assessed').notNullable();
    table.boolean('stale').notNullable();
    table.text('details').notNullable();
    table.string('evaluated_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_placements');
  await knex.schema.dropTable('maturity_check_results');
  await knex.schema.dropTable('maturity_source_runs');
  await knex.schema.dropTable('maturity_facts');
};
