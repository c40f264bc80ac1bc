'use client';
import { Component, type ReactNode } from 'react';

type Props = { labels: { failed: string; retry: string }; onRetry: () => void; children: ReactNode };

/**
 * Around a part fetched on demand (a form loaded with React.lazy, with its catalogs): when the fetch fails (the
 * connection was lost), that part says so with a button to try again, instead of the page's error view taking the
 * whole page. `onRetry` gives the part a fresh loader (React keeps a lazy component's failure). Words from the server.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="text-sm text-red-700" data-testid="load-failed">
        {this.props.labels.failed}{' '}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            this.props.onRetry();
            this.setState({ failed: false });
          }}
        >
          {this.props.labels.retry}
        </button>
      </p>
    );
  }
}
