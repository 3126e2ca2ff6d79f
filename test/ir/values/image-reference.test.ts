/** Image references as the engine parses them: what converts must also pull. */
import { describe, expect, it } from 'vitest';
import { imageReferenceProblem } from '../../../src/ir/values/image-reference.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';

describe('imageReferenceProblem', () => {
  it('accepts the forms the engine accepts', () => {
    for (const ok of [
      'nginx',
      'nginx:1.27-alpine',
      'library/nginx:latest',
      'registry.example.com:5000/team/app_v2:1.0',
      'localhost/app',
      'localhost:5000/a/b/c',
      `nginx@sha256:${'a'.repeat(64)}`,
      `nginx:1.27@sha256:${'0'.repeat(64)}`,
      'my-app__x.y',
      '[::1]:5000/app',
    ]) {
      expect(imageReferenceProblem(ok), ok).toBeUndefined();
    }
  });

  it('rejects what docker calls an invalid reference format, saying which part is wrong', () => {
    expect(imageReferenceProblem('MyRepo/App:1')).toContain('"App"');
    expect(imageReferenceProblem('nginx:latest@sha256:zzz')).toContain('digest');
    expect(imageReferenceProblem('app:')).toContain('tag');
    expect(imageReferenceProblem('app:-x')).toContain('tag');
    expect(imageReferenceProblem('/app')).toContain('empty path component');
    expect(imageReferenceProblem('team//app')).toContain('empty path component');
    expect(imageReferenceProblem('Nginx')).toContain('"Nginx"');
    expect(imageReferenceProblem('')).toBe('it is empty');
  });
});

describe('an invalid image in a project', () => {
  it('is a located error, as Compose fails to pull it', () => {
    const host = memoryHost({ '/p/compose.yaml': 'services:\n  web:\n    image: "MyRepo/App:1"\n' }, { cwd: '/p' });
    const { diagnostics } = load({ host, cwd: '/p', env: {} });
    const d = diagnostics.find((x) => x.code === 'IMAGE_INVALID');
    expect(d?.severity).toBe('error');
    expect(d?.location).toMatchObject({ line: 3 });
  });
});
