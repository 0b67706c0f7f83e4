import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import type { GroupResponse } from '@maturity/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { useEntityLink } from '../../utils/entityLink';
import { GroupTreeTable } from '../GroupTreeTable';
import { ServicesTable } from '../ServicesTable';
import { StaleWarning } from '../StaleWarning';
import { HoldingBack } from './HoldingBack';
import { TeamSummary } from './TeamSummary';

/**
 * A team: its level, distribution, coverage and trend, the services that hold it back,
 * its services and its sub-teams. Sub-teams link with `teamLink` (the team view on the
 * org page, or the group's own Maturity tab).
 * @public
 */
export function TeamView(props: {
  group: { namespace: string; name: string };
  teamLink?: (groupRef: string) => string;
  /** Shows a link to the group's entity page (when not already on it). */
  showEntityLink?: boolean;
}) {
  const api = useApi(maturityApiRef);
  const entityLink = useEntityLink();
  const { namespace, name } = props.group;
  const { value, loading, error } = useAsync(
    () => api.getGroup({ namespace, name }),
    [api, namespace, name],
  );
  const teamLink =
    props.teamLink ?? ((ref: string) => entityLink(ref, { tab: true }));

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  if (value.group.figures.services === 0 && value.children.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services yet"
        description="This team owns no Components, directly or through its sub-teams. Set spec.owner on a Component to this group to see it here."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <StaleServices response={value} />
      <Grid item xs={12} md={6}>
        <InfoCard
          title={value.group.title ?? name}
          subheader="Team level"
          deepLink={
            props.showEntityLink
              ? { title: 'Group page', link: entityLink(value.group.groupRef) }
              : undefined
          }
        >
          <TeamSummary group={value.group} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Holding the team back">
          <HoldingBack response={value} />
        </InfoCard>
      </Grid>
      {value.services.length > 0 && (
        <Grid item xs={12}>
          <ServicesTable
            services={value.services}
            holdingBack={value.holdingBack}
          />
        </Grid>
      )}
      {value.children.length > 0 && (
        <Grid item xs={12}>
          <GroupTreeTable
            title="Sub-teams"
            groups={value.children}
            teamLink={teamLink}
          />
        </Grid>
      )}
    </Grid>
  );
}

function StaleServices({ response }: { response: GroupResponse }) {
  const stale = response.services.filter(s => s.stale).length;
  if (!stale) return null;
  return (
    <Grid item xs={12}>
      <StaleWarning>
        {stale} of {response.services.length} services have stale evidence;
        their levels may be out of date until the next successful collection.
      </StaleWarning>
    </Grid>
  );
}
