import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { ScorecardCheck } from '@maturity/plugin-maturity-common';
import { useEffect, useRef, useState } from 'react';
import { CheckFix } from '../CheckFix';
import { CheckStateChip } from '../CheckStateChip';
import { EvidenceTable } from '../EvidenceTable';

/**
 * One check: state, title and reason at a glance; evidence, how to fix it and any
 * waiver when opened. `focused` opens it and scrolls to it (deep links from team views).
 */
export function CheckAccordion(props: {
  check: ScorecardCheck;
  focused?: boolean;
}) {
  const { check, focused } = props;
  const [expanded, setExpanded] = useState(Boolean(focused));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) {
      setExpanded(true);
      ref.current?.scrollIntoView?.({ block: 'center' });
    }
  }, [focused]);
  const id = `check-${check.checkId}`;
  return (
    <Accordion
      ref={ref}
      expanded={expanded}
      onChange={(_, open) => setExpanded(open)}
      data-check={check.checkId}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${id}-details`}
        id={id}
      >
        <Box display="flex" alignItems="flex-start" gridGap={16} width="100%">
          <Box minWidth={96}>
            <CheckStateChip
              state={check.state}
              waiverExpires={check.waiver?.expires}
            />
          </Box>
          <Box flexGrow={1} style={{ overflowWrap: 'anywhere' }}>
            <Typography variant="body1">
              {check.title}
              {check.required && (
                <Typography
                  component="span"
                  variant="caption"
                  color="textSecondary"
                >
                  {' '}
                  · required
                </Typography>
              )}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {check.reason}
            </Typography>
          </Box>
          <Typography variant="caption" color="textSecondary">
            L{check.level} · {check.dimension}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>
        <Box width="100%" display="flex" flexDirection="column" gridGap={12}>
          {check.waiver && (
            <Typography variant="body2">
              Waived until {check.waiver.expires.slice(0, 10)} by{' '}
              {check.waiver.approvedBy}: {check.waiver.reason}
            </Typography>
          )}
          <Box>
            <Typography variant="subtitle2">How to pass</Typography>
            <CheckFix check={check} />
          </Box>
          <Box>
            <Typography variant="subtitle2">
              Evidence (from {check.sources.join(', ')})
            </Typography>
            <EvidenceTable evidence={check.evidence} />
          </Box>
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
