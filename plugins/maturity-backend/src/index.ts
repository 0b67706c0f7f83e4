/**
 * The Maturity backend plugin: collection, evaluation, storage and HTTP API.
 *
 * @packageDocumentation
 */

export { maturityPlugin as default } from './plugin';
