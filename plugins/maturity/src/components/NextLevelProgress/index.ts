export { NextLevelProgress } from './NextLevelProgress';
