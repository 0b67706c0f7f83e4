// @ts-check

/**
 * A fact can record why it could not be observed (no access, CRD not installed),
 * which its checks show as the reason for `unknown`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_facts', table => {
    table.text('problem').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_facts', table => {
    table.dropColumn('problem');
  });
};
