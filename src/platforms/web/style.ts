import { PAGE_HEADERS, pageCsp } from '../../web/pages.js';

/**
 * The pages' one stylesheet, inline and allowed by its hash (see `pageCsp`): no script, no
 * request for a stylesheet, nothing for the CSP to loosen. Colours meet WCAG AA in both schemes
 * (text ≥ 7:1, muted text ≥ 4.5:1); charts keep their white card in the dark, as they are drawn.
 * At 390 px nothing is wider than the screen: long words wrap, and tables scroll inside their own
 * focusable box.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #4b5563; --accent: #1d3557; --link: #0b4f8a; --rule: #d0d7de; --surface: #f6f8fa; --focus: #b35900; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1115; --fg: #e6e8eb; --muted: #b1b8c0; --accent: #a8c7fa; --link: #8ab4f8; --rule: #30363d; --surface: #161b22; --focus: #ffb86b; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.5rem 0.75rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site, footer.site { max-width: 52rem; margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; }
header.site { border-bottom: 1px solid var(--rule); }
header.site .brand { font-weight: 700; font-size: 1.15rem; color: var(--accent); text-decoration: none; }
header.site ul, .links, .toc ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
footer.site { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; margin-top: 3rem; }
main { display: block; max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
h1, h2, h3, h4 { line-height: 1.25; color: var(--accent); }
h1 { font-size: 1.9rem; margin: 0.75rem 0; }
h2 { font-size: 1.4rem; margin: 2.25rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
p, li, dd, dt, figcaption { overflow-wrap: anywhere; }
.lede { font-size: 1.1rem; }
.muted, .source { color: var(--muted); }
.toc { background: var(--surface); border-radius: 0.4rem; padding: 0.75rem 1rem; margin: 1rem 0; }
.toc h2 { border: 0; margin: 0 0 0.25rem; padding: 0; font-size: 1rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem 1.25rem; margin: 1rem 0; }
.facts div { min-width: 0; }
.facts dt { color: var(--muted); font-size: 0.9rem; }
.facts dd { margin: 0; font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.card { background: var(--surface); border-radius: 0.4rem; padding: 0.75rem 1rem; min-width: 0; }
.card h2 { border: 0; margin: 0 0 0.5rem; padding: 0; font-size: 1.1rem; }
.card p { margin: 0; }
.links { margin: 0.5rem 0 1rem; }
.links-label { margin: 1rem 0 0.25rem; font-weight: 600; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 1rem 0; }
table { border-collapse: collapse; min-width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
thead th { border-bottom-width: 2px; }
figure { margin: 1.25rem 0; }
.chart-box { background: #ffffff; border-radius: 0.4rem; padding: 0.5rem; border: 1px solid var(--rule); }
.chart-box svg { display: block; width: 100%; max-width: 42rem; height: auto; margin: 0 auto; }
.chart-box svg text { font-family: "DejaVu Sans", Verdana, "Segoe UI", sans-serif; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
@media print {
  :root { color-scheme: light; --bg: #ffffff; --fg: #000000; --muted: #333333; --accent: #000000; --link: #000000; --rule: #999999; --surface: #ffffff; }
  body { font-size: 11pt; }
  .skip, header.site nav, .toc { display: none; }
  a { text-decoration: none; }
  main, header.site, footer.site { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  figure, table, tr, .card { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
`;

/** The landing page's headers (no sniffing, no referrer), with this stylesheet's CSP; each response sets its own Cache-Control. */
export const HTML_HEADERS: Readonly<Record<string, string>> = { ...PAGE_HEADERS, 'content-security-policy': pageCsp([STYLESHEET]) };
