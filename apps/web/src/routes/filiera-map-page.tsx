import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { SelectField } from '../components/ui/form-fields.tsx';
import { StatusLine } from '../components/ui/status-line.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { useSession } from '../features/identity/session.tsx';
import { filieraEndpoints, type FilieraMap } from '../features/filiere/filiera-api.ts';
import { RelationsTable } from '../features/filiere/relations-table.tsx';
import { RelationForm } from '../features/filiere/relation-form.tsx';
import { useKept } from '../features/matchmaking/use-kept.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/filiere/filiera-messages.ts';
import '../features/filiere/filiera.css';

// The picture and its layout library (d3-force) load only here, after the table.
const FilieraGraph = lazy(() => import('../features/filiere/filiera-graph.tsx'));

const CENTRE_ROLES = new Set(['centre-manager', 'centre-staff']);

/**
 * /filiere/:code/mappa: a filiera's companies, the centres that serve it and the relations between companies, as a
 * table and as a graph; the steps of the chain with no local supplier; a company declares a relation, a centre
 * verifies it. For the network's members (the API says who).
 */
export function FilieraMapPage() {
  const { code = '' } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { user, memberships } = useSession();
  const { taxonomies } = useReferenceData();
  const map = useApi<FilieraMap>(user ? filieraEndpoints.map(code) : null, { fresh: true });
  const shown = useKept(map.data, code);
  const [said, setSaid] = useState('');
  const crumbs = [{ key: 'home', label: t('nav.home'), to: '/' }];
  const heading = t('fil.title_generic');
  if (!user)
    return (
      <>
        <Breadcrumbs items={[...crumbs, { key: 'current', label: heading }]} />
        <PageHeading documentTitle={heading}>{heading}</PageHeading>
        <p className="callout note">
          <Link to={`/accedi?torna=${encodeURIComponent(`/filiere/${code}/mappa`)}`}>{t('fil.sign_in')}</Link>
        </p>
      </>
    );
  if (map.error?.status === 404) return <NotFoundContent what={t('fil.not_found')} />;
  if (!shown || (map.error && !map.data)) return <PendingPage state={map} crumbs={crumbs} heading={heading} />;
  const m = shown;
  const label = pick(m.filiera.label)?.text ?? m.filiera.code;
  const title = t('fil.title', { name: label });
  const centre = user.platformRole === 'admin' || memberships.some((x) => CENTRE_ROLES.has(x.role));
  const ownCompanies = memberships.filter((x) => x.role === 'company').map((x) => x.organization);
  const companies = m.nodes.filter((n) => n.kind === 'company');
  const centres = m.nodes.filter((n) => n.kind === 'centre');
  const gaps = m.steps.filter((s) => s.gap);
  const introductions = m.edges.filter((e) => e.source === 'introduction').length;
  const changed = (text: string) => {
    setSaid(text);
    map.reload();
  };
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'current', label: title }]} />
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className="lead">{t('fil.intro')}</p>
      {taxonomies?.filiera.length ? (
        <div className="filiera-chooser">
          <SelectField
            id="filiera-choose"
            label={t('fil.choose')}
            value={m.filiera.code}
            onChange={(c) => void navigate(`/filiere/${encodeURIComponent(c)}/mappa`)}
            options={taxonomies.filiera.map((f) => ({ value: f.code, label: pick(f.label)?.text ?? f.code }))}
          />
        </div>
      ) : null}
      <StatusLine said={said} />
      <ul className="filiera-counts">
        <li>{t('fil.count.companies', { n: companies.length })}</li>
        <li>{t('fil.count.centres', { n: centres.length })}</li>
        <li>{t('fil.count.relations', { n: m.edges.length - introductions })}</li>
        {introductions ? <li>{t('fil.count.introductions', { n: introductions })}</li> : null}
      </ul>
      <div className="d-flex flex-column filiera-layout">
        <section className="order-1 order-lg-2 mt-4" aria-labelledby="filiera-relations">
          <h2 id="filiera-relations" className="h4">
            {t('fil.table.title')}
          </h2>
          <RelationsTable map={m} canVerify={centre} onVerified={changed} />
          <h3 className="h5">{t('fil.centres')}</h3>
          {centres.length ? (
            <ul>
              {centres.map((c) => (
                <li key={c.id}>
                  <Link to={`/organizzazioni/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('fil.none')}</p>
          )}
          <h3 className="h5">{t('fil.companies')}</h3>
          {companies.length ? (
            <ul className="filiera-companies">
              {companies.map((c) => (
                <li key={c.id}>
                  <Link to={`/organizzazioni/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                  {c.province ? ` (${c.province})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('fil.none')}</p>
          )}
        </section>
        <section className="order-2 order-lg-1" aria-labelledby="filiera-graph-caption">
          <Suspense fallback={<LoadingState />}>
            {m.nodes.length ? <FilieraGraph map={m} /> : <p>{t('fil.graph.empty')}</p>}
          </Suspense>
        </section>
      </div>
      {m.steps.length ? (
        <section aria-labelledby="filiera-steps" className="mt-4">
          <h2 id="filiera-steps" className="h4">
            {t('fil.steps.title')}
          </h2>
          <p>{gaps.length ? t('fil.steps.gaps', { n: gaps.length }) : t('fil.steps.no_gaps')}</p>
          <ul className="filiera-steps">
            {m.steps.map((s) => (
              <li key={s.code} className={s.gap ? 'filiera-gap' : undefined}>
                <span className="filiera-step-code">{s.code}</span> {pick(s.label)?.text ?? s.code} —{' '}
                {s.gap ? <strong>{t('fil.steps.gap')}</strong> : t('fil.steps.companies', { n: s.companies })}
              </li>
            ))}
          </ul>
          <p className="form-text">{t('fil.steps.note')}</p>
        </section>
      ) : null}
      {centre || ownCompanies.length ? (
        <section aria-labelledby="filiera-declare" className="mt-4">
          <h2 id="filiera-declare" className="h4">
            {t(centre ? 'fil.form.title_centre' : 'fil.form.title')}
          </h2>
          <RelationForm map={m} ownCompanies={ownCompanies} centre={centre} onSaved={changed} />
        </section>
      ) : null}
    </>
  );
}
