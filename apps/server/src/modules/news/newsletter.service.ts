import { createHash, randomBytes } from 'node:crypto';
import type { NewsletterTopics, SubscriptionCreate, SubscriptionView } from '@clock/contracts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { getTaxonomies } from '../catalogue/catalogue.service.ts';
import { queueMail } from '../notifications/outbox.service.ts';
import * as repo from './news.repo.ts';
import { codeProblems, concerns, maskEmail, type Topics } from './news.rules.ts';
import { newsUrl } from './news.service.ts';
import { eventsForDigest } from '../events/digest.service.ts';
import { alreadySubscribedMail, confirmationMail, type DigestItem, digestMail } from './newsletter.rules.ts';

/**
 * The newsletter: anyone subscribes with an e-mail address and the topics they follow (filiere, sectors, S3 codes,
 * organisations), confirms by the link mailed to them (double opt-in), and gets a weekly digest of what was published
 * on those topics, with a one-click unsubscribe (RFC 8058: List-Unsubscribe and List-Unsubscribe-Post headers). Every
 * answer to a subscription is the same whatever the address's state, so nobody learns who subscribed.
 */

export interface NewsletterDeps {
  db: Db;
  publicUrl: string;
}

/** How long a confirmation link works; unconfirmed addresses are deleted after it. */
export const CONFIRM_DAYS = 7;
/** A confirmation is mailed again to the same address at most this often (nobody floods a mailbox through us). */
const RESEND_AFTER_MS = 10 * 60_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const token = () => randomBytes(32).toString('base64url');
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

export const confirmLink = (publicUrl: string, t: string) =>
  `${publicUrl}/newsletter/conferma?token=${encodeURIComponent(t)}`;
export const manageLink = (publicUrl: string, t: string) =>
  `${publicUrl}/newsletter/iscrizione?token=${encodeURIComponent(t)}`;
export const oneClickLink = (publicUrl: string, t: string) =>
  `${publicUrl}/api/v1/newsletter/unsubscribe?token=${encodeURIComponent(t)}`;

function emptyTopics(): Topics {
  return { filiere: [], sectors: [], s3: [], organizations: [] };
}

async function topicProblems(db: Db, topics: Partial<NewsletterTopics>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  problems.push(...codeProblems(await getTaxonomies(db), topics, '/topics'));
  const ids = topics.organizations ?? [];
  const found = new Set((await repo.organizationsByIds(db, ids)).map((o) => o.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) problems.push({ pointer: `/topics/organizations/${i}`, message: `No organisation "${id}"` });
  });
  return problems;
}

/** Asks for a subscription: a confirmation link goes to the address (or a reminder that it is subscribed). */
export async function subscribe(deps: NewsletterDeps, body: SubscriptionCreate, requestLang: 'it' | 'en') {
  const email = body.email.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(email)) problems.push({ pointer: '/email', message: 'Not an e-mail address' });
  problems.push(...(await topicProblems(deps.db, body.topics ?? {})));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The subscription has invalid fields', problems);
  const lang = body.lang ?? requestLang;
  const topics = { ...emptyTopics(), ...body.topics };
  await deps.db.transaction(async (tx) => {
    const live = await repo.liveSubscriptionByEmail(tx, email);
    if (live?.state === 'confirmed') {
      await queueMail(tx, [
        { to: email, ...alreadySubscribedMail(live.lang, manageLink(deps.publicUrl, live.unsubscribeToken)) },
      ]);
      return;
    }
    const confirm = token();
    if (live) {
      if (Date.now() - live.createdAt.getTime() < RESEND_AFTER_MS) return;
      await repo.updateSubscription(tx, live.id, {
        topics,
        lang,
        confirmTokenHash: hash(confirm),
        createdAt: new Date(),
      });
    } else {
      await repo.insertSubscription(tx, {
        email,
        lang,
        topics,
        confirmTokenHash: hash(confirm),
        unsubscribeToken: token(),
      });
    }
    await queueMail(tx, [{ to: email, ...confirmationMail(lang, confirmLink(deps.publicUrl, confirm)) }]);
  });
}

function view(row: repo.SubscriptionRow): SubscriptionView {
  return { email: maskEmail(row.email), lang: row.lang, topics: row.topics, state: row.state };
}

const invalidLink = () => new AppError('NOT_FOUND', 'This link is not valid or has expired');

