import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from './email-builders';
import { api, joinByInvitation, ok, seedUser } from './helpers';

// The settings the get-paid rules read: a contract's payment terms and reminders
// (services/contracts/*), a project's jurisdiction and work type (services/projects/update-project.ts).

const contractBody = { kind: 'prime', accountingMethod: 'amount', title: 'Owner contract', workRetainageBps: 1000 };

describe('contract payment terms and reminders', () => {
  let admin: Awaited<ReturnType<typeof seedUser>>;
  let projectId: string;
  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz' });
    projectId = (await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'Terms' })).id;
  });

  it('default to 30 days, reminders off, every 7 days; set on create, changed by PATCH, shown by GET and the list', async () => {
    const plain = await ok(201, admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, contractBody);
    expect(plain).toMatchObject({ paymentTermsDays: 30, remindersEnabled: false, reminderCadenceDays: 7 });

    const set = await ok(201, admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, {
      ...contractBody,
      paymentTermsDays: 45,
      remindersEnabled: true,
      reminderCadenceDays: 10,
    });
    expect(set).toMatchObject({ paymentTermsDays: 45, remindersEnabled: true, reminderCadenceDays: 10 });

    const patched = await ok(200, admin.token, 'PATCH', `/api/v1/contracts/${set.id}`, { paymentTermsDays: 60, reminderCadenceDays: 14 });
    expect(patched).toMatchObject({ paymentTermsDays: 60, remindersEnabled: true, reminderCadenceDays: 14 });
    const off = await ok(200, admin.token, 'PATCH', `/api/v1/contracts/${set.id}`, { remindersEnabled: false });
    expect(off).toMatchObject({ paymentTermsDays: 60, remindersEnabled: false, reminderCadenceDays: 14 });

    expect(await ok(200, admin.token, 'GET', `/api/v1/contracts/${set.id}`)).toMatchObject({ paymentTermsDays: 60, remindersEnabled: false });
    const list = await ok(200, admin.token, 'GET', `/api/v1/projects/${projectId}/contracts`);
    expect(list.contracts.find((c: { id: string }) => c.id === set.id)).toMatchObject({ paymentTermsDays: 60, reminderCadenceDays: 14 });
  });

  it.each([
    [{ paymentTermsDays: 0 }, 'paymentTermsDays'],
    [{ paymentTermsDays: 366 }, 'paymentTermsDays'],
    [{ paymentTermsDays: 30.5 }, 'paymentTermsDays'],
    [{ reminderCadenceDays: 0 }, 'reminderCadenceDays'],
    [{ reminderCadenceDays: 91 }, 'reminderCadenceDays'],
    [{ remindersEnabled: 'yes' }, 'remindersEnabled'],
  ])('refuses %j naming the field, on create and on PATCH, changing nothing', async (bad, field) => {
    const created = await api(admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, { ...contractBody, ...bad });
    expect(created.status).toBe(422);
    expect(created.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);

    const c = await ok(201, admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, { ...contractBody, paymentTermsDays: 20, reminderCadenceDays: 5 });
    const patched = await api(admin.token, 'PATCH', `/api/v1/contracts/${c.id}`, { remindersEnabled: true, ...bad });
    expect(patched.status).toBe(422);
    expect(patched.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await ok(200, admin.token, 'GET', `/api/v1/contracts/${c.id}`)).toMatchObject({
      paymentTermsDays: 20,
      remindersEnabled: false,
      reminderCadenceDays: 5,
    });
  });

  it('the edges 1 and 365 days, cadence 1 and 90, are accepted', async () => {
    const c = await ok(201, admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, { ...contractBody, paymentTermsDays: 1, reminderCadenceDays: 90 });
    expect(c).toMatchObject({ paymentTermsDays: 1, reminderCadenceDays: 90 });
    expect(await ok(200, admin.token, 'PATCH', `/api/v1/contracts/${c.id}`, { paymentTermsDays: 365, reminderCadenceDays: 1 })).toMatchObject({
      paymentTermsDays: 365,
      reminderCadenceDays: 1,
    });
  });
});

