/** Writes a generated Compose project of `count` services into `dir` and returns the compose file path. */
export function generateProject(dir: string, count: number): string;
