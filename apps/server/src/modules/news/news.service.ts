import type { NewsCreate, NewsItem, NewsPage, NewsQuery, NewsUpdate } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError, notFound, type FieldProblem } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { getTaxonomies } from '../catalogue/catalogue.service.ts';
import * as repo from './news.repo.ts';
import { allowedNewsActions, canReadNews, canWriteNews, codeProblems, type NewsAction } from './news.rules.ts';

export interface NewsDeps {
  db: Db;
  publicUrl: string;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newsUrl(publicUrl: string, id: string) {
  return `${publicUrl}/notizie/${id}`;
}

export function presentNews(deps: NewsDeps, actor: Actor, row: repo.NewsRow): NewsItem {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    summary: row.summary,
    ...(row.body ? { body: row.body } : {}),
    organizations: row.organizations.map((o) => ({ id: o.id, name: o.name })),
    filiere: row.filiere,
    sectors: row.sectors,
    s3: row.s3,
    state: row.state,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    url: newsUrl(deps.publicUrl, row.id),
    allowedActions: allowedNewsActions(actor, row),
  };
}

/** Organisations of the caller's memberships plus, for administrators and Region officers, what they may write. */
function writableOrganizations(actor: Actor, all: { id: string; kind: string }[]): string[] {
  return all.filter((o) => canWriteNews(actor, o)).map((o) => o.id);
}

/** Published news for everyone; drafts and withdrawn items of the organisations the caller may write for. */
export async function listNews(deps: NewsDeps, actor: Actor, q: NewsQuery): Promise<NewsPage> {
  const page = q.page ?? 1;
  const limit = q.limit ?? 20;
  const state = q.state ?? 'published';
  let only: string[] | undefined;
  if (state !== 'published') {
    if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to see unpublished news');
    const candidates =
      actor.platformRole === 'admin' || actor.platformRole === 'region'
        ? undefined
        : actor.memberships.map((m) => m.organization);
    if (candidates) only = writableOrganizations(actor, await repo.organizationsByIds(deps.db, candidates));
    else if (actor.platformRole === 'region')
      only = writableOrganizations(actor, await repo.organizationsByIds(deps.db, await regionIds(deps.db)));
  }
  const { rows, total } = await repo.listNews(
    deps.db,
    {
      state,
      organizations: only,
      organization: q.organization,
      q: q.q?.trim() || undefined,
      filiera: q.filiera,
      sector: q.sector,
      s3: q.s3,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
    },
    page,
    limit,
  );
  return { items: rows.map((r) => presentNews(deps, actor, r)), total, page, limit };
}

async function regionIds(db: Db): Promise<string[]> {
  return repo.organizationIdsOfKind(db, 'region');
}

async function readable(deps: NewsDeps, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound('news item', id);
  const row = await repo.getNews(deps.db, id);
  if (!row || !canReadNews(actor, row)) throw notFound('news item', id);
  return row;
}

export async function getNews(deps: NewsDeps, actor: Actor, id: string): Promise<NewsItem> {
  return presentNews(deps, actor, await readable(deps, actor, id));
}

/** Every problem of the codes and organisations at once (the schema checked the shapes). */
async function contentProblems(
  deps: NewsDeps,
  actor: Actor,
  body: NewsUpdate,
  leadMustBeWritable: boolean,
): Promise<{ problems: FieldProblem[]; organizations?: { id: string; kind: string }[] }> {
  const problems: FieldProblem[] = [];
  let orgs: { id: string; kind: string }[] | undefined;
  if (body.organizations) {
    const ids = body.organizations;
    const found = await repo.organizationsByIds(deps.db, ids);
    ids.forEach((id, i) => {
      if (!found.some((o) => o.id === id))
        problems.push({ pointer: `/organizations/${i}`, message: `No organisation "${id}"` });
      else if (ids.indexOf(id) !== i) problems.push({ pointer: `/organizations/${i}`, message: 'Listed twice' });
    });
    orgs = ids.map((id) => found.find((o) => o.id === id)).filter((o) => o !== undefined);
    const lead = found.find((o) => o.id === ids[0]);
    if (lead && leadMustBeWritable && !canWriteNews(actor, lead))
      throw new AppError('FORBIDDEN', `You may not publish news for ${lead.id}`);
  }
  problems.push(...codeProblems(await getTaxonomies(deps.db), body));
  return { problems, organizations: orgs };
}

function requireMember(actor: Actor) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to write news');
  return actor;
}

/** Writes a draft in the name of the first organisation (which the caller must be allowed to publish for). */
export async function createNews(deps: NewsDeps, ctx: Ctx, body: NewsCreate): Promise<NewsItem> {
  const actor = requireMember(ctx.actor);
  const { problems } = await contentProblems(deps, actor, body, true);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The news item has invalid fields', problems);
  const id = await deps.db.transaction(async (tx) => {
    const created = await repo.insertNews(
      tx,
      {
        title: body.title,
        summary: body.summary,
        body: body.body ?? null,
        filiere: body.filiere ?? [],
        sectors: body.sectors ?? [],
        s3: body.s3 ?? [],
        createdBy: actor.userId,
      },
      body.organizations,
    );
    await recordAudit(tx, actor, {
      action: 'create-news',
      entityType: 'news',
      entityId: created,
      organizationId: body.organizations[0]!,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
    return created;
  });
  return getNews(deps, actor, id);
}

async function act(
  deps: NewsDeps,
  ctx: Ctx,
  id: string,
  action: NewsAction,
  change: (tx: Tx, row: repo.NewsRow) => Promise<unknown>,
) {
  const actor = requireMember(ctx.actor);
  if (!UUID.test(id)) throw notFound('news item', id);
  await deps.db.transaction(async (tx) => {
    const row = await repo.getNews(tx, id, { forUpdate: true });
    if (!row) throw notFound('news item', id);
    if (!row.organizations.some((o) => canWriteNews(actor, o)))
      throw new AppError('FORBIDDEN', 'You may not change this news item');
    if (!allowedNewsActions(actor, row).includes(action))
      throw new AppError('CONFLICT', `A ${row.state} news item cannot be changed by "${action}"`);
    const after = await change(tx, row);
    await recordAudit(tx, actor, {
      action: `${action}-news`,
      entityType: 'news',
      entityId: id,
      organizationId: row.organizations[0]?.id ?? null,
      before: { state: row.state, title: row.title },
      after,
      requestId: ctx.requestId,
    });
  });
  return getNews(deps, actor, id);
}

export async function updateNews(deps: NewsDeps, ctx: Ctx, id: string, body: NewsUpdate): Promise<NewsItem> {
  const actor = requireMember(ctx.actor);
  const { problems } = await contentProblems(deps, actor, body, true);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The news item has invalid fields', problems);
  return act(deps, ctx, id, 'edit', async (tx) => {
    const { organizations, ...fields } = body;
    await repo.updateNews(tx, id, fields, organizations);
    return body;
  });
}

export async function publishNews(deps: NewsDeps, ctx: Ctx, id: string): Promise<NewsItem> {
  return act(deps, ctx, id, 'publish', async (tx, row) => {
    await repo.updateNews(tx, id, { state: 'published', publishedAt: row.publishedAt ?? new Date() });
    return { state: 'published' };
  });
}

export async function withdrawNews(deps: NewsDeps, ctx: Ctx, id: string): Promise<NewsItem> {
  return act(deps, ctx, id, 'withdraw', async (tx) => {
    await repo.updateNews(tx, id, { state: 'withdrawn' });
    return { state: 'withdrawn' };
  });
}
