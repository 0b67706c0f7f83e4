/** A config problem, named by its full key path from the top of app-config.yaml. */
export function configError(key: string, problem: string): Error {
  return new Error(`Invalid config at '${key}': ${problem}`);
}

// Backstage's readers name keys relative to the sub-config they were handed; users need
// the full path from the top of app-config.yaml.
export function atKey<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('Invalid config at ')) throw error;
    throw configError(key, message);
  }
}
