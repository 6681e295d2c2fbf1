import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accessibleColours, theme } from '../../web/theme.ts';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColours} defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
