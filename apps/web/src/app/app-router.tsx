import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from './app-layout.tsx';
import { RouteError } from './route-error.tsx';
import { HomePage } from '../routes/home-page.tsx';
import { SearchPage } from '../routes/search-page.tsx';
import { NotFoundPage } from '../routes/not-found-page.tsx';

// The catalogue pages load on demand, keeping the first download (home and search) small on a phone.
const OrganizationsPage = lazy(() => import('../routes/organizations-page.tsx').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('../routes/organization-page.tsx').then((m) => ({ default: m.OrganizationPage })));
const RecordPage = lazy(() => import('../routes/record-page.tsx').then((m) => ({ default: m.RecordPage })));
const RecordListPage = lazy(() => import('../routes/record-list-page.tsx').then((m) => ({ default: m.RecordListPage })));
const AboutPage = lazy(() => import('../routes/about-page.tsx').then((m) => ({ default: m.AboutPage })));
const AccessibilityPage = lazy(() => import('../routes/accessibility-page.tsx').then((m) => ({ default: m.AccessibilityPage })));

const router = createBrowserRouter([
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
          { path: 'competenze', element: <RecordListPage type="competence" /> },
          { path: 'competenze/:id', element: <RecordPage type="competence" /> },
          { path: 'servizi', element: <RecordListPage type="service" /> },
          { path: 'servizi/:id', element: <RecordPage type="service" /> },
          { path: 'attrezzature', element: <RecordListPage type="equipment" /> },
          { path: 'attrezzature/:id', element: <RecordPage type="equipment" /> },
          { path: 'esperti', element: <RecordListPage type="expert" /> },
          { path: 'esperti/:id', element: <RecordPage type="expert" /> },
          { path: 'chi-siamo', element: <AboutPage /> },
          { path: 'accessibilita', element: <AccessibilityPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
