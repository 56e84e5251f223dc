import { renderMail, type RenderedMail } from './layout.js';

/**
 * To a list's organizer when the sheet it follows failed three syncs in a row: syncing stops until
 * they fix it and resume, and the list stays as it was. The list's title is the organizer's own
 * text: it stays in the body, quoted, never in the subject.
 */
export function sheetSyncPausedMail(p: { listTitle: string; sheetUrl: string; reason: string; organizeUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Lifeline paused the sync of your sheet',
    paragraphs: [
      `The sheet that your list "${p.listTitle}" follows could not be read three times in a row, so Lifeline stopped syncing it. Nothing on the list was changed.`,
      `The last attempt said: ${p.reason}`,
      `The sheet: ${p.sheetUrl}`,
      'Fix the sheet (or paste its new link), then resume the sync on the Organize page.',
    ],
    action: { label: 'Open the Organize page', url: p.organizeUrl },
  });
}
