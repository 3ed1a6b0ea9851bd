import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

/**
 * Electron's binary cannot be fetched here, so the packaged app itself is not built in tests. What
 * can be checked is the configuration electron-builder reads (through its own loader and schema):
 * the fuses it flips in the packaged binary.
 */
describe('the packaged app’s Electron fuses (build/electron-builder.yml)', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on asar integrity and loading the app only from app.asar', async () => {
    const config = await getConfig(resolve(__dirname, '..', '..'), 'build/electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The integrity check and app.asar-only loading mean nothing without an asar archive.
    expect(config.asar).not.toBe(false);
  });
});
