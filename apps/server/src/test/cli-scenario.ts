import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { clock, httpSignIn } from './cli.ts';

/**
 * What an operator does beside a running server, the same on both databases: load a catalogue, add people, list them,
 * change their roles, disable and enable an account (its session stops working at once), set a password, take an
 * export, and read the audit trail that names the operator.
 */
export async function operatorScenario(env: Record<string, string>, base: string, tmp: string) {
  const unique = Date.now().toString(36);
  const org = `centro-op-${unique}`;
  const bundle = {
    format: 'clock-bundle/1',
    organizations: [{ id: org, kind: 'centre', name: 'Centro Operativo', town: 'Pisa', province: 'PI' }],
  };
  const imp = clock(['import', '-'], env, JSON.stringify(bundle));
  expect(imp.code, imp.err).toBe(0);
  expect(imp.out).toMatch(/Imported 1 records .*1 created/);

  const admin = `admin-${unique}@example.org`;
  const person = `persona-${unique}@example.org`;
  const other = `altra-${unique}@example.org`;
  const create = (email: string, role: string, orgId?: string) =>
    clock(
      [
        'user',
        'create',
        '--email',
        email,
        '--name',
        `Persona ${email.slice(0, 5)}`,
        '--role',
        role,
        ...(orgId ? ['--org', orgId] : []),
        '--password-stdin',
      ],
      env,
      'una password lunga 123\n',
    );
  expect(create(admin, 'admin').code).toBe(0);
  const c = create(person, 'nucleus', org);
  expect(c.code, c.err).toBe(0);
  expect(c.out).toContain(`Created ${person} (nucleus at ${org})`);
  // One nucleus member per centre: a second one is refused with the reason.
  const second = create(other, 'nucleus', org);
  expect(second.code).toBe(1);
  expect(second.err).toContain('already has its nucleus representative');
  expect(create(other, 'centre-staff', org).code).toBe(0);

  const list = clock(['user', 'list', '--json', '--org', org], env);
  expect(list.code, list.err).toBe(0);
  const people = JSON.parse(list.out) as { email: string; status: string; memberships: { role: string }[] }[];
  expect(people.map((p) => [p.email, p.status, p.memberships[0]!.role]).sort()).toEqual(
    [
      [other, 'active', 'centre-staff'],
      [person, 'active', 'nucleus'],
    ].sort(),
  );
  const table = clock(['user', 'list', '--q', unique], env);
  expect(table.out).toMatch(/E-MAIL\s+NAME\s+STATUS\s+ROLES/);
  expect(table.out).toContain('3 account(s).');

  // A session opened on the web ends the moment the operator disables the account.
  const session = await httpSignIn(base, person, 'una password lunga 123');
  expect(session.status).toBe(200);
  const me = () => fetch(`${base}/api/v1/me`, { headers: { cookie: session.cookie } }).then((r) => r.status);
  expect(await me()).toBe(200);
  const off = clock(['user', 'disable', '--email', person], env);
  expect(off.code, off.err).toBe(0);
  expect(off.out).toContain(`Disabled ${person}: 1 session(s) ended, 0 API token(s) revoked.`);
  expect(await me()).toBe(401);
  expect((await httpSignIn(base, person, 'una password lunga 123')).status).toBe(403);
  expect(clock(['user', 'enable', '--email', person], env).out).toContain(`Enabled ${person}.`);

  const pw = clock(['user', 'set-password', '--email', person, '--password-stdin'], env, "un'altra password lunga\n");
  expect(pw.code, pw.err).toBe(0);
  expect((await httpSignIn(base, person, 'una password lunga 123')).status).toBe(401);
  expect((await httpSignIn(base, person, "un'altra password lunga")).status).toBe(200);
  const short = clock(['user', 'set-password', '--email', person, '--password-stdin'], env, 'corta\n');
  expect(short.code).toBe(1);
  expect(short.err).toContain('/password: must be at least 10 characters');

  const grant = clock(['user', 'grant', '--email', other, '--role', 'centre-manager', '--org', org], env);
  expect(grant.code, grant.err).toBe(0);
  expect(grant.out).toContain(`now: centre-manager@${org}`);
  const revoke = clock(['user', 'revoke', '--email', other, '--role', 'centre-manager', '--org', org], env);
  expect(revoke.out).toContain('now: no role');
  const again = clock(['user', 'revoke', '--email', other, '--role', 'centre-manager', '--org', org], env);
  expect(again.code).toBe(1);
  expect(again.err).toContain(`is not centre-manager at ${org}`);

  const unknown = clock(['user', 'disable', '--email', `nessuno-${unique}@example.org`], env);
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain('No account with the e-mail');
  expect(clock(['user', 'frobnicate'], env).code).toBe(2);
  expect(clock(['user', 'grant', '--email', other], env).code).toBe(2);

  const file = path.join(tmp, `export-${unique}.json`);
  const exp = clock(['export', file], env);
  expect(exp.code, exp.err).toBe(0);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).organizations).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: org })]),
  );

  // The audit trail names the operator for each change.
  const asAdmin = await httpSignIn(base, admin, 'una password lunga 123');
  const found = (await (
    await fetch(`${base}/api/v1/admin/people?q=${encodeURIComponent(person)}`, { headers: { cookie: asAdmin.cookie } })
  ).json()) as { items: { id: string }[] };
  const detail = (await (
    await fetch(`${base}/api/v1/admin/people/${found.items[0]!.id}`, { headers: { cookie: asAdmin.cookie } })
  ).json()) as { history: { action: string; actor: string }[] };
  const label = `operator ${os.userInfo().username} (clock CLI)`;
  expect(detail.history.map((h) => [h.action, h.actor])).toEqual([
    ['set-password', label],
    ['enable-account', label],
    ['disable-account', label],
    ['create-account', label],
  ]);
}
