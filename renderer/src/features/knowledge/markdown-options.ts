import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import { Link, type LinkProps } from '@mui/material';
import type { TFunction } from 'i18next';
import { createElement, type ComponentType, type ReactNode } from 'react';
import type { Components, Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** MUI's Link drawn as a button: the polymorphic `component` prop, spelt out for createElement. */
const LinkButton = Link as ComponentType<LinkProps<'button'>>;

/**
 * How an article's Markdown is rendered, safely: GitHub tables, task lists
 * and strikethrough; raw HTML dropped; no link or image that loads or
 * navigates anything. The app window must stay on the app (Electron refuses
 * to leave it anyway, and in the browser mode a link would replace the app),
 * so an in-app link (#/assets/…, which the hash router follows) opens inside
 * it and any other target is a button that hands the address to `copy`.
 * Headings move one level down: the page's title is its only h1.
 *
 * Written without JSX so that the unit tests, which compile only .ts, render
 * exactly these options.
 */
export const MARKDOWN_OPTIONS = { remarkPlugins: [remarkGfm], skipHtml: true } as const satisfies Options;

export function markdownComponents(t: TFunction, copy: (url: string) => void): Components {
  const safeLink = (href: unknown, children: ReactNode) => {
    if (typeof href !== 'string' || href === '') return children;
    if (href.startsWith('#/')) return createElement(Link, { href }, children);
    return createElement(
      LinkButton,
      {
        component: 'button',
        type: 'button',
        title: t('knowledge.markdown.copyLink', { url: href }),
        onClick: () => copy(href),
        sx: { verticalAlign: 'baseline', font: 'inherit' },
      },
      children,
    );
  };
  return {
    h1: ({ children }) => createElement('h2', null, children),
    h2: ({ children }) => createElement('h3', null, children),
    h3: ({ children }) => createElement('h4', null, children),
    h4: ({ children }) => createElement('h5', null, children),
    h5: ({ children }) => createElement('h6', null, children),
    a: ({ href, children }) => safeLink(href, children),
    img: ({ src, alt }) =>
      safeLink(src, [
        createElement(ImageOutlinedIcon, { key: 'icon', fontSize: 'inherit', sx: { verticalAlign: 'text-bottom', mr: 0.25 } }),
        alt || t('knowledge.markdown.image'),
      ]),
  };
}
