// @ts-check

/**
 * History (daily snapshots, the level-change log), what rollups group by, and the group
 * tree with its stored rollups.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_placements', table => {
    table.string('input_hash').nullable();
    table.string('owner_ref').nullable();
    table.string('lifecycle').nullable();
    table.string('system_ref').nullable();
    table.string('tier').nullable();
    table.string('title').nullable();
    table.index(['owner_ref']);
  });

  await knex.schema.createTable('maturity_entity_snapshots', table => {
    table.comment('The level of each entity at the end of each day');
    table.string('entity_ref').notNullable();
    table.string('day').notNullable();
    table.integer('level').notNullable();
    table.boolean('provisional').notNullable();
    table.boolean('assessed').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day']);
  });

  await knex.schema.createTable('maturity_level_changes', table => {
    table.comment(
      'Why an entity changed level: the checks that flipped and their facts',
    );
    table.increments('id');
    table.string('entity_ref').notNullable();
    table.string('changed_at').notNullable();
    table.integer('from_level').nullable();
    table.integer('to_level').notNullable();
    table.text('causes').notNullable();
    table.index(['entity_ref', 'changed_at']);
  });

  await knex.schema.createTable('maturity_groups', table => {
    table.comment('The catalog group tree as of the last collection');
    table.string('group_ref').primary();
    table.string('parent_ref').nullable();
    table.string('title').nullable();
    table.string('type').nullable();
  });

  await knex.schema.createTable('maturity_group_rollups', table => {
    table.comment('Each group rolled up over its services and sub-groups');
    table.string('group_ref').primary();
    table.integer('level').notNullable();
    table.text('figures').notNullable();
    table.string('computed_at').notNullable();
  });

  await knex.schema.createTable('maturity_group_snapshots', table => {
    table.comment('Each group at the end of each day');
    table.string('group_ref').notNullable();
    table.string('day').notNullable();
    table.integer('level').notNullable();
    table.text('figures').notNullable();
    table.primary(['group_ref', 'day']);
    table.index(['day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_group_snapshots');
  await knex.schema.dropTable('maturity_group_rollups');
  await knex.schema.dropTable('maturity_groups');
  await knex.schema.dropTable('maturity_level_changes');
  await knex.schema.dropTable('maturity_entity_snapshots');
  await knex.schema.alterTable('maturity_placements', table => {
    table.dropIndex(['owner_ref']);
    table.dropColumn('input_hash');
    table.dropColumn('owner_ref');
    table.dropColumn('lifecycle');
    table.dropColumn('system_ref');
    table.dropColumn('tier');
    table.dropColumn('title');
  });
};
