import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ScorecardView } from '../ScorecardView';
import { TeamView } from '../TeamView';

/**
 * The Maturity tab of an entity page: a service's scorecard, or for a Group the team
 * view (its services and sub-teams).
 * @public
 */
export function EntityMaturityContent() {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
    return <TeamView group={{ namespace: ref.namespace, name: ref.name }} />;
  }
  return <ScorecardView entityRef={ref} />;
}
