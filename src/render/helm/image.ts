/** Splitting an image reference into the repository / tag / digest triple Helm charts conventionally expose. */

/** An image reference as values. Exactly one of `tag` and `digest` may be set. */
export interface ImageValues {
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits `registry:5000/team/app:1.2@sha256:...`. A colon names a tag only after the last slash, so a registry
 * port is not mistaken for one.
 */
export function splitImage(reference: string): ImageValues {
  const at = reference.indexOf('@');
  if (at >= 0) return { repository: reference.slice(0, at), digest: reference.slice(at + 1) };
  const colon = reference.lastIndexOf(':');
  if (colon > reference.lastIndexOf('/')) return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference };
}
