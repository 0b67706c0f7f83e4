import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  DIMENSIONS,
  LEVEL_NAMES,
  LEVELS,
  type CheckState,
  type ScorecardCheck,
} from '@maturity/plugin-maturity-common';
import { useState } from 'react';
import { CheckAccordion } from '../CheckAccordion';

type Grouping = 'level' | 'dimension';

// Within a group, what needs attention comes first.
const STATE_ORDER: Record<CheckState, number> = {
  fail: 0,
  unknown: 1,
  waived: 2,
  pass: 3,
  'not-applicable': 4,
};

function groupsOf(checks: ScorecardCheck[], grouping: Grouping) {
  const keys =
    grouping === 'level'
      ? LEVELS.map(l => ({
          key: String(l),
          title: `Level ${l} · ${LEVEL_NAMES[l]}`,
        }))
      : DIMENSIONS.map(d => ({
          key: d,
          title: d.charAt(0).toUpperCase() + d.slice(1).replace('-', ' '),
        }));
  return keys
    .map(({ key, title }) => ({
      key,
      title,
      checks: checks
        .filter(
          c => String(grouping === 'level' ? c.level : c.dimension) === key,
        )
        .sort(
          (a, b) =>
            STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
            a.level - b.level ||
            a.title.localeCompare(b.title),
        ),
    }))
    .filter(g => g.checks.length > 0);
}

function countSummary(checks: ScorecardCheck[]): string {
  const counts = new Map<CheckState, number>();
  for (const c of checks) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return (Object.keys(STATE_ORDER) as CheckState[])
    .filter(s => counts.get(s))
    .map(s => `${counts.get(s)} ${s === 'not-applicable' ? 'n/a' : s}`)
    .join(' · ');
}

/** Every check of a scorecard, grouped by level or by dimension (the reader's choice). */
export function ChecksPanel(props: {
  checks: ScorecardCheck[];
  /** A check id to open and scroll to. */
  focusedCheck?: string;
}) {
  const [grouping, setGrouping] = useState<Grouping>('level');
  return (
    <Box>
      <Box display="flex" alignItems="center" gridGap={12} mb={2}>
        <Typography variant="body2">Group by</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={grouping}
          onChange={(_, value: Grouping | null) => value && setGrouping(value)}
          aria-label="Group checks by"
        >
          <ToggleButton value="level">Level</ToggleButton>
          <ToggleButton value="dimension">Dimension</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {groupsOf(props.checks, grouping).map(group => (
        <Box
          key={group.key}
          component="section"
          mb={3}
          aria-label={group.title}
        >
          <Box display="flex" alignItems="baseline" gridGap={12} mb={1}>
            <Typography variant="h6" component="h3">
              {group.title}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {countSummary(group.checks)}
            </Typography>
          </Box>
          {group.checks.map(check => (
            <CheckAccordion
              key={check.checkId}
              check={check}
              focused={check.checkId === props.focusedCheck}
            />
          ))}
        </Box>
      ))}
    </Box>
  );
}
