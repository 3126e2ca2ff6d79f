/** Writes a generated Compose project of `count` services into `dir` and returns the compose file path. */
export function generateProject(dir: string, count: number): string;
/** Writes a project of `count` services, each with a network, volume, secret and config of its own; returns the compose file path. */
export function generateWideProject(dir: string, count: number): string;
