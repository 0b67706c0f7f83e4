import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import { TeamView } from '../TeamView';

/** A team under the org page, reached by clicking a team in the tree. */
export function TeamPage(props: {
  teamLink: (groupRef: string) => string;
  orgLink: string;
}) {
  const { namespace = 'default', name = '' } = useParams();
  return (
    <>
      <Box mb={2} display="flex" gridGap={8} alignItems="baseline">
        <Link to={props.orgLink}>All teams</Link>
        <Typography variant="body2" color="textSecondary">
          / {name}
        </Typography>
      </Box>
      <TeamView
        group={{ namespace, name }}
        teamLink={props.teamLink}
        showEntityLink
      />
    </>
  );
}
