import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults, darker where they fall short of WCAG 2.1 AA contrast (4.5:1 for text): the
 * filled and light colours one shade deeper, and dimmed and error text darker.
 */
export const theme = createTheme({ primaryShade: 9 });

export const accessibleColours: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});
