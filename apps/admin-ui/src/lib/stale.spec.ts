jest.mock('../api/client', () => ({ api: {}, ApiError: class {} }));
import { versionIn } from './stale';

describe('versionIn', () => {
  it('reads one stream’s version in a resource ETag', () => {
    const etag = '"pupil-0754321P-E0293@7|guardian-0754321P-R1@3"';
    expect(versionIn(etag, 'pupil-0754321P-E0293')).toBe(7);
    expect(versionIn(etag, 'guardian-0754321P-R1')).toBe(3);
    expect(versionIn(etag, 'guardian-0754321P-R2')).toBeUndefined();
    expect(versionIn(null, 'x')).toBeUndefined();
  });
});
