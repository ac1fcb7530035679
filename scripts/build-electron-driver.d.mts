export declare const DRIVER_PACKAGE: string;
export declare const DRIVER_SOURCE_DIR: string;
export declare const OUTPUT_DIR: string;
export declare const DRIVER_FILE: string;
export interface DriverTarget { electron: string; driver: string; platform: string; arch: string }
export declare function buildTarget(options?: { platform?: string; arch?: string }): DriverTarget;
export declare function isUpToDate(outputDir: string, target: DriverTarget): boolean;
export declare function copyDriverSources(from: string, to: string): void;
export declare function buildElectronDriver(options?: { platform?: string; arch?: string; outputDir?: string }): string;
