import { EmptyState } from '@backstage/core-components';
import type { EntityScorecard } from '@maturity/plugin-maturity-common';

/**
 * Why there is no level yet, and what to do about it: wait for the first collection, or
 * link the entity to its evidence with the annotations the sources read.
 */
export function NotAssessed(props: { scorecard: EntityScorecard }) {
  if (!props.scorecard.evaluatedAt) {
    return (
      <EmptyState
        missing="data"
        title="Not assessed yet"
        description="The first collection run has not reached this entity. Scorecards fill in within a minute of start-up and refresh on the collection schedule."
      />
    );
  }
  return (
    <EmptyState
      missing="info"
      title="Not assessed"
      description="No evidence could be observed for this entity. Add the github.com/project-slug annotation to link its repository, and backstage.io/kubernetes-id (or backstage.io/kubernetes-label-selector) to link its workloads."
    />
  );
}
