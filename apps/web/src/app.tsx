import type { ActivationInfo } from '@rrelu/activations';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from './app-services.js';
import { FailureBanner } from './components/failure-banner.js';
import { DrawPage } from './pages/draw-page.js';
import { ExplorerPage } from './pages/explorer-page.js';
import { ResultsPage } from './pages/results-page.js';
import { TrainPage } from './pages/train-page.js';

const PAGES = [
  { route: 'explorer', title: 'Explorer' },
  { route: 'train', title: 'Train' },
  { route: 'draw', title: 'Draw' },
  { route: 'results', title: 'Results' },
] as const;
type Route = (typeof PAGES)[number]['route'];

function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  return PAGES.find((page) => page.route === hash)?.route ?? 'train';
}

/** The shell: a header with the page links and the current page. */
export function App(props: { services: AppServices }) {
  const { services } = props;
  const [route, setRoute] = useState<Route>(currentRoute());
  const [registry, setRegistry] = useState<ActivationInfo[]>([]);

  useEffect(() => {
    const onHash = (): void => setRoute(currentRoute());
    addEventListener('hashchange', onHash);
    services.tensors.registry().then(setRegistry, () => setRegistry([]));
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const tensorFailure = services.tensorFailure.value;
  return (
    <>
      <header>
        <h1>Rectified activations on MNIST</h1>
        <nav aria-label="pages">
          {PAGES.map((page) => (
            <a
              key={page.route}
              href={`#/${page.route}`}
              aria-current={page.route === route ? 'page' : undefined}
            >
              {page.title}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {tensorFailure !== null && route !== 'train' && (
          <FailureBanner
            title="The wasm backend failed to load"
            message={tensorFailure.message}
            url={tensorFailure.url}
          />
        )}
        {route === 'explorer' && <ExplorerPage services={services} registry={registry} />}
        {route === 'train' && <TrainPage services={services} registry={registry} />}
        {route === 'draw' && <DrawPage services={services} />}
        {route === 'results' && <ResultsPage services={services} />}
      </main>
    </>
  );
}
