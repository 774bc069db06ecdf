import type { WebClient } from '@slack/web-api';
import { renderChart } from '../../charts/index.js';
import type { View } from '../../views/view.js';
import type { SlackDeps } from './deps.js';

/** Slack's limit on a file's alt text. */
const MAX_ALT = 1000;

/**
 * Uploads the charts of answers that were just posted publicly, into the same channel or
 * thread, with Slack's external upload flow (files.getUploadURLExternal, the bytes, then
 * files.completeUploadExternal; the WebClient's uploadV2 runs those steps). Callers run this
 * only after Slack has been acknowledged and the text is posted, so a slow or failed chart
 * never delays or loses the answer: failures are logged, never thrown.
 */
export async function uploadCharts(deps: SlackDeps, client: WebClient, channel: string, views: readonly View[], threadTs?: string): Promise<void> {
  const render = deps.renderChart ?? renderChart;
  for (const view of views) {
    if (!view.chart) continue;
    try {
      const chart = await render(view.chart);
      const file = {
        file: chart.png,
        filename: chart.fileName,
        title: view.chart.title,
        alt_text: chart.alt.length > MAX_ALT ? `${chart.alt.slice(0, MAX_ALT - 1)}…` : chart.alt,
      };
      await client.files.uploadV2(threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel });
    } catch (err) {
      deps.logger.error({ err, chart: view.chart.kind, channel }, 'chart not posted; the text answer stands');
    }
  }
}
