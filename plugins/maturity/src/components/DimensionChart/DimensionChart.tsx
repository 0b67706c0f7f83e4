import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  DIMENSIONS,
  type Dimension,
  type PlacementLevel,
} from '@maturity/plugin-maturity-common';
import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
} from 'recharts';

const LABELS: Record<Dimension, string> = {
  people: 'People',
  process: 'Process',
  policy: 'Policy',
  technology: 'Technology',
  'business-outcomes': 'Business outcomes',
};

/**
 * The level reached per dimension as a radar, so a lopsided service (strong
 * technology, weak policy) shows at a glance. The same figures follow as text, which
 * also says which dimensions have no observed checks at all.
 */
export function DimensionChart(props: {
  dimensions: Record<Dimension, PlacementLevel | null>;
}) {
  const theme = useTheme();
  // Short axis labels keep the chart narrow enough to sit beside the list.
  const data = DIMENSIONS.map(d => ({
    dimension: d === 'business-outcomes' ? 'Outcomes' : LABELS[d],
    level: props.dimensions[d] ?? 0,
  }));
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
      <RadarChart
        width={300}
        height={240}
        data={data}
        outerRadius={70}
        aria-hidden
      >
        <PolarGrid />
        <PolarAngleAxis dataKey="dimension" tick={{ fontSize: 11 }} />
        <PolarRadiusAxis
          domain={[0, 5]}
          tickCount={6}
          angle={90}
          tick={{ fontSize: 10 }}
        />
        <Radar
          dataKey="level"
          stroke={theme.palette.primary.main}
          fill={theme.palette.primary.main}
          fillOpacity={0.4}
          isAnimationActive={false}
        />
      </RadarChart>
      <Box component="dl" aria-label="Levels per dimension" m={0}>
        {DIMENSIONS.map(d => (
          <Box key={d} display="flex" gridGap={8}>
            <Typography
              component="dt"
              variant="body2"
              style={{ minWidth: 124 }}
            >
              {LABELS[d]}
            </Typography>
            <Typography component="dd" variant="body2" style={{ margin: 0 }}>
              {props.dimensions[d] === null
                ? 'no observed checks'
                : `Level ${props.dimensions[d]}`}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
