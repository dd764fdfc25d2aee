import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';
import { SessionProvider } from './session.tsx';
import { useLanguageInUrl } from './url.ts';
import { Loading } from '../components/Status.tsx';

// One chunk per page: a visitor downloads only the pages they open.
const Home = lazy(() => import('../pages/HomePage.tsx'));
const NotFound = lazy(() => import('../pages/NotFoundPage.tsx'));

export function App() {
  useLanguageInUrl();
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
