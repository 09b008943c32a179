export function isExecutable(path: string): boolean;
export function findProgram(name: string, extraDirs?: readonly string[]): string | null;
export function postgresBinDirs(): string[];
export function run(tag: string, cmd: string, args: readonly string[]): void;
export function aptAccess(tag: string): { isRoot: boolean; asRoot(cmd: string, args: readonly string[]): void } | null;
