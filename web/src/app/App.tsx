import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from './router.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Layout } from './Layout.tsx';
import { SessionProvider } from './session.tsx';
import { useLanguageInUrl } from './url.ts';
import { Loading } from '../components/Status.tsx';

const loadHome = () => import('../pages/HomePage.tsx');

/** Starts fetching the code of the page a visitor lands on, before React first renders. */
export function preloadRoute(pathname: string): void {
  if (pathname === '/') {
    void loadHome();
    void import('../components/echarts.ts');
  }
}

// One chunk per page: a visitor downloads only the pages they open.
const Home = lazy(loadHome);
const Explore = lazy(() => import('../pages/ExplorePage.tsx'));
const Project = lazy(() => import('../pages/ProjectPage.tsx'));
const Country = lazy(() => import('../pages/CountryPage.tsx'));
const Partner = lazy(() => import('../pages/PartnerPage.tsx'));
const Cluster = lazy(() => import('../pages/ClusterPage.tsx'));
const Corridor = lazy(() => import('../pages/CorridorPage.tsx'));
const SignIn = lazy(() => import('../pages/SignInPage.tsx'));
const Workspace = lazy(() => import('../pages/WorkspacePage.tsx'));
const Import = lazy(() => import('../pages/ImportPage.tsx'));
const Users = lazy(() => import('../pages/UsersPage.tsx'));
const Tokens = lazy(() => import('../pages/TokensPage.tsx'));
const Audit = lazy(() => import('../pages/AuditPage.tsx'));
const Facility = lazy(() => import('../pages/FacilityPage.tsx'));
const Climate = lazy(() => import('../pages/ClimatePage.tsx'));
const Results = lazy(() => import('../pages/ResultsPage.tsx'));
const Report = lazy(() => import('../pages/ReportPage.tsx'));
const ClimateShares = lazy(() => import('../pages/ClimateSharesPage.tsx'));
const ResultsValues = lazy(() => import('../pages/ResultsValuesPage.tsx'));
const FacilityProposals = lazy(() => import('../pages/FacilityProposalsPage.tsx'));
const FacilityProposal = lazy(() => import('../pages/FacilityProposalPage.tsx'));
const FacilityDraft = lazy(() => import('../pages/FacilityDraftPage.tsx'));
const FacilityReviews = lazy(() => import('../pages/FacilityReviewsPage.tsx'));
const FacilityMeetings = lazy(() => import('../pages/FacilityMeetingsPage.tsx'));
const FacilityMeeting = lazy(() => import('../pages/FacilityMeetingPage.tsx'));
const FacilityLedger = lazy(() => import('../pages/FacilityLedgerPage.tsx'));
const NotFound = lazy(() => import('../pages/NotFoundPage.tsx'));

export function App() {
  useLanguageInUrl();
  const { pathname } = useLocation();
  return (
    <SessionProvider>
      <Layout>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/explore" element={<Explore />} />
              <Route path="/projects/:id" element={<Project />} />
              <Route path="/countries/:iso" element={<Country />} />
              <Route path="/partners/:ref" element={<Partner />} />
              <Route path="/clusters/:code" element={<Cluster />} />
              <Route path="/corridors/:n" element={<Corridor />} />
              <Route path="/facility" element={<Facility />} />
              <Route path="/climate" element={<Climate />} />
              <Route path="/results" element={<Results />} />
              <Route path="/report" element={<Report />} />
              <Route path="/signin" element={<SignIn />} />
              <Route path="/workspace" element={<Workspace />} />
              <Route path="/workspace/import" element={<Import />} />
              <Route path="/workspace/users" element={<Users />} />
              <Route path="/workspace/tokens" element={<Tokens />} />
              <Route path="/workspace/audit" element={<Audit />} />
              <Route path="/workspace/climate" element={<ClimateShares />} />
              <Route path="/workspace/results" element={<ResultsValues />} />
              <Route path="/workspace/facility" element={<FacilityProposals />} />
              <Route path="/workspace/facility/new" element={<FacilityDraft />} />
              <Route
                path="/workspace/facility/proposals/:reference"
                element={<FacilityProposal />}
              />
              <Route
                path="/workspace/facility/proposals/:reference/edit"
                element={<FacilityDraft />}
              />
              <Route path="/workspace/facility/reviews" element={<FacilityReviews />} />
              <Route path="/workspace/facility/meetings" element={<FacilityMeetings />} />
              <Route path="/workspace/facility/meetings/:id" element={<FacilityMeeting />} />
              <Route path="/workspace/facility/ledger" element={<FacilityLedger />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </SessionProvider>
  );
}
