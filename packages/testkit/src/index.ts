// The light entry: fixtures, arbitraries, the seed, bench helpers and the in-process CLI
// (loaded on first use). The browser helpers are `@briefing/testkit/chromium`.
export { chartBlock, line, prose, reportArbitrary, richReportArbitrary, tableBlock } from './arbitraries.js';
export { fmtMs, fmtRatio, type Measure, measure, median, timeCommand } from './bench.js';
export { builtIsCurrent, cliArgs, runsBuilt } from './built.js';
export {
  captureIo,
  convertDeck,
  deckBrowser,
  freshDir,
  renderDeckHtml,
  repoRoot,
  reportFile,
  runCli,
  spawnWatch,
} from './cli.js';
export { cleanSections, craftedReport } from './editorial.js';
export { eventStream, getJson, httpGet, idleSockets } from './http.js';
export { NASTY, nastyReport } from './nasty.js';
export {
  type CliProcess,
  childrenOf,
  deadPid,
  descriptors,
  readyWaitMs,
  type StopTime,
  spawnCli,
  spawnPiped,
  stopClock,
  until,
} from './process.js';
export { largestFiguresReport, report, scaledReport, stressReport } from './reports.js';
export { seed, seeded } from './seed.js';
export {
  doesWork,
  lastRunTasks,
  plannedTasks,
  type RemoteCache,
  startRemoteCache,
  type TurboTask,
  turbo,
} from './turbo.js';
export { type WaitOptions, waitFor } from './wait.js';
export { gitClone, workspaceClone } from './workspace.js';
