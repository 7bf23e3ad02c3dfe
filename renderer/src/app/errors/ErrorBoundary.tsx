import { Component, type ErrorInfo, type ReactNode } from 'react';
import { devLog } from '../dev-log';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  children: ReactNode;
  /** Shown above the error: what stopped working. */
  title: string;
  retryLabel: string;
}

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * Catches a crash in a page so the shell (navigation, settings) stays usable.
 * Callers key it by route, so moving to another page resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    devLog.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorAlert
        title={this.props.title}
        error={this.state.error}
        action={{ label: this.props.retryLabel, run: () => this.setState({ error: null, failed: false }) }}
      />
    );
  }
}
