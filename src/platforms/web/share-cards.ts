import { roleRef } from '../../views/format.js';
import type { PageTarget } from '../../views/page-url.js';
import { indexShareCard, roleShareCard, type ShareCard, viewShareCard } from '../../views/share-card.js';
import { compareArgs } from './answer-pages.js';
import { answer, type PageSite } from './page-kit.js';

/** The link-preview picture of a page: a role's from its data, a comparison's or a path's from the command's View. */
export async function shareCardOf(site: PageSite, target: PageTarget): Promise<ShareCard> {
  const { core } = site;
  const role = (id: string) => core.kb.role(id);
  switch (target.kind) {
    case 'roles':
      return indexShareCard(core);
    case 'role':
      return roleShareCard(core, role(target.role));
    case 'compare':
      return viewShareCard(core, await answer(site, 'compare', compareArgs(target.roles.map(role))), 'Comparison');
    case 'path':
      return viewShareCard(core, await answer(site, 'path', { from: roleRef(role(target.from)), to: roleRef(role(target.to)) }), 'Career path');
  }
}
