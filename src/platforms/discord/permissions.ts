import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { PostCheck } from '../../spotlight/poster.js';

/** Permission bitfields as payloads carry them: decimal strings of 64-bit flags. */

type Bits = bigint | string | null | undefined;

const toBits = (bits: Bits): bigint | undefined => (bits === null || bits === undefined ? undefined : BigInt(bits));

/** Does the bitfield grant `flag`? Administrator grants every permission, as Discord reads it. */
export function hasPermission(bits: Bits, flag: bigint): boolean {
  const value = toBits(bits);
  if (value === undefined) return false;
  return (value & PermissionFlagsBits.Administrator) !== 0n || (value & flag) === flag;
}

const POST_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** From an interaction's `app_permissions` (the bot's, in that channel): can the spotlight post here? */
export function canPostWith(bits: Bits, inThread = false): PostCheck {
  if (toBits(bits) === undefined) return { ok: false, reason: 'Discord did not say what the bot may do in this channel' };
  const needed = POST_PERMISSIONS.map(([bit, name]) =>
    inThread && bit === PermissionFlagsBits.SendMessages
      ? ([PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'] as const)
      : ([bit, name] as const),
  );
  const missing = needed.filter(([bit]) => !hasPermission(bits, bit)).map(([, name]) => name);
  return missing.length === 0 ? { ok: true } : { ok: false, reason: `The bot lacks ${missing.join(', ')} in this channel` };
}
