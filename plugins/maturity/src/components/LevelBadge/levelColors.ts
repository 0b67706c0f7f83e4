// One colour per level, dark to bright, so a wall of badges and bars reads at a glance.
export const LEVEL_COLORS = [
  '#9e9e9e',
  '#8d6e63',
  '#5c6bc0',
  '#039be5',
  '#00897b',
  '#43a047',
] as const;
