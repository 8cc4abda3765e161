import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { matchProblem } from '../matching/matching.service.ts';
import type { RequestDeps } from './requests.context.ts';
import { loadVisible } from './requests.service.ts';

/**
 * Who covers which aspect of the problem: the matching engine's teams over the whole network, and for each centre
 * that expressed interest (or is in the team) what the catalogue says it covers, what it claims, its equipment.
 */
export async function teamProposal(deps: RequestDeps, actor: Actor, id: string) {
  const { r, centres, access } = await loadVisible(deps.db, actor, id);
  if (access !== 'full') throw new AppError('FORBIDDEN', 'Only the network sees the team proposal');
  const text = [r.title, r.description, r.desiredOutcome].filter(Boolean).join('\n');
  const match = await matchProblem(deps.search, actor, {
    text,
    lang: r.lang as 'it' | 'en',
    sector: r.sector ?? undefined,
    filiera: r.filiera ?? undefined,
    limit: 50,
  });
  const involved = centres.filter((c) => c.interestAt || c.teamRole);
  const rows = involved.map((c) => {
    const org = match.organizations.find((o) => o.id === c.organizationId);
    const records = match.results.filter((x) => x.organization === c.organizationId);
    return {
      organization: c.organizationId,
      name: c.name,
      interested: !!c.interestAt,
      teamRole: c.teamRole,
      covers: org?.covers ?? [],
      claims: c.aspects,
      equipment: records
        .filter((x) => x.type === 'equipment')
        .slice(0, 5)
        .map((x) => ({ id: x.id, title: x.title })),
      records: records
        .filter((x) => x.type !== 'equipment')
        .slice(0, 5)
        .map((x) => ({ id: x.id, type: x.type, title: x.title })),
    };
  });
  const covered = new Set(rows.flatMap((c) => [...c.covers, ...c.claims]));
  return {
    aspects: match.aspects.map((a) => ({ label: a.label, kind: a.kind })),
    suggested: match.teams.map((t) => ({
      organizations: t.organizations,
      covers: t.covers,
      missing: t.missing,
      score: t.score,
    })),
    centres: rows,
    missing: match.aspects.map((a) => a.label).filter((l) => !covered.has(l)),
    truncated: match.truncated,
  };
}
