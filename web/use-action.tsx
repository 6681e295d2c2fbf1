import { Alert } from '@mantine/core';
import { useState } from 'react';

/**
 * What a form or button sends to the graph: `act` runs it, and what went wrong is kept, in the
 * graph client's words, until the next try.
 */
export function useAction() {
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return { problem, act };
}

/** What went wrong, said where the person is looking; nothing when nothing did. */
export function ProblemAlert({ problem }: { problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <Alert color="red" role="alert">
      {problem}
    </Alert>
  );
}
