import { DIFFICULTY_LABEL, headline, LEVEL_LABEL, LEVELS, salaryCell } from '../../views/format.js';
import { pagePath } from '../../views/page-url.js';
import { indexShareCard } from '../../views/share-card.js';
import { escapeHtml as esc } from '../../web/pages.js';
import { documentHtml } from './document.js';
import { heading, paragraphs, sourceHtml } from './html.js';
import { answerWithData, type BuiltPage, type PageSite, renderContext } from './page-kit.js';
import { ogPath } from './routes.js';

/**
 * `/roles`: every role by layer, as /roles lists them, each layer a table with the role's
 * difficulty and pay in the US and India, and each role linked to its page.
 */
export async function indexPage(site: PageSite): Promise<BuiltPage> {
  const { view, data } = await answerWithData(site, 'roles', {});
  const ctx = renderContext(site);
  const kb = site.core.kb;
  // The View has a section per layer, in the order its roles first appear in the list it reports.
  const listed = data?.kind === 'roles' ? data.roles.map((r) => kb.role(r.id)) : [];
  const layers = [...new Set(listed.map((r) => r.layer))];
  const columns = ['Role', 'Entry difficulty', 'US range', ...LEVELS.map((l) => `India ${LEVEL_LABEL[l].toLowerCase()}`)];
  const tables = view.sections.map((section, i) => {
    const id = ctx.ids.take(section.heading);
    const caption = ctx.ids.take(`${section.heading} table`);
    const rows = listed
      .filter((r) => r.layer === layers[i])
      .map((role) => {
        const link = `<a href="${esc(`${site.info.basePath}${pagePath({ kind: 'role', role: role.id })}`)}">${esc(`${role.number}. ${role.name}`)}</a>`;
        const cells = [DIFFICULTY_LABEL[role.difficulty], headline(role), ...LEVELS.map((l) => salaryCell(role, 'india', l))];
        return `<tr><th scope="row">${link}</th>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
      });
    return `<section aria-labelledby="${id}">
${heading(2, section.heading, id)}
<div class="table-wrap" role="region" aria-labelledby="${caption}" tabindex="0">
<table>
<caption id="${caption}" class="visually-hidden">${esc(section.heading)}: roles, entry difficulty and pay</caption>
<thead><tr>${columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
</section>`;
  });
  const main = [
    heading(1, `All ${kb.roles.length} GenAI career roles`),
    view.description ? paragraphs(view.description, 'lede') : '',
    '<p>US figures in $K per year, India figures in ₹ lakh per annum. Each role’s page has its pay by level, skills, career path and more.</p>',
    ...tables,
    view.footer ? sourceHtml(view.footer) : '',
  ].join('\n');
  const share = indexShareCard(site.core);
  const html = documentHtml(
    site.info,
    { title: share.title, description: share.subtitle, path: pagePath({ kind: 'roles' }), image: { path: ogPath({ kind: 'roles' }), alt: share.alt } },
    main,
  );
  return { html, complete: true };
}
