// The state of one user action that calls the API — busy while it runs, the
// problem it ended with — which every form and button of the app shares.
import { useState } from 'preact/hooks';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Runs `work`, busy meanwhile; an error it throws is kept for <ProblemMessage>. */
  const act = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, act };
}
