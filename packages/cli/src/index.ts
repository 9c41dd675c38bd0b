export { CliError, EXIT, type ExitCode } from './errors.js';
export { type Io, loadReport, readJson, writeAtomic } from './io.js';
export { main, mainHelp } from './main.js';
