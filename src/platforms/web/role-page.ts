import type { Role } from '../../core/schema/role.js';
import { relatedRoles } from '../../views/cards/role-card.js';
import { DEEP_DIVE_LABEL, DEEP_DIVE_PARTS } from '../../views/deep-dive/index.js';
import { roleRef } from '../../views/format.js';
import { pagePath } from '../../views/page-url.js';
import { roleShareCard } from '../../views/share-card.js';
import { escapeHtml as esc } from '../../web/pages.js';
import { documentHtml } from './document.js';
import { fieldsHtml, heading, type RenderContext, sectionHtml, sourceHtml, viewHtml } from './html.js';
import { occupationJsonLd } from './json-ld.js';
import { deepDiveAnchor, ROLE_ANCHORS } from './links.js';
import { answer, type BuiltPage, chartOf, type PageSite, renderContext } from './page-kit.js';
import { ogPath } from './routes.js';

/**
 * `/roles/<id>`: the role card, then everything the commands say about the role, each from its
 * own command's View: pay (/salary, with its chart), related roles, career moves (/path <role>),
 * interview prep, certifications, projects, the AI Engineer deep-dive (/deepdive, every part)
 * and the sources (/sources).
 */

/** A part of the page with its own entry in "On this page". */
interface Block {
  id: string;
  title: string;
  html: string;
}

function block(ctx: RenderContext, id: string, title: string, body: string): Block {
  const taken = ctx.ids.take(id);
  return { id: taken, title, html: `<section aria-labelledby="${taken}">\n${heading(2, title, taken)}\n${body}\n</section>` };
}

function relatedBlock(site: PageSite, role: Role): string {
  const base = site.info.basePath;
  const items = relatedRoles(site.core, role).map((r) => {
    const compare = pagePath({ kind: 'compare', roles: [role.id, r.id] });
    return `<li><a href="${esc(base + pagePath({ kind: 'role', role: r.id }))}">${esc(r.name)}</a> · <a href="${esc(base + compare)}">compare with ${esc(role.name)}</a></li>`;
  });
  const titles = role.related.flatMap((r) => ('title' in r ? [r.title] : []));
  return [items.length ? `<ul>\n${items.join('\n')}\n</ul>` : '', titles.length ? `<p>Also related: ${esc(titles.join(', '))}.</p>` : '']
    .filter(Boolean)
    .join('\n');
}

export async function rolePage(site: PageSite, role: Role): Promise<BuiltPage> {
  const ref = roleRef(role);
  const deep = site.core.kb.aiEngineer.meta.role === role.id;
  const [card, salary, moves, prep, certs, projects, sources, ...parts] = await Promise.all([
    answer(site, 'role', { name: ref }),
    answer(site, 'salary', { role: ref }),
    answer(site, 'path', { from: ref }),
    answer(site, 'prep', { role: ref }),
    answer(site, 'certs', { role: ref }),
    answer(site, 'projects', { role: ref }),
    answer(site, 'sources', {}),
    ...(deep ? DEEP_DIVE_PARTS.map((part) => answer(site, 'deepdive', { part })) : []),
  ]);
  const missing = { count: 0 };
  const payChart = await chartOf(site, salary, missing);
  const ctx = renderContext(site);

  // The card's career progression and related titles have fuller homes below.
  const elsewhere = new Set([...moves.sections.map((s) => s.heading), 'Also related']);
  const blocks: Block[] = [
    block(
      ctx,
      ROLE_ANCHORS.pay,
      'Pay',
      viewHtml(salary, ctx, { level: 3, title: false, chartSvg: payChart, tableCaption: 'Pay by level', actions: false, footer: false }),
    ),
    ...card.sections
      .filter((s) => !elsewhere.has(s.heading))
      .map((s) => {
        const id = ctx.ids.take(s.heading);
        return { id, title: s.heading, html: sectionHtml(s, 2, ctx, id) };
      }),
    block(ctx, 'related-roles', 'Related roles', relatedBlock(site, role)),
    block(ctx, ROLE_ANCHORS.moves, 'Career progression', viewHtml(moves, ctx, { level: 3, title: false, actions: 'Paths to the next roles', footer: false })),
    block(ctx, ROLE_ANCHORS.prep, 'Interview prep', viewHtml(prep, ctx, { level: 3, title: false, actions: false, footer: false })),
    block(ctx, ROLE_ANCHORS.certs, 'Certifications', viewHtml(certs, ctx, { level: 3, title: false, actions: false, footer: false })),
    block(ctx, ROLE_ANCHORS.projects, 'Portfolio projects', viewHtml(projects, ctx, { level: 3, title: false, actions: false, footer: false })),
  ];
  if (deep) {
    const body = parts
      .map((part, i) => {
        const name = DEEP_DIVE_PARTS[i]!;
        return viewHtml({ ...part, title: DEEP_DIVE_LABEL[name] }, ctx, { level: 3, title: ctx.ids.take(deepDiveAnchor(name)), actions: false, footer: false });
      })
      .join('\n');
    blocks.push(block(ctx, ROLE_ANCHORS.deepDive, `${site.core.kb.aiEngineer.meta.name} deep-dive`, body));
  }
  blocks.push(block(ctx, ROLE_ANCHORS.sources, 'Sources', viewHtml(sources, ctx, { level: 3, title: false, actions: false })));

  const toc = blocks.map((b) => `<li><a href="#${esc(b.id)}">${esc(b.title)}</a></li>`);
  const main = [
    heading(1, card.title),
    card.description ? `<p class="lede">${esc(card.description)}</p>` : '',
    // The card's short facts; its pay lines are in the pay section with the chart.
    fieldsHtml(card.fields.filter((f) => f.inline)),
    `<nav class="toc" aria-labelledby="on-this-page"><h2 id="on-this-page">On this page</h2><ul>\n${toc.join('\n')}\n</ul></nav>`,
    ...blocks.map((b) => b.html),
    card.footer ? sourceHtml(card.footer) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const share = roleShareCard(site.core, role);
  const path = pagePath({ kind: 'role', role: role.id });
  const html = documentHtml(
    site.info,
    {
      title: `${role.name}: pay, skills and how to get in`,
      description: card.description ?? role.summary,
      path,
      image: { path: ogPath({ kind: 'role', role: role.id }), alt: share.alt },
      jsonLd: occupationJsonLd(site.core, role, `${site.info.base}${path}`),
    },
    main,
  );
  return { html, complete: missing.count === 0 };
}
