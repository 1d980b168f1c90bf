import { describe, expect, it } from 'vitest';
import { lessonUrl, parseLessonText } from '../../../src/lessons/readLessonText';

describe('reading a lesson file', () => {
  it('parses a JSON document', () => {
    expect(parseLessonText('{"name":"x"}', 'lesson.json')).toEqual({
      ok: true,
      doc: { name: 'x' },
    });
  });

  it('names the file when the JSON is broken', () => {
    const result = parseLessonText('{"name":', 'lesson.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^lesson\.json: not valid JSON: /);
  });

  it('refuses a file too large to be a lesson, with the limit', () => {
    const result = parseLessonText(' '.repeat(2_000_001), 'huge.json');
    expect(result).toEqual({
      ok: false,
      errors: ['huge.json: must be a scenario file of at most 2 MB, got 2000001 bytes'],
    });
  });
});

describe('a lesson address', () => {
  const page = 'http://localhost:4213/?preset=timeouts';

  it('resolves a relative address against the page', () => {
    const result = lessonUrl('lessons/a.json', page);
    expect('url' in result && result.url.href).toBe('http://localhost:4213/lessons/a.json');
  });

  it('takes http and https only, and says so', () => {
    expect(lessonUrl('javascript:alert(1)', page)).toEqual({
      error: 'lesson URL: must be an http or https address, got "javascript:alert(1)"',
    });
    expect(lessonUrl('  ', page)).toEqual({
      error: 'lesson URL: is required (an http or https address)',
    });
    expect('url' in lessonUrl('https://example.org/l.json', page)).toBe(true);
  });
});
