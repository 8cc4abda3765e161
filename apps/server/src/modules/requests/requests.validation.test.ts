import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithCentreMember } from '../../test/member-app.ts';

// An empty request form: every missing field at once (the schema's limits and the service's rules together), never
// one field first and the others after.
let t: Awaited<ReturnType<typeof appWithCentreMember>>;
beforeAll(async () => {
  t = await appWithCentreMember('centre-staff');
});
afterAll(async () => {
  await t.close();
});

const pointers = (r: { json(): { errors?: { pointer: string }[] } }) =>
  (r.json().errors ?? []).map((e) => e.pointer).sort();

describe('submitting an empty request', () => {
  it('lists every missing field at once', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.headers,
      payload: { title: '', description: '' },
    });
    expect(r.statusCode).toBe(400);
    expect(pointers(r)).toEqual(['/body/companyName', '/body/confidentiality', '/body/description', '/body/title']);
  });

  it("lists the schema's and the service's problems together (a public request without summary, a past deadline)", async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.headers,
      payload: {
        title: 'x',
        description: 'y',
        confidentiality: 'public',
        deadline: '2001-01-01',
        desiredOutcome: 'x'.repeat(3000),
      },
    });
    expect(r.statusCode).toBe(400);
    expect(pointers(r)).toEqual([
      '/body/companyName',
      '/body/deadline',
      '/body/description',
      '/body/desiredOutcome',
      '/body/summary',
      '/body/title',
    ]);
  });
});
