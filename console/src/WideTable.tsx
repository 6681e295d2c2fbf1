import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table too wide for a phone scrolls sideways on its own instead of widening the whole page. It takes focus, so that
 * the keyboard can scroll it too (WCAG 2.1.1), and so it needs a name.
 */
export function WideTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
