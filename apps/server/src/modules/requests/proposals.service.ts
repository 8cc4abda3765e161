import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { matchProblem } from '../matching/matching.service.ts';
import type { RequestDeps } from './requests.context.ts';
import * as repo from './requests.repo.ts';
import { invitableKinds } from './requests.rules.ts';
import { loadVisible } from './requests.service.ts';

/**
 * Who covers which aspect of the problem: the matching engine's teams over the whole network, and for each centre
 * that expressed interest (or is in the team) what the catalogue says it covers, what it claims, its equipment.
 */
export async function teamProposal(deps: RequestDeps, actor: Actor, id: string) {
  const { r, centres, access } = await loadVisible(deps.db, actor, id);
  if (access !== 'full') throw new AppError('FORBIDDEN', 'Only the network sees the team proposal');
  const text = [r.title, r.description, r.desiredOutcome].filter(Boolean).join('\n');
  // Teams hold only organisations the request may be opened to: the network's centres when it is confidential,
  // otherwise any organisation but a company.
  const invitable = await repo.organizationsOfKinds(deps.db, invitableKinds(r.confidentiality));
  const match = await matchProblem(deps.search, actor, {
    text,
    lang: r.lang as 'it' | 'en',
    sector: r.sector ?? undefined,
    filiera: r.filiera ?? undefined,
    limit: 50,
    teamOrganizations: invitable.filter((o) => o !== r.companyOrganizationId),
  });
  // Strong aspects: those a glossary concept names (every aspect when none does).
  const named = match.aspects.filter((a) => a.kind === 'concept');
  const strong = new Set((named.length ? named : match.aspects).map((a) => a.label));
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
      // Equipment that matches only a weak aspect (a clause no concept names) is left out.
      equipment: records
        .filter((x) => x.type === 'equipment' && x.aspects.some((a) => strong.has(a)))
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
      members: t.members,
      covers: t.covers,
      missing: t.missing,
      score: t.score,
    })),
    centres: rows,
    missing: match.aspects.map((a) => a.label).filter((l) => !covered.has(l)),
    truncated: match.truncated,
  };
}