describe('project jurisdiction and work type', () => {
  let admin: Awaited<ReturnType<typeof seedUser>>;
  let projectId: string;
  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz' });
    projectId = (await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'Harbor', number: 'H-1' })).id;
  });

  it('default to none chosen and private work; set on create; changed by PATCH; shown by GET, the list and /me', async () => {
    const fresh = await ok(200, admin.token, 'GET', `/api/v1/projects/${projectId}`);
    expect(fresh).toMatchObject({ jurisdiction: null, workType: 'private' });
    const made = await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'School', jurisdiction: 'US-CA', workType: 'public' });
    expect(made).toMatchObject({ jurisdiction: 'US-CA', workType: 'public', permissions: { primeContracts: 'admin', commitments: 'admin' } });

    const patched = await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'CA-ON' });
    expect(patched).toMatchObject({ id: projectId, name: 'Harbor', number: 'H-1', jurisdiction: 'CA-ON', workType: 'private' });
    expect(await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { workType: 'public', name: 'Harbor Point' })).toMatchObject({
      name: 'Harbor Point',
      jurisdiction: 'CA-ON',
      workType: 'public',
    });
    expect(await ok(200, admin.token, 'GET', `/api/v1/projects/${projectId}`)).toMatchObject({ jurisdiction: 'CA-ON', workType: 'public' });
    const me = await ok(200, admin.token, 'GET', '/api/v1/me');
    expect(me.projects.find((p: { id: string }) => p.id === projectId)).toMatchObject({ jurisdiction: 'CA-ON', workType: 'public' });
    // null clears it; an empty PATCH changes nothing
    expect(await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: null })).toMatchObject({ jurisdiction: null });
    expect(await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, {})).toMatchObject({ jurisdiction: null, workType: 'public' });
  });

  it.each([
    [{ jurisdiction: 'US-ZZ' }, 'jurisdiction'],
    [{ jurisdiction: 'us-ca' }, 'jurisdiction'],
    [{ jurisdiction: 'California' }, 'jurisdiction'],
    [{ workType: 'residential' }, 'workType'],
    [{ name: '' }, 'name'],
    [{ color: 'red' }, '(body)'],
  ])('refuses %j naming the field (%s), on PATCH and create, and changes nothing', async (bad, field) => {
    await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-NY', workType: 'private' });
    const r = await api(admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { workType: 'public', ...bad });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await ok(200, admin.token, 'GET', `/api/v1/projects/${projectId}`)).toMatchObject({ jurisdiction: 'US-NY', workType: 'private' });
    if (field !== '(body)') {
      const c = await api(admin.token, 'POST', '/api/v1/projects', { name: 'X', ...bad });
      expect(c.status).toBe(422);
      expect(c.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
  });

  it('only a project admin (admin on either tool) may change it: members 403, people of another company 404', async () => {
    const standard = await addMember(admin.token, projectId, { primeContracts: 'standard', commitments: 'standard' });
    const readOnly = await addMember(admin.token, projectId, { primeContracts: 'read_only', commitments: 'none' });
    const commitmentsAdmin = await addMember(admin.token, projectId, { primeContracts: 'none', commitments: 'admin' });
    const contact = await seedUser({ name: 'Owner contact' });
    await joinByInvitation(admin.token, projectId, contact);
    // joined with no level: not a member, so the project is hidden (404) until they are a contract's invoice contact
    expect((await api(contact.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-CA' })).status).toBe(404);
    await ok(201, admin.token, 'POST', `/api/v1/projects/${projectId}/contracts`, { ...contractBody, invoiceContactUserIds: [contact.id] });
    const outsider = await seedUser({ name: 'Outsider' });
    await ok(200, admin.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-TX' });

    for (const who of [standard, readOnly]) {
      const r = await api(who.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-CA' });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    // the owner's invoice contact sees the project, may not change it
    expect((await api(contact.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-CA' })).status).toBe(403);
    expect((await api(outsider.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-CA' })).status).toBe(404);
    expect((await api(null, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-CA' })).status).toBe(401);
    expect(await ok(200, admin.token, 'GET', `/api/v1/projects/${projectId}`)).toMatchObject({ jurisdiction: 'US-TX' });

    expect(await ok(200, commitmentsAdmin.token, 'PATCH', `/api/v1/projects/${projectId}`, { jurisdiction: 'US-MA' })).toMatchObject({
      jurisdiction: 'US-MA',
      permissions: { primeContracts: 'none', commitments: 'admin' },
    });
    expect((await api(outsider.token, 'PATCH', '/api/v1/projects/prj_nope', { jurisdiction: 'US-CA' })).status).toBe(404);
  });
});
