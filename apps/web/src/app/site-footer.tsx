import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import '../features/governance/governance-nav-messages.ts';

/** The bootstrap-italia footer: brand, catalogue and network links, legal small print. */
export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12 footer-brand">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <p className="it-brand-title">{t('site.name')}</p>
                    <p className="it-brand-tagline">{t('site.tagline')}</p>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row">
            <div className="col-lg-4 col-md-6 pb-2">
              <h2 className="footer-heading">{t('footer.catalogue')}</h2>
              <ul className="footer-list">
                <li>
                  <Link to="/organizzazioni">{t('nav.organizations')}</Link>
                </li>
                <li>
                  <Link to="/competenze">{t('nav.competences')}</Link>
                </li>
                <li>
                  <Link to="/servizi">{t('nav.services')}</Link>
                </li>
                <li>
                  <Link to="/attrezzature">{t('nav.equipment')}</Link>
                </li>
                <li>
                  <Link to="/esperti">{t('nav.experts')}</Link>
                </li>
              </ul>
            </div>
            <div className="col-lg-4 col-md-6 pb-2">
              <h2 className="footer-heading">{t('footer.network')}</h2>
              <ul className="footer-list">
                <li>
                  <Link to="/chi-siamo">{t('nav.about')}</Link>
                </li>
                <li>
                  <Link to="/rete/risultati">{t('footer.results')}</Link>
                </li>
                <li>
                  <Link to="/cerca">{t('nav.search')}</Link>
                </li>
                <li>
                  <Link to="/eventi">{t('nav.events')}</Link>
                </li>
                <li>
                  <Link to="/notizie">{t('nav.news')}</Link>
                </li>
                <li>
                  <Link to="/newsletter">{t('footer.newsletter')}</Link>
                </li>
                <li>
                  <a href="/feeds/events.ics">{t('footer.events_feed')}</a>
                </li>
                <li>
                  <a href="/feeds/news.xml">{t('footer.news_feed')}</a>
                </li>
                <li>
                  <a href="/api/docs">{t('footer.api')}</a>
                </li>
              </ul>
            </div>
            <div className="col-lg-4 col-md-12 pb-2">
              <h2 className="footer-heading">{t('footer.about_heading')}</h2>
              <p className="footer-text">{t('footer.about_text')}</p>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t('footer.small_prints')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/accessibilita">{t('footer.accessibility')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/chi-siamo">{t('footer.protocol')}</Link>
            </li>
            <li className="list-inline-item">
              <span className="footer-licence">{t('footer.licence')}</span>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
