import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('matchPath', () => {
  it('extracts and decodes parameters', () => {
    expect(matchPath('/schools/:schoolId/import', '/schools/12/import')).toEqual({ schoolId: '12' });
    expect(matchPath('/pupils/:pupilId', '/pupils/a%20b')).toEqual({ pupilId: 'a b' });
  });

  it('ignores a trailing slash and rejects other paths', () => {
    expect(matchPath('/login', '/login/')).toEqual({});
    expect(matchPath('/schools/:schoolId', '/schools/12/import')).toBeNull();
    expect(matchPath('/schools/:schoolId', '/pupils/12')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
  });
});
