/** Never a blank page: a render error shows what happened and a way back to a working plan. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onReset(): void;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('planner crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>Something went wrong in the planner</h1>
        <p>{this.state.error.message}</p>
        <p>Your last valid plan is still in the address bar and in this browser&apos;s storage.</p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          Start again from a preset
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
