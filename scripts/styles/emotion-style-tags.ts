// Reads the component styles Emotion inlines in a server-rendered page: each
// `<style data-emotion="mui name1 name2 …">` holds the rules of those class names one after the
// other. The rules are split back into one entry per name (a name's rules all name its class,
// `.mui-<name>`, or are its `@keyframes <name>`), so that a catalogue of them can be written.

export interface EmotionStyle {
  name: string;
  css: string;
}

const STYLE_TAG = /<style[^>]*\bdata-emotion="([^"]+)"[^>]*>([\s\S]*?)<\/style>/g;

/** The top-level blocks of a CSS text (`a{…}`, `@media …{…}`), quotes and nesting respected. */
export function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (depth !== 0 || css.slice(start).trim() !== '') throw new Error(`Unbalanced CSS near: ${css.slice(start, start + 80)}`);
  return blocks;
}

/** The name a block belongs to: its keyframes' name, or the first of the page's classes it names. */
function ownerOf(block: string, key: string, names: Set<string>): string {
  const keyframes = /^@keyframes\s+([\w-]+)/.exec(block);
  if (keyframes && names.has(keyframes[1]!)) return keyframes[1]!;
  for (const match of block.matchAll(new RegExp(`\\.${key}-([\\w-]+)`, 'g'))) {
    if (names.has(match[1]!)) return match[1]!;
  }
  throw new Error(`A style block names none of its tag's classes: ${block.slice(0, 120)}`);
}

/**
 * The component styles of a page's HTML, in the order the page has them. Global styles
 * (`data-emotion="mui-global …"`) are left out: they are few and stay inlined.
 */
export function componentStylesOf(html: string, key = 'mui'): EmotionStyle[] {
  const styles: EmotionStyle[] = [];
  for (const [, attribute, css] of html.matchAll(STYLE_TAG)) {
    const [tagKey, ...names] = attribute!.split(' ');
    if (tagKey !== key) continue;
    const inTag = new Set(names);
    const rules = new Map(names.map((name) => [name, '']));
    for (const block of topLevelBlocks(css!)) {
      const owner = ownerOf(block, key, inTag);
      rules.set(owner, rules.get(owner) + block);
    }
    for (const [name, rulesOfName] of rules) styles.push({ name, css: rulesOfName });
  }
  return styles;
}
