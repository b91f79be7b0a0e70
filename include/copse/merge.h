/* merge.h - conflict merge text: both versions of a record in one text,
 * between markers, for the user to settle in the editor.
 *
 * When a save reports COPSE_CONFLICT the app reloads the record, formats
 * both versions (template.h), builds a merge text with merge_text() and
 * opens it in the editor again (editor.h); it saves only once
 * merge_markers() finds no markers left.
 *
 * No curses, no store: text in, text out.
 */
#ifndef COPSE_MERGE_H
#define COPSE_MERGE_H

#include "copse/util.h"

/* Append to out a text holding both versions: lines common to both are
 * written once, each differing stretch as
 *
 *     <<<<<<< yours
 *     your lines
 *     =======
 *     their lines
 *     >>>>>>> theirs (version N by LOGIN)
 *
 * (" by LOGIN" left out when their_login is NULL or empty).  Identical
 * texts give the text without markers.  0 ok, COPSE_NOMEM. */
int merge_text(const char *yours, const char *theirs, int their_version,
	       const char *their_login, struct buf *out);

/* Line number (1-based) of the first conflict marker left in text
 * ("<<<<<<<" or ">>>>>>>" at the start of a line, alone or followed by a
 * space), or 0 when there is none.  A lone "=======" does not count: it
 * is also a Markdown heading underline. */
int merge_markers(const char *text);

#endif
