import type { Logger } from '../../observability/logger.js';
import { renderChart, type ChartRenderer } from '../../charts/index.js';
import type { View } from '../../views/view.js';
import { clip } from './limits.js';
import type { DiscordMessage } from './render.js';

/** A file to upload with a message, in the shape both discord.js (`files`) and @discordjs/rest take. */
export interface DiscordFile {
  name: string;
  data: Buffer;
  /** Alt text: screen readers read it; Discord allows 1024 characters. */
  description: string;
}

export interface DiscordAnswer {
  message: DiscordMessage;
  files: DiscordFile[];
}

const MAX_ALT = 1024;

export const defaultChartRenderer: ChartRenderer = renderChart;

/**
 * The message for a View with its chart attached: the PNG goes up as a file and the embed's
 * image points at it with attachment://. A chart that fails to draw never costs the answer:
 * the text goes out alone and the error is logged. Used by every path that sends a View.
 */
export async function withChart(view: View, message: DiscordMessage, render: ChartRenderer, logger: Logger): Promise<DiscordAnswer> {
  const embed = message.embeds[0];
  if (!view.chart || !embed) return { message, files: [] };
  try {
    const chart = await render(view.chart);
    const files = [{ name: chart.fileName, data: chart.png, description: clip(chart.alt, MAX_ALT) }];
    return { message: { ...message, embeds: [{ ...embed, image: { url: `attachment://${chart.fileName}` } }, ...message.embeds.slice(1)] }, files };
  } catch (err) {
    logger.error({ err, chart: view.chart.kind }, 'chart failed to render; sending the text answer alone');
    return { message, files: [] };
  }
}