/** Opens the confirmation link: the subscription starts now (the first digest tells of what is published after). */
export async function confirm(deps: NewsletterDeps, t: string): Promise<SubscriptionView & { token: string }> {
  return deps.db.transaction(async (tx) => {
    const row = await repo.subscriptionByConfirmHash(tx, hash(t));
    if (row?.state !== 'pending' || Date.now() - row.createdAt.getTime() > CONFIRM_DAYS * 86_400_000)
      throw invalidLink();
    const now = new Date();
    await repo.updateSubscription(tx, row.id, {
      state: 'confirmed',
      confirmedAt: now,
      digestedUntil: now,
      confirmTokenHash: null,
    });
    return { ...view({ ...row, state: 'confirmed' }), token: row.unsubscribeToken };
  });
}

/** The subscription behind a newsletter's link. */
export async function subscription(deps: NewsletterDeps, t: string): Promise<SubscriptionView> {
  const row = await repo.subscriptionByUnsubscribeToken(deps.db, t);
  if (!row || row.state === 'pending') throw invalidLink();
  return view(row);
}

/** Ends a subscription (the one-click POST of a mail client, or the button on the page); again is harmless. */
export async function unsubscribe(deps: NewsletterDeps, t: string): Promise<SubscriptionView> {
  const row = await repo.subscriptionByUnsubscribeToken(deps.db, t);
  if (!row || row.state === 'pending') throw invalidLink();
  if (row.state === 'confirmed')
    await repo.updateSubscription(deps.db, row.id, { state: 'unsubscribed', unsubscribedAt: new Date() });
  return view({ ...row, state: 'unsubscribed' });
}

/** Where a digest's items come from: one function per kind of content, each returning what was published after `since`. */
export type DigestSource = (db: Db, publicUrl: string, since: Date, until: Date) => Promise<DigestItem[]>;

const newsSource: DigestSource = async (db, publicUrl, since, until) =>
  (await repo.publishedNews(db, { since, limit: 500 }))
    .filter((n) => n.publishedAt && n.publishedAt <= until)
    .map((n) => ({
      kind: 'news',
      id: n.id,
      title: n.title,
      summary: n.summary,
      url: newsUrl(publicUrl, n.id),
      publishedAt: n.publishedAt!,
      topics: { filiere: n.filiere, sectors: n.sectors, s3: n.s3, organizations: n.organizations.map((o) => o.id) },
    }));

/** The digest's sources; a module that publishes something a subscriber follows adds its own here. */
export const DIGEST_SOURCES: DigestSource[] = [newsSource, eventsForDigest];

const BATCH = 200;

/**
 * Sends the digests due at `now`: one e-mail per confirmed subscriber with what was published on their topics since
 * their last digest (nothing new, no e-mail), each marked sent in the same transaction that queues it.
 */
export async function sendNewsletters(deps: NewsletterDeps, now: Date, sources = DIGEST_SOURCES) {
  await repo.dropUnconfirmed(deps.db, CONFIRM_DAYS);
  let after: string | null = null;
  let mails = 0;
  let subscribers = 0;
  const cache = new Map<number, DigestItem[]>();
  for (;;) {
    const batch = await repo.confirmedSubscriptions(deps.db, after, BATCH);
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    for (const sub of batch) {
      subscribers++;
      const since = sub.digestedUntil ?? sub.confirmedAt ?? sub.createdAt;
      // Subscribers with the same starting point share one read of the sources.
      const key = since.getTime();
      if (!cache.has(key))
        cache.set(key, (await Promise.all(sources.map((s) => s(deps.db, deps.publicUrl, since, now)))).flat());
      const items = cache.get(key)!.filter((i) => concerns(sub.topics, i.topics));
      await deps.db.transaction(async (tx) => {
        if (items.length) {
          const manage = manageLink(deps.publicUrl, sub.unsubscribeToken);
          await queueMail(tx, [
            {
              to: sub.email,
              ...digestMail(items, sub.lang, { site: deps.publicUrl, manage }),
              headers: {
                'List-Unsubscribe': `<${oneClickLink(deps.publicUrl, sub.unsubscribeToken)}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              },
            },
          ]);
          mails++;
        }
        await repo.updateSubscription(tx, sub.id, { digestedUntil: now });
      });
    }
  }
  return { subscribers, mails };
}
