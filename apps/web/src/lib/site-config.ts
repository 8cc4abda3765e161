/**
 * Facts about this installation that the statement pages print. An instance run by another network changes them here.
 */
export const SITE_CONFIG = {
  /** Where readers report accessibility problems (AgID model: a monitored mailbox of the site owner). */
  accessibilityContact: 'accessibilita@clock.example',
  /** The site owner named in the accessibility statement. */
  owner: 'Regione Toscana',
  regionUrl: 'https://www.regione.toscana.it/',
  agidFormUrl: 'https://form.agid.gov.it/',
  wcagUrl: 'https://www.w3.org/TR/WCAG21/',
  statementUpdated: '2025-01-01',
} as const;
