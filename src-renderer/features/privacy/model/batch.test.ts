import { describe, expect, it } from 'vitest';
import { prettyJson } from './batch';

describe('prettyJson', () => {
  it('indents a JSON body by two spaces', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('shows a body that is not JSON as it is', () => {
    expect(prettyJson('not json {')).toBe('not json {');
  });
});
