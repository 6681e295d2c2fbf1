import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import config from '../../examples/typed-client/codegen.ts';

describe('the typed client example', () => {
  it('is what GraphQL Code Generator writes from the API schema (run `npm run client:generate`)', async () => {
    const [output] = await generate({ ...config, hooks: {}, silent: true }, false);
    const formatted = await format(output.content, {
      ...(await resolveConfig(output.filename)),
      filepath: output.filename,
    });
    expect(readFileSync(output.filename, 'utf8')).toBe(formatted);
  });
});
