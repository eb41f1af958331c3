// Screens and tabs that opening an invoice does not show load on first use, each from its own
// chunk (vite splits at every import()), so the first script the pane runs is smaller. Chunks
// come from the pane's own origin under /assets/ (addin/vite.config.ts base '/'), like the entry.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Component, Suspense, lazy } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useLabels } from '../../i18n/i18n-context';
import { lazyLabels } from './labels';

const useStyles = makeStyles({ wait: { padding: tokens.spacingHorizontalL, display: 'flex', justifyContent: 'flex-start' } });

/** A named export of a module loaded on first render (React.lazy wants a default export). */
export function lazyNamed<P extends object, K extends string>(load: () => Promise<Record<K, (props: P) => ReactNode>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Shown while a part's chunk loads: Fluent's Spinner is a labelled progressbar for screen readers. */
function Loading() {
  const L = useLabels(lazyLabels);
  const styles = useStyles();
  return (
    <div className={styles.wait} data-testid="lazy-loading">
      <Spinner size="small" label={L.loading} />
    </div>
  );
}

function LoadFailed() {
  const L = useLabels(lazyLabels);
  return (
    <MessageBar layout="multiline" intent="error" data-testid="lazy-failed">
      <MessageBarBody>{L.failed}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => globalThis.location.reload()}>
          {L.reload}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * A chunk that fails to load (offline, or a pane left open across a deploy that replaced the
 * chunks' hashed names) rejects the lazy component; without a boundary React would unmount the
 * whole pane. Only the part is replaced by the message; React.lazy keeps the rejection, so a
 * reload is the way to try again.
 */
class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[pane] a part failed to load or render', error, info.componentStack);
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/** Wraps lazy screens and tab panels: a labelled spinner while the chunk loads, a message if it fails. */
export function LazyPart({ children }: { children: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </LoadBoundary>
  );
}
