export declare const ELECTRON_PACKAGE_DIR: string;
export declare function findElectronBinary(packageDir?: string, env?: NodeJS.ProcessEnv): string | null;
export declare function electronVersion(packageDir?: string): string;
export declare const ELECTRON_MISSING_MESSAGE: string;
