/** The stamp's file, under the package's folder. */
export declare const STAMP: string;
/** A hash of the files under `<packageDir>/src`: their paths there and their bytes, in path order. */
export declare function sourceStamp(packageDir: string): string;
