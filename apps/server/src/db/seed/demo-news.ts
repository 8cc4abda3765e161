import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../client.ts';
import type { LocalizedText } from '../schema/index.ts';
import * as newsRepo from '../../modules/news/news.repo.ts';

interface DemoNews {
  items: {
    daysAgo?: number;
    draft?: boolean;
    organizations: string[];
    filiere?: string[];
    sectors?: string[];
    title: LocalizedText;
    summary: LocalizedText;
    body?: LocalizedText;
  }[];
  subscriptions: {
    email: string;
    lang: 'it' | 'en';
    topics: { filiere?: string[]; organizations?: string[] };
    confirmedDaysAgo: number;
  }[];
}

const DAY = 86_400_000;

/**
 * The demo's news desk: a year of news from the six centres and the Region (dates before the day the demo is loaded),
 * one draft, and two confirmed newsletter subscriptions whose next digest tells of the last three weeks' news.
 */
export async function seedDemoNews(tx: Tx, dir: string) {
  const file = path.join(dir, 'news.json');
  if (!fs.existsSync(file)) return;
  // Loaded once: a database that already has news keeps it (seeding again adds nothing).
  if (await newsRepo.hasAnyNews(tx)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoNews;
  const now = Date.now();
  for (const item of demo.items) {
    const at = item.daysAgo === undefined ? undefined : new Date(now - item.daysAgo * DAY);
    await newsRepo.insertNews(
      tx,
      {
        title: item.title,
        summary: item.summary,
        body: item.body ?? null,
        filiere: item.filiere ?? [],
        sectors: item.sectors ?? [],
        s3: [],
        state: item.draft ? 'draft' : 'published',
        publishedAt: item.draft ? null : at,
        ...(at ? { createdAt: at, updatedAt: at } : {}),
      },
      item.organizations,
    );
  }
  for (const s of demo.subscriptions) {
    const confirmedAt = new Date(now - s.confirmedDaysAgo * DAY);
    await newsRepo.insertSubscription(tx, {
      email: s.email,
      lang: s.lang,
      topics: { filiere: [], sectors: [], s3: [], organizations: [], ...s.topics },
      state: 'confirmed',
      unsubscribeToken: randomBytes(32).toString('base64url'),
      createdAt: confirmedAt,
      confirmedAt,
      digestedUntil: new Date(now - 21 * DAY),
    });
  }
}
