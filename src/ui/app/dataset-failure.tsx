/** The page when its instance dataset could not be read (src/data/dataset.ts): what failed, and that nothing is lost. */
export function DatasetFailure({ problem }: { problem: string }) {
  return (
    <main className="crash" role="alert">
      <h1>The planner could not load its instance types</h1>
      <p>{problem}</p>
      <p>
        Nothing was changed: your plan is still in the address bar and in this browser&apos;s storage. Reload the page
        to try again.
      </p>
    </main>
  );
}
