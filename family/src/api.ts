/** The families' app's calls to the graph, as the signed-in family member; the graph's refusals in plain Swedish. */
import { graphClient } from '../../web/graph-client.ts';

export { ApiError, SESSION_EXPIRED, signedInAs } from '../../web/graph-client.ts';

/** The graph's reasons (English, for developers), as a parent would want them said. */
const REASONS: Array<[RegExp, string]> = [
  [/already has an open SIP/, 'Barnet har redan en pågående SIP. Ta upp det i den i stället.'],
  [/already waiting for an answer/, 'Ni har redan en förfrågan som väntar på svar.'],
  [/name at least one agency/, 'Välj minst en verksamhet som är inblandad.'],
  [/must not be empty/, 'Skriv något här först.'],
  [/must be at most (\d+) characters/, 'Texten är för lång.'],
  [/from 18 the young person/, 'När barnet har fyllt 18 bestämmer hen själv och ber om SIP själv.'],
  [/from 15/, 'Från 15 år kan du be om en SIP själv. Innan dess gör en vårdnadshavare det.'],
  [/only a guardian with custody/, 'Bara en vårdnadshavare, eller barnet från 15 år, kan be om en SIP.'],
  [/already signed/, 'Du har redan skrivit under den här versionen.'],
  [/no longer the current version|not the current version/, 'Planen har ändrats sedan du öppnade den. Läs den nya.'],
  [
    /young person gave in their own name|YOUNG_PERSONS_OWN_WORD/,
    'Det här samtycket gav barnet själv. Bara hen kan ändra det.',
  ],
];

export const family = graphClient('family', REASONS);
export const { tokenStore, graphql, draftStore } = family;
