import type { ReceivedMail } from './mail-stand-in.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** What the local mail server received, newest first, each as it was sent. */
export function mailPage(received: readonly ReceivedMail[]): string {
  const items = [...received]
    .reverse()
    .map(
      (mail) => `<article><h2>${escape(mail.subject)}</h2>
<p>Till ${escape(mail.to.join(', '))}, från ${escape(mail.from)}, ${escape(mail.receivedAt.toISOString())}
${mail.calendar ? ' – med kalenderinbjudan' : ''}</p><pre>${escape(mail.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Skickad e-post – lokal</title>
<style>body{font-family:sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem}
article{border-top:1px solid #999;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Skickad e-post</h1><p>Det utvecklingsmiljöns e-postserver har tagit emot, senaste först.</p>
${items || '<p>Inget ännu.</p>'}</main></body></html>`;
}
