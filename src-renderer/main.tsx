import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider, boot } from './api';
import { App } from './App';
import { BootScreen } from './BootScreen';
import './ui/theme.css';
import { applyRememberedTheme } from './features/settings';

// Before the first paint, so a pinned theme never flashes the other one while settings load.
applyRememberedTheme();

const root = createRoot(document.getElementById('root')!);
root.render(<BootScreen state={{ kind: 'connecting' }} />);

void boot().then((result) => {
  root.render(
    <StrictMode>
      {result.kind === 'ready' ? (
        <ApiProvider client={result.client}>
          <App />
        </ApiProvider>
      ) : (
        <BootScreen state={result} />
      )}
    </StrictMode>,
  );
});
