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
  /** ISO date of the last review of the accessibility statement; the operator of an instance fills it in. */
  statementUpdated: null as string | null,
};
