// Types for ensure-browser.mjs, which playwright.config.ts imports (the project does not type-check JavaScript).
export interface FoundChromium {
  path: string;
  source: 'XUEJI_CHROMIUM' | 'system' | 'playwright';
}
export const MISSING_LINE: string;
export function findChromium(): FoundChromium | null;
export function ensureChromium(options?: { log?: (line: string) => void }): Promise<string>;
