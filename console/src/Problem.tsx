import { Alert } from '@mantine/core';

/** A problem in words, never a blank page. */
export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Det gick inte" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
