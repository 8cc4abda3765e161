import type { NetworkOverview } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import * as catalogue from '../catalogue/catalogue.service.ts';
import { presentOrganization } from '../catalogue/catalogue.presenter.ts';
import { isDemo } from '../demo/demo.service.ts';

export interface NetworkSettings {
  name: string;
  protocol: NetworkOverview['protocol'];
  aims?: { it?: string; en?: string }[];
}

const DEFAULT_SETTINGS: NetworkSettings = {
  name: 'CL.O.C.K.',
  protocol: {
    summary: {
      it: 'Rete regionale dei centri di trasferimento tecnologico.',
      en: 'Regional network of technology-transfer centres.',
    },
  },
};

/** The network at a glance: the protocol, the Region and the centres with their districts, and catalogue totals. */
export async function describeNetwork(
  db: Db,
  actor: Actor,
): Promise<NetworkOverview & { aims?: NetworkSettings['aims'] }> {
  const settings = (await catalogue.getNetworkSettings<NetworkSettings>(db)) ?? DEFAULT_SETTINGS;
  const members = await catalogue.findNetworkMembers(db);
  const counts = await catalogue.countRecordsByOrganization(db, actor);
  const totals = { organization: 0, competence: 0, service: 0, equipment: 0, expert: 0 };
  totals.organization = (await catalogue.listOrganizations(db, actor, {}, { page: 1, limit: 1 })).total;
  for (const c of counts.values()) {
    totals.competence += c.competence;
    totals.service += c.service;
    totals.equipment += c.equipment;
    totals.expert += c.expert;
  }
  const present = (o: (typeof members)[number]) =>
    presentOrganization(o, counts.get(o.id) ?? { competence: 0, service: 0, equipment: 0, expert: 0 });
  const region = members.find((m) => m.kind === 'region');
  return {
    name: settings.name,
    protocol: settings.protocol,
    ...(settings.aims ? { aims: settings.aims } : {}),
    centres: members.filter((m) => m.kind === 'centre').map(present),
    ...(region ? { region: present(region) } : {}),
    totals,
    demo: await isDemo(db),
  };
}
