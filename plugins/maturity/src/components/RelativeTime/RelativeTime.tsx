import Tooltip from '@material-ui/core/Tooltip';
import { formatAbsolute, formatRelative } from '../../utils/time';

/**
 * A time as people read it ("3 hours ago"), with the absolute UTC time next to it on
 * hover and for screen readers, so evidence can be matched against logs.
 */
export function RelativeTime(props: { iso: string; showAbsolute?: boolean }) {
  const absolute = formatAbsolute(props.iso);
  return (
    <Tooltip title={absolute}>
      <time dateTime={props.iso} aria-label={absolute}>
        {formatRelative(props.iso)}
        {props.showAbsolute ? ` (${absolute})` : ''}
      </time>
    </Tooltip>
  );
}
