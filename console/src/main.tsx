import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { accessibleColours, theme } from '../../web/theme.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColours} defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
