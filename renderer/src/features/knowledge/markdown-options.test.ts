import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { i18next, resources } from '../../i18n/i18n';
import { MARKDOWN_OPTIONS, markdownComponents } from './markdown-options';

void i18next.init({ resources, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

const render = (markdown: string) =>
  renderToStaticMarkup(createElement(Markdown, { ...MARKDOWN_OPTIONS, components: markdownComponents(i18next.t, () => undefined) }, markdown));

describe('article Markdown', () => {
  it('renders tables, task lists and emphasis, headings one level down', () => {
    const html = render('# 现象\n\n端口 **频繁** up/down\n\n| 端口 | 状态 |\n|---|---|\n| Gi0/0/1 | down |\n\n- [x] 已处理');
    expect(html).toContain('<h2>现象</h2>');
    expect(html).not.toContain('<h1');
    expect(html).toContain('<strong>频繁</strong>');
    expect(html).toContain('<td>Gi0/0/1</td>');
    expect(html).toContain('type="checkbox"');
  });

  it('drops raw HTML and renders no link or image that leaves the app', () => {
    const html = render(
      '<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[手册](https://example.com/manual) [坏](javascript:alert(3)) ![拓扑](https://example.com/t.png) [资产](#/assets/01936b2e-7c1a-7000-8000-000000000001)',
    );
    expect(html).not.toMatch(/<script|onerror|<img|javascript:/i);
    expect(html).not.toContain('href="https://example.com');
    // Other targets are buttons that copy the address, which they show in their tooltip.
    expect(html).toMatch(/<button[^>]*title="[^"]*https:\/\/example.com\/manual"[^>]*>手册<\/button>/);
    expect(html).toMatch(/<button[^>]*title="[^"]*https:\/\/example.com\/t.png"[^>]*>.*拓扑<\/button>/);
    // An in-app link stays a link inside the app.
    expect(html).toContain('href="#/assets/01936b2e-7c1a-7000-8000-000000000001"');
  });
});
