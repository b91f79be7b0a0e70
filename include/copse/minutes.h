/* minutes.h - a meeting's minutes as one Markdown document: the title
 * and time, the agenda, attendance, then decisions, actions, questions
 * and notes in the order written.  For `copse meeting minutes` and
 * anything else that hands minutes on (a mail, a file).
 *
 * Built from the store's verbs (meeting.h), never SQL.  Names and
 * titles are escaped (md_put_text); agenda and note bodies are Markdown
 * already and go in as written.  The text is as stored: whoever shows
 * it on a terminal sanitises it.
 */
#ifndef COPSE_MINUTES_H
#define COPSE_MINUTES_H

#include <stdint.h>

#include "copse/db.h"
#include "copse/util.h"

/* Append meeting id's minutes to out.  Times are local (TZ).
 * NOTFOUND "meeting 9: no such meeting". */
int minutes_markdown(struct db *db, int64_t id, struct buf *out);

#endif
