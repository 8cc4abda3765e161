import type { Db } from '../../db/client.ts';
import type { S3Source } from '../governance/coverage.service.ts';
import * as repo from './action-s3.repo.ts';

/**
 * Joint actions on the S3 coverage map (decision 018): a public action serves its cells for the lead and every centre
 * partner. It counts for coverage and gaps, never for the overlaps between centres — an action two centres run
 * together is collaboration, not duplication (`collaboration: true`).
 */
export const ACTION_S3_SOURCE: S3Source = {
  kind: 'actions',
  version: (db: Db) => repo.actionsVersion(db),
  async load(db: Db) {
    return (await repo.actionCentres(db)).map((a) => ({
      type: 'action',
      id: a.id,
      organization: a.organization,
      s3: a.s3,
      title: a.title,
      text: a.description ? [a.description] : [],
      collaboration: true,
    }));
  },
};
