import type { DemoInfo } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './demo.repo.ts';

/** True when this database was loaded with the demo people. */
export async function isDemo(db: Db): Promise<boolean> {
  return (await repo.demoSetting(db)) !== null;
}

interface Setting {
  password: string;
  people: { email: string }[];
}

/**
 * The demo accounts of a demo installation, in the order they were created (admin, Region, each centre's nucleus
 * member, manager and staff, then companies); NOT_FOUND when the database was not loaded with the demo people.
 * Accounts deleted since are not offered.
 */
export async function describeDemo(db: Db): Promise<DemoInfo> {
  const setting = (await repo.demoSetting(db)) as Setting | null;
  if (!setting) throw new AppError('NOT_FOUND', 'This installation is not a demo');
  const rows = await repo.liveAccounts(
    db,
    setting.people.map((p) => p.email),
  );
  const accounts: DemoInfo['accounts'] = [];
  for (const p of setting.people) {
    for (const r of rows.filter((x) => x.email === p.email)) {
      const role = r.platformRole ?? r.role;
      if (!role) continue;
      accounts.push({
        email: p.email,
        name: r.name ?? '',
        role,
        organization:
          r.platformRole || !r.organizationId
            ? null
            : { id: r.organizationId, name: r.organizationName ?? r.organizationId, kind: r.organizationKind ?? '' },
      });
      if (r.platformRole) break;
    }
  }
  return { demo: true, password: setting.password, accounts };
}
