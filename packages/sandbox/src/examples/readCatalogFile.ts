import { readFileSync } from 'node:fs';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

/** The entities of a multi-document catalog YAML file (such as `examples/entities.yaml`). */
export function readCatalogFile(path: string): Entity[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map(document => document.toJS() as Entity | null)
    .filter((entity): entity is Entity => Boolean(entity?.kind));
}
