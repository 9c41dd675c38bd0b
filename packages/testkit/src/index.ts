export { line, prose, reportArbitrary } from './arbitraries.js';
export { fmtMs, fmtRatio, type Measure, measure, timeCommand } from './bench.js';
export {
  browserOrReason,
  type Chromium,
  findOverflow,
  launchChromium,
  measureDeck,
  type OverflowProblem,
  slidesPage,
} from './chromium.js';
export {
  captureIo,
  convertDeck,
  findBrowser,
  freshDir,
  renderDeckHtml,
  repoRoot,
  reportFile,
  runCli,
} from './cli.js';
export { NASTY, nastyReport } from './nasty.js';
export { report, scaledReport, stressReport } from './reports.js';
export { seed, seeded } from './seed.js';
