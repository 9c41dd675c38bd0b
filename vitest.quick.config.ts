// `npm run test:quick`, the inner loop: every test file but those vitest.config.ts lists as
// SLOW (no browser, no LibreOffice, no real processes to stop, no fuzzing of whole builds).
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base, { SLOW } from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...SLOW] } }));
