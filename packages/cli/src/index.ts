export { CliError, EXIT, type ExitCode } from './edge/errors.js';
export { type Io, loadReport, readJson, writeAtomic } from './edge/io.js';
export { main, mainHelp } from './main.js';
