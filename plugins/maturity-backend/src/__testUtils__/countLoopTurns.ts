/**
 * Runs `work` and counts the turns the event loop took meanwhile, by a setImmediate that
 * re-arms itself: SQLite answers synchronously, so code that never yields lets it turn
 * at most once. (A timer would also need a millisecond to pass.)
 */
export async function countLoopTurns<T>(
  work: () => Promise<T>,
): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  try {
    const result = await work();
    return { result, turns };
  } finally {
    counting = false;
  }
}
