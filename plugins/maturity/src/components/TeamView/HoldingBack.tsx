import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import type { GroupResponse } from '@maturity/plugin-maturity-common';
import { useEntityLink } from '../../utils/entityLink';

/** The services below the level the team needs for its next level, weakest first. */
export function HoldingBack(props: { response: GroupResponse }) {
  const entityLink = useEntityLink();
  const { group, services, holdingBack } = props.response;
  const next = group.figures.level + 1;
  if (next > 5) {
    return <Typography variant="body2">The team is at Level 5.</Typography>;
  }
  if (holdingBack.length === 0) {
    return (
      <Typography variant="body2">
        No service holds the team back from Level {next}.
      </Typography>
    );
  }
  const byRef = new Map(services.map(s => [s.entityRef, s]));
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        Below Level {next}, or not assessed:
      </Typography>
      <List dense aria-label="Services holding the team back">
        {holdingBack.map(ref => {
          const service = byRef.get(ref);
          return (
            <ListItem key={ref} disableGutters>
              <ListItemText
                primary={
                  <Link to={entityLink(ref, { tab: true })}>
                    {service?.title ?? (
                      <EntityDisplayName entityRef={ref} hideIcon />
                    )}
                  </Link>
                }
                secondary={
                  service && !service.assessed
                    ? 'Not assessed'
                    : `Level ${service?.level ?? '?'}`
                }
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
