/**
 * Image references as the Docker engine and the kubelet parse them (the distribution reference grammar):
 * `[host[:port]/]path[:tag][@digest]`, where the path is lowercase components joined by `/`. A reference outside it
 * converts fine and fails only at deploy time (`invalid reference format`, InvalidImageName), so it is checked here.
 */

/** A registry host: DNS labels joined by dots, or `localhost`, or an IPv6 address in brackets, then an optional port. */
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
/** One path component: lowercase alphanumerics, separated by `.`, `_`, `__` or any run of `-`. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

/** Why `reference` is not an image reference the engine accepts, or undefined when it is one. */
export function imageReferenceProblem(reference: string): string | undefined {
  if (reference === '') return 'it is empty';
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const beforeDigest = at >= 0 ? reference.slice(0, at) : reference;
  if (digest !== undefined && !DIGEST.test(digest)) return `the digest "${digest}" is not algorithm:hex (such as sha256: and 64 hex digits)`;
  // A tag follows the last colon after the last slash (a colon before it belongs to the registry's port).
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return `the tag "${tag}" may hold only letters, digits, _, . and - (at most 128, not starting with . or -)`;
  if (name.length > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  const parts = name.split('/');
  // The first part is a registry when it looks like a host (a dot or port) or is localhost, as the engine decides.
  const first = parts[0]!;
  const isDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  if (isDomain && !DOMAIN.test(first)) return `the registry "${first}" is not a host name with an optional port`;
  const path = isDomain ? parts.slice(1) : parts;
  for (const component of path) {
    if (!PATH_COMPONENT.test(component)) {
      return component === ''
        ? 'it has an empty path component (a leading, trailing or doubled /)'
        : `"${component}" must be lowercase letters and digits, separated by ., _, __ or -`;
    }
  }
  return undefined;
}
