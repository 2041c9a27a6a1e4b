import { describe, expect, it } from 'vitest';
import { componentStylesOf, topLevelBlocks } from '@/scripts/styles/emotion-style-tags';

describe('the component styles of a server-rendered page', () => {
  it('splits each style tag back into the rules of each of its class names, in the order of the page', () => {
    const html = [
      '<head><style data-emotion="mui-global abc">html{color:red;}</style>',
      '<style data-emotion="mui a1 b2" nonce="n">.mui-a1{display:flex;}.mui-a1:hover{color:blue;}@media (min-width:600px){.mui-a1{gap:8px;}}',
      '.mui-b2 .MuiSvgIcon-root{content:"}{";}</style>',
      '<style data-emotion="mui animation-x c3">@keyframes animation-x{0%{opacity:0;}100%{opacity:1;}}.mui-c3{animation:animation-x 1s;}</style></head>',
    ].join('');
    expect(componentStylesOf(html)).toEqual([
      { name: 'a1', css: '.mui-a1{display:flex;}.mui-a1:hover{color:blue;}@media (min-width:600px){.mui-a1{gap:8px;}}' },
      { name: 'b2', css: '.mui-b2 .MuiSvgIcon-root{content:"}{";}' },
      { name: 'animation-x', css: '@keyframes animation-x{0%{opacity:0;}100%{opacity:1;}}' },
      { name: 'c3', css: '.mui-c3{animation:animation-x 1s;}' },
    ]);
  });

  it('refuses CSS it cannot split rather than writing a wrong catalogue', () => {
    expect(() => topLevelBlocks('.mui-a{color:red;')).toThrow(/Unbalanced/);
    expect(() => componentStylesOf('<style data-emotion="mui a1">.mui-zz{color:red;}</style>')).toThrow(/names none/);
  });
});
