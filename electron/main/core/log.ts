/**
 * Main-process log. It never receives personal data on purpose; stacks stay here and never reach
 * the renderer. Quiet under tests unless XUEJI_DEBUG is set.
 */
const quiet = process.env.VITEST && !process.env.XUEJI_DEBUG;

export const log = {
  info: (...args: unknown[]) => {
    if (!quiet) console.log('[xueji]', ...args);
  },
  warn: (...args: unknown[]) => {
    if (!quiet) console.warn('[xueji]', ...args);
  },
  error: (...args: unknown[]) => console.error('[xueji]', ...args),
};
