import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { CheckSummary } from '@maturity/plugin-maturity-common';

/** A software template route rather than documentation: the fix is one click away. */
function isTemplate(link: string): boolean {
  return /\/create\/templates\//.test(link);
}

/** How to pass a check: its hint and, when there is one, a link to docs or a template. */
export function CheckFix(props: {
  check: Pick<CheckSummary, 'hint' | 'link' | 'title'>;
}) {
  const { hint, link, title } = props.check;
  return (
    <Typography variant="body2" component="span" color="textPrimary">
      {hint}
      {link && (
        <>
          {' '}
          <Link to={link} aria-label={`How to fix: ${title}`}>
            {isTemplate(link) ? 'Start from the template' : 'How to fix'}
          </Link>
        </>
      )}
    </Typography>
  );
}
