/**
 * The variables a child process needs to live on the same clock as the test run: under
 * `faketime -f +400d npm test`, libfaketime is preloaded through LD_PRELOAD and configured by FAKETIME*.
 * Children get these and PATH, and nothing else from the test's environment.
 */
export function sameClockEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && (name === 'PATH' || name === 'LD_PRELOAD' || name.startsWith('FAKETIME'))) {
      env[name] = value;
    }
  }
  return env;
}
