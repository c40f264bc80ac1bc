export type Browser = {
  source: 'CHROMIUM_PATH' | 'system' | 'playwright' | '@sparticuz/chromium';
  /** undefined: Playwright's own browser. */
  executablePath?: string;
  /** What the browser process needs besides the environment of the tests (LD_LIBRARY_PATH, FONTCONFIG_FILE). */
  env: Record<string, string>;
};
export function findChromium(options?: { ignoreSystem?: boolean; log?: (message: string) => void }): Promise<Browser>;
export function packagedChromium(options?: { log?: (message: string) => void }): Promise<Browser>;
