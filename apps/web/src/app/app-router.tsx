import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from './app-layout.tsx';
import { RouteError } from './route-error.tsx';
import { HomePage } from '../routes/home-page.tsx';
import { SearchPage } from '../routes/search-page.tsx';
import { NotFoundPage } from '../routes/not-found-page.tsx';
// A record page is where links from search engines and shared links land: in the first download, so a phone shows it
// one round trip sooner (its code is a few kilobytes; the chunk would cost a request after the app starts).
import { RecordPage } from '../routes/record-page.tsx';

// The other catalogue pages load on demand, keeping the first download (home and search) small on a phone.
const OrganizationsPage = lazy(() =>
  import('../routes/organizations-page.tsx').then((m) => ({ default: m.OrganizationsPage })),
);
const OrganizationPage = lazy(() =>
  import('../routes/organization-page.tsx').then((m) => ({ default: m.OrganizationPage })),
);
const RecordListPage = lazy(() =>
  import('../routes/record-list-page.tsx').then((m) => ({ default: m.RecordListPage })),
);
const AboutPage = lazy(() => import('../routes/about-page.tsx').then((m) => ({ default: m.AboutPage })));
const AccessibilityPage = lazy(() =>
  import('../routes/accessibility-page.tsx').then((m) => ({ default: m.AccessibilityPage })),
);
// Accounts and editing: only people who sign in download them.
const SignInPage = lazy(() => import('../routes/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('../routes/sign-up-page.tsx').then((m) => ({ default: m.SignUpPage })));
const VerifyEmailPage = lazy(() =>
  import('../routes/verify-email-page.tsx').then((m) => ({ default: m.VerifyEmailPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../routes/forgot-password-page.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../routes/reset-password-page.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const InvitationPage = lazy(() => import('../routes/invitation-page.tsx').then((m) => ({ default: m.InvitationPage })));
const AccountPage = lazy(() => import('../routes/account-page.tsx').then((m) => ({ default: m.AccountPage })));
const RecordEditPage = lazy(() =>
  import('../routes/record-edit-page.tsx').then((m) => ({ default: m.RecordEditPage })),
);
const RecordCreatePage = lazy(() =>
  import('../routes/record-create-page.tsx').then((m) => ({ default: m.RecordCreatePage })),
);
// Requests and notifications: the network's front door for companies' problems.
const RequestsPage = lazy(() => import('../routes/requests-page.tsx').then((m) => ({ default: m.RequestsPage })));
const RequestCreatePage = lazy(() =>
  import('../routes/request-create-page.tsx').then((m) => ({ default: m.RequestCreatePage })),
);
const RequestEditPage = lazy(() =>
  import('../routes/request-edit-page.tsx').then((m) => ({ default: m.RequestEditPage })),
);
const RequestPage = lazy(() => import('../routes/request-page.tsx').then((m) => ({ default: m.RequestPage })));
const TriageBoardPage = lazy(() =>
  import('../routes/triage-board-page.tsx').then((m) => ({ default: m.TriageBoardPage })),
);
const NotificationsPage = lazy(() =>
  import('../routes/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const CompanyJoinPage = lazy(() =>
  import('../routes/company-join-page.tsx').then((m) => ({ default: m.CompanyJoinPage })),
);
const CompanyClaimsPage = lazy(() =>
  import('../routes/company-claims-page.tsx').then((m) => ({ default: m.CompanyClaimsPage })),
);
const DemandPage = lazy(() => import('../routes/demand-page.tsx').then((m) => ({ default: m.DemandPage })));
const OrganizationEditPage = lazy(() =>
  import('../routes/organization-edit-page.tsx').then((m) => ({ default: m.OrganizationEditPage })),
);
// Equipment sharing: bookings, the centre's queue and policies, the free-slot search.
const BookingPage = lazy(() => import('../routes/booking-page.tsx').then((m) => ({ default: m.BookingPage })));
const OpportunitiesPage = lazy(() =>
  import('../routes/opportunities-page.tsx').then((m) => ({ default: m.OpportunitiesPage })),
);
const OpportunityPage = lazy(() =>
  import('../routes/opportunity-page.tsx').then((m) => ({ default: m.OpportunityPage })),
);
const OpportunityEditPage = lazy(() =>
  import('../routes/opportunity-edit-page.tsx').then((m) => ({ default: m.OpportunityEditPage })),
);
const MyOpportunitiesPage = lazy(() =>
  import('../routes/my-opportunities-page.tsx').then((m) => ({ default: m.MyOpportunitiesPage })),
);
const OpportunityReviewPage = lazy(() =>
  import('../routes/opportunity-review-page.tsx').then((m) => ({ default: m.OpportunityReviewPage })),
);
const IntroductionsPage = lazy(() =>
  import('../routes/introductions-page.tsx').then((m) => ({ default: m.IntroductionsPage })),
);
const MyBookingsPage = lazy(() =>
  import('../routes/my-bookings-page.tsx').then((m) => ({ default: m.MyBookingsPage })),
);
const CentreBookingsPage = lazy(() =>
  import('../routes/centre-bookings-page.tsx').then((m) => ({ default: m.CentreBookingsPage })),
);
const BookingPolicyPage = lazy(() =>
  import('../routes/booking-policy-page.tsx').then((m) => ({ default: m.BookingPolicyPage })),
);
const SlotSearchPage = lazy(() =>
  import('../routes/slot-search-page.tsx').then((m) => ({ default: m.SlotSearchPage })),
);
const EventsPage = lazy(() => import('../routes/events-page.tsx').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('../routes/event-page.tsx').then((m) => ({ default: m.EventPage })));
const EventConfirmPage = lazy(() =>
  import('../routes/event-registration-page.tsx').then((m) => ({ default: m.EventConfirmPage })),
);
const EventRegistrationPage = lazy(() =>
  import('../routes/event-registration-page.tsx').then((m) => ({ default: m.EventRegistrationPage })),
);
const EventRegistrationsPage = lazy(() =>
  import('../routes/event-registrations-page.tsx').then((m) => ({ default: m.EventRegistrationsPage })),
);
const EventEditPage = lazy(() => import('../routes/event-edit-page.tsx').then((m) => ({ default: m.EventEditPage })));
const NewsPage = lazy(() => import('../routes/news-page.tsx').then((m) => ({ default: m.NewsPage })));
const NewsItemPage = lazy(() => import('../routes/news-item-page.tsx').then((m) => ({ default: m.NewsItemPage })));
const NewsEditPage = lazy(() => import('../routes/news-edit-page.tsx').then((m) => ({ default: m.NewsEditPage })));
const NewsletterPage = lazy(() => import('../routes/newsletter-page.tsx').then((m) => ({ default: m.NewsletterPage })));
const NewsletterConfirmPage = lazy(() =>
  import('../routes/newsletter-page.tsx').then((m) => ({ default: m.NewsletterConfirmPage })),
);
const NewsletterManagePage = lazy(() =>
  import('../routes/newsletter-page.tsx').then((m) => ({ default: m.NewsletterManagePage })),
);
// Governance: the protocol's dashboard (nucleus, Region) and the public results; the charting library loads with them.
const GovernancePage = lazy(() => import('../routes/governance-page.tsx').then((m) => ({ default: m.GovernancePage })));
const GovernanceKpiPage = lazy(() =>
  import('../routes/governance-kpi-page.tsx').then((m) => ({ default: m.GovernanceKpiPage })),
);
const NetworkResultsPage = lazy(() =>
  import('../routes/network-results-page.tsx').then((m) => ({ default: m.NetworkResultsPage })),
);
// The administration area: admins and Region officers.
const ActionsPage = lazy(() => import('../routes/actions-page.tsx').then((m) => ({ default: m.ActionsPage })));
const ActionPage = lazy(() => import('../routes/action-page.tsx').then((m) => ({ default: m.ActionPage })));
const ActionCreatePage = lazy(() =>
  import('../routes/action-edit-page.tsx').then((m) => ({ default: m.ActionCreatePage })),
);
const ActionEditPage = lazy(() =>
  import('../routes/action-edit-page.tsx').then((m) => ({ default: m.ActionEditPage })),
);
const NucleusPage = lazy(() => import('../routes/nucleus-page.tsx').then((m) => ({ default: m.NucleusPage })));
const MeetingPage = lazy(() => import('../routes/meeting-page.tsx').then((m) => ({ default: m.MeetingPage })));
const ReportsPage = lazy(() => import('../routes/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('../routes/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const ObjectivesPage = lazy(() => import('../routes/objectives-page.tsx').then((m) => ({ default: m.ObjectivesPage })));
const AdminPage = lazy(() => import('../routes/admin-page.tsx').then((m) => ({ default: m.AdminPage })));
const AdminPeoplePage = lazy(() =>
  import('../routes/admin-people-page.tsx').then((m) => ({ default: m.AdminPeoplePage })),
);
const AdminPersonPage = lazy(() =>
  import('../routes/admin-person-page.tsx').then((m) => ({ default: m.AdminPersonPage })),
);
// Matchmaking days and the filiera map.
const MatchmakingDaysPage = lazy(() =>
  import('../routes/matchmaking-days-page.tsx').then((m) => ({ default: m.MatchmakingDaysPage })),
);
const MatchmakingDayPage = lazy(() =>
  import('../routes/matchmaking-day-page.tsx').then((m) => ({ default: m.MatchmakingDayPage })),
);
const MatchmakingDayNewPage = lazy(() =>
  import('../routes/matchmaking-day-new-page.tsx').then((m) => ({ default: m.MatchmakingDayNewPage })),
);
const FilieraMapPage = lazy(() =>
  import('../routes/filiera-map-page.tsx').then((m) => ({ default: m.FilieraMapPage })),
);
const AdminOrganizationsPage = lazy(() =>
  import('../routes/admin-organizations-page.tsx').then((m) => ({ default: m.AdminOrganizationsPage })),
);
const AdminOrganizationCreatePage = lazy(() =>
  import('../routes/admin-organizations-page.tsx').then((m) => ({ default: m.AdminOrganizationCreatePage })),
);

/** Every page of the app: the browser's router and the server's renderer (entry-server.tsx) use the same table. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'cerca', element: <SearchPage /> },
          { path: 'organizzazioni', element: <OrganizationsPage /> },
          { path: 'organizzazioni/:id', element: <OrganizationPage /> },
          { path: 'organizzazioni/:id/modifica', element: <OrganizationEditPage /> },
          { path: 'organizzazioni/:id/aggiungi/:kind', element: <RecordCreatePage /> },
          { path: 'competenze', element: <RecordListPage type="competence" /> },
          { path: 'competenze/:id', element: <RecordPage type="competence" /> },
          { path: 'competenze/:id/modifica', element: <RecordEditPage type="competence" /> },
          { path: 'servizi', element: <RecordListPage type="service" /> },
          { path: 'servizi/:id', element: <RecordPage type="service" /> },
          { path: 'servizi/:id/modifica', element: <RecordEditPage type="service" /> },
          { path: 'attrezzature', element: <RecordListPage type="equipment" /> },
          { path: 'attrezzature/:id', element: <RecordPage type="equipment" /> },
          { path: 'attrezzature/:id/modifica', element: <RecordEditPage type="equipment" /> },
          { path: 'attrezzature/:id/prenotazioni', element: <BookingPolicyPage /> },
          { path: 'prenotazioni', element: <MyBookingsPage /> },
          { path: 'prenotazioni/centro', element: <CentreBookingsPage /> },
          { path: 'prenotazioni/:id', element: <BookingPage /> },
          { path: 'disponibilita', element: <SlotSearchPage /> },
          { path: 'azioni', element: <ActionsPage /> },
          { path: 'azioni/nuova', element: <ActionCreatePage /> },
          { path: 'azioni/:id', element: <ActionPage /> },
          { path: 'azioni/:id/modifica', element: <ActionEditPage /> },
          { path: 'nucleo', element: <NucleusPage /> },
          { path: 'nucleo/riunioni/:id', element: <MeetingPage /> },
          { path: 'verifiche', element: <ReportsPage /> },
          { path: 'verifiche/:id', element: <ReportPage /> },
          { path: 'obiettivi', element: <ObjectivesPage /> },
          { path: 'opportunita', element: <OpportunitiesPage /> },
          { path: 'opportunita/nuova', element: <OpportunityEditPage /> },
          { path: 'opportunita/mie', element: <MyOpportunitiesPage /> },
          { path: 'opportunita/revisione', element: <OpportunityReviewPage /> },
          { path: 'opportunita/:id/modifica', element: <OpportunityEditPage /> },
          { path: 'introduzioni', element: <IntroductionsPage /> },
          { path: 'opportunita/:id', element: <OpportunityPage /> },
          { path: 'incontri', element: <MatchmakingDaysPage /> },
          { path: 'incontri/nuova', element: <MatchmakingDayNewPage /> },
          { path: 'incontri/:id', element: <MatchmakingDayPage /> },
          { path: 'filiere/:code/mappa', element: <FilieraMapPage /> },
          { path: 'esperti', element: <RecordListPage type="expert" /> },
          { path: 'esperti/:id', element: <RecordPage type="expert" /> },
          { path: 'esperti/:id/modifica', element: <RecordEditPage type="expert" /> },
          { path: 'richieste', element: <RequestsPage /> },
          { path: 'richieste/nuova', element: <RequestCreatePage /> },
          { path: 'richieste/coordinamento', element: <TriageBoardPage /> },
          { path: 'richieste/:id', element: <RequestPage /> },
          { path: 'richieste/:id/modifica', element: <RequestEditPage /> },
          { path: 'notifiche', element: <NotificationsPage /> },
          { path: 'imprese/nuova', element: <CompanyJoinPage /> },
          { path: 'imprese/verifiche', element: <CompanyClaimsPage /> },
          { path: 'richieste/domanda', element: <DemandPage /> },
          { path: 'eventi', element: <EventsPage /> },
          { path: 'eventi/conferma', element: <EventConfirmPage /> },
          { path: 'eventi/nuovo', element: <EventEditPage /> },
          { path: 'eventi/iscrizioni/:id', element: <EventRegistrationPage /> },
          { path: 'eventi/:id', element: <EventPage /> },
          { path: 'eventi/:id/iscrizioni', element: <EventRegistrationsPage /> },
          { path: 'eventi/:id/modifica', element: <EventEditPage /> },
          { path: 'notizie', element: <NewsPage /> },
          { path: 'notizie/nuova', element: <NewsEditPage /> },
          { path: 'notizie/:id', element: <NewsItemPage /> },
          { path: 'notizie/:id/modifica', element: <NewsEditPage /> },
          { path: 'newsletter', element: <NewsletterPage /> },
          { path: 'newsletter/conferma', element: <NewsletterConfirmPage /> },
          { path: 'newsletter/iscrizione', element: <NewsletterManagePage /> },
          { path: 'governo', element: <GovernancePage /> },
          { path: 'governo/indicatori/:code', element: <GovernanceKpiPage /> },
          { path: 'rete/risultati', element: <NetworkResultsPage /> },
          { path: 'chi-siamo', element: <AboutPage /> },
          { path: 'accessibilita', element: <AccessibilityPage /> },
          { path: 'accedi', element: <SignInPage /> },
          { path: 'registrati', element: <SignUpPage /> },
          { path: 'verifica/:token', element: <VerifyEmailPage /> },
          { path: 'password-dimenticata', element: <ForgotPasswordPage /> },
          { path: 'nuova-password/:token', element: <ResetPasswordPage /> },
          { path: 'invito/:token', element: <InvitationPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'amministrazione', element: <AdminPage /> },
          { path: 'amministrazione/persone', element: <AdminPeoplePage /> },
          { path: 'amministrazione/persone/:id', element: <AdminPersonPage /> },
          { path: 'amministrazione/organizzazioni', element: <AdminOrganizationsPage /> },
          { path: 'amministrazione/organizzazioni/nuova', element: <AdminOrganizationCreatePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

let router: ReturnType<typeof createBrowserRouter> | undefined;

export function AppRouter() {
  router ??= createBrowserRouter(routes);
  return <RouterProvider router={router} />;
}
