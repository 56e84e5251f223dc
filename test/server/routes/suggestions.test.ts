import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { joinForm, publishedProfile } from '../../helpers/opt-in.js';

describe('suggestions for the Join form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    await publishedProfile(t.app, { skills: ['React', 'TypeScript'], formerEmployer: 'Initech Software' });
    await publishedProfile(t.app, { skills: ['reactjs'], formerEmployer: 'Initech Software' });
    // Pending: a stranger's employer must not be suggested to the next person.
    await t.app.inject({ method: 'POST', url: '/api/profiles', payload: joinForm({ formerEmployer: 'Initrode Typo' }) });
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('suggests canonical skills with counts of published profiles', async () => {
    const res = await get('/api/skills?q=reac');
    expect(res.statusCode).toBe(200);
    expect(res.json().skills.slice(0, 2)).toEqual([
      { name: 'React', count: 2 },
      { name: 'React Native', count: 0 },
    ]);
    expect((await get('/api/skills?q=k8s')).json().skills[0]).toEqual({ name: 'Kubernetes', count: 0 });
    expect((await get('/api/skills?q=re&limit=3')).json().skills).toHaveLength(3);
  });

  it('suggests employers by name or alias, only those someone is listed under or well known', async () => {
    const face = (await get('/api/employers?q=face')).json().employers;
    expect(face[0]).toMatchObject({ slug: 'meta', name: 'Meta', alias: 'Facebook' });
    const init = (await get('/api/employers?q=init')).json().employers;
    expect(init).toEqual([{ slug: 'initech-software', name: 'Initech Software', alias: null, count: 2 }]);
  });

  it('refuses queries it will not run, naming the parameter', async () => {
    const long = await get(`/api/skills?q=${'x'.repeat(61)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toMatch(/querystring\.q/);
    expect((await get('/api/employers?limit=500')).json().message).toMatch(/querystring\.limit/);
  });
});
