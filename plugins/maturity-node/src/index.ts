/**
 * Extension points of the Maturity backend: fact sources and checks.
 *
 * @packageDocumentation
 */

export * from './FactSource';
export * from './extensionPoints';
export * from './FactHandover';
export * from './jsonBytes';
