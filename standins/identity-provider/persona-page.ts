/** Someone who may sign in, with the claims their access token carries: role, and for staff agency and unit. */
export interface Account {
  sub: string;
  role: string;
  agency?: string | null;
  unit?: string;
  name?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const GROUPS: Array<[string, (claims: Account) => boolean]> = [
  ['Familjer', (claims) => claims.role === 'guardian' || claims.role === 'child'],
  ['Personal', (claims) => claims.role !== 'guardian' && claims.role !== 'child' && claims.role !== 'privacy_officer'],
  ['Dataskyddsombud', (claims) => claims.role === 'privacy_officer'],
];

/**
 * The local provider's sign-in page: where the municipality's e-legitimation (BankID, Freja) or
 * SITHS card would ask who you are, the demo personas to choose from. In Swedish, one button each.
 */
export function personaPage(action: string, accounts: readonly Account[]): string {
  const groups = GROUPS.map(([heading, belongs]) => {
    const buttons = accounts
      .filter(belongs)
      .map(
        (claims) =>
          `<li><button type="submit" name="account" value="${escape(claims.sub)}">` +
          `${escape(claims.name ?? claims.sub)}${claims.unit ? `<span>, ${escape(claims.unit)}</span>` : ''}` +
          '</button></li>',
      )
      .join('');
    return `<h2>${heading}</h2><ul>${buttons}</ul>`;
  }).join('');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logga in – lokal identitetsleverantör</title>
<style>
body{font-family:sans-serif;max-width:32rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
ul{list-style:none;padding:0}li{margin:.4rem 0}
button{width:100%;text-align:left;font-size:1rem;padding:.75rem;border:1px solid #1864ab;border-radius:.4rem;
background:#fff;color:#1864ab;cursor:pointer}button:focus{outline:3px solid #1864ab;outline-offset:2px}
span{color:#333}
</style></head>
<body><main>
<h1>Logga in</h1>
<p>Det här är utvecklingsmiljöns identitetsleverantör. I drift loggar du in med e-legitimation (BankID eller
Freja), och personal med SITHS-kort. Välj vem du vill vara.</p>
<form method="post" action="${escape(action)}">${groups}</form>
</main></body></html>`;
}
