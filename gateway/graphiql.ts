import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * GraphiQL served from the installed packages, so the IDE works on a network without internet
 * (Apollo Server's default landing page loads Apollo Sandbox from a CDN).
 */
const require = createRequire(import.meta.url);
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);
const ASSETS: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  '/graphiql/graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

const EXAMPLE_QUERY = `# Every request needs a bearer token: paste one printed by \`npm start\` into Headers below.
# Fields another agency holds arrive only under a recorded consent; otherwise the response
# names the reason (extensions.code CONSENT_REQUIRED).
# Staff reach the children of the SIPs they take part in; there is no listing of all children.
{
  mySips {
    status
    child {
      givenName
      familyName
      schoolPlacement { schoolName className }
      openSocialCase { caseNumber handlingOfficer }
      careContacts { unitName unitType }
    }
  }
}
`;

const EXAMPLE_HEADERS = JSON.stringify({ Authorization: 'Bearer <token>' }, null, 2);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>SIP graph</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
        defaultHeaders: ${JSON.stringify(EXAMPLE_HEADERS)},
        defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: true,
      }),
    );
  </script>
</body>
</html>`;

export function sendGraphiQLPage(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(PAGE);
}

/** The GraphiQL page's scripts and styles, mounted at /graphiql. */
export const graphiqlAssets: RequestHandler = async (req, res, next) => {
  const asset = ASSETS[`/graphiql${req.path}`];
  if (!asset) return next();
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  res.end(await readFile(asset.file));
};
