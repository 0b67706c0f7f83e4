export { LevelBadge, levelLabel } from './LevelBadge';
export { LEVEL_COLORS } from './levelColors';
