// Part of `npm run build`, after tsc: bundles the preview page's code (src/preview/client/)
// into dist/preview/client/ with esbuild, through the compiled CLI's own bundling module so
// the build and a run from source use the same options.
import { writeClientBundles } from '../dist/preview/client-bundle.js';

await writeClientBundles();
