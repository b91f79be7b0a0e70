/* noteline.h - a line typed into a meeting's minutes, read.
 *
 *   "d: text"            a decision
 *   "? text", "q: text"  a question
 *   "a: @handle text"    an action item owned by that member (and a note
 *                        line saying so), which may end with
 *                        "due DATE": DATE is YYYY-MM-DD, today, tomorrow
 *                        or a weekday (mon ... sunday: the next such day,
 *                        never today); "by YYYY-MM-DD" works too
 *   anything else        a note
 *
 * An action line whose "due ..." is anything else is refused with a
 * message, never kept in the title.  Pure: no database, no screen; the
 * store (note_add_line) and the app's meeting floor both read lines
 * with it, so a bad line can be kept in the input with the message.
 */
#ifndef COPSE_NOTELINE_H
#define COPSE_NOTELINE_H

#include <stddef.h>
#include <time.h>

struct noteline {
	const char *kind;      /* "note", "decision", "question" or "action" */
	char *text;            /* the text (an action's title), trimmed */
	char *handle;          /* action: the owner's handle, without '@' */
	char due[11];          /* action: YYYY-MM-DD, or "" */
};

void noteline_init(struct noteline *nl);
void noteline_done(struct noteline *nl);

/* Read line as of now (COPSE_NOW in tests; dates in local time, TZ).
 * Fills *out (caller frees with noteline_done, also after a failure).
 * COPSE_OK, COPSE_INVALID with a one-line message in err ("due 'next
 * week': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)"),
 * or COPSE_NOMEM. */
int noteline_parse(const char *line, time_t now, struct noteline *out, char *err, size_t errlen);

/* One due date as an action line reads it (YYYY-MM-DD, today, tomorrow
 * or a weekday) into due, for the command line's --due too: COPSE_OK,
 * or COPSE_INVALID with the same message as for a line. */
int noteline_due(const char *word, time_t now, char due[11], char *err, size_t errlen);

/* The Markdown body of the note an action line leaves in the minutes:
 * "@zoe: book the room (due 2025-03-15)".  Caller frees; NULL on ENOMEM. */
char *noteline_action_body(const struct noteline *nl);

#endif
