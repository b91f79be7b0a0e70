/* lineedit.h - one line of text edited like a shell line: the text, a
 * cursor, and the readline operations on them (move by character, to
 * the start or the end; delete the character before or under the cursor,
 * the word before it, everything before or after it).
 *
 * Pure: no curses and no key table.  The app maps its key requests
 * (keys.h, scope INPUT) to these operations and draws the window that
 * lineedit_view() computes.  The same editor serves the meeting floor's
 * input line and the status-line prompt.
 *
 * Text is UTF-8.  The cursor is a byte offset that is always on a
 * cluster boundary: it moves over a character together with the
 * combining marks that follow it, so a base letter and its accent go or
 * stay together.  Only printable text goes in: control characters and
 * bidirectional controls are refused, and a newline becomes a space.
 */
#ifndef COPSE_LINEEDIT_H
#define COPSE_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

struct lineedit {
	char *s;                 /* the text, NUL-terminated; never NULL after init */
	size_t len, cap;
	size_t cur;              /* cursor, byte offset into s */
	size_t max;              /* most bytes of text; 0: no limit */
	size_t scroll;           /* first byte shown (lineedit_view) */
};

enum lineedit_op {
	LE_LEFT,                 /* one character left */
	LE_RIGHT,                /* one character right */
	LE_HOME,                 /* to the start */
	LE_END,                  /* to the end */
	LE_BACKSPACE,            /* delete the character before the cursor */
	LE_DELETE,               /* delete the character under the cursor */
	LE_KILL_START,           /* delete from the start to the cursor (Ctrl-u) */
	LE_KILL_END,             /* delete from the cursor to the end (Ctrl-k) */
	LE_KILL_WORD,            /* delete the word before the cursor and the
	                          * blanks after it (Ctrl-w) */
};

/* An empty line; max bytes of text at most (0: no limit).  Returns 0,
 * or -1 on ENOMEM. */
int lineedit_init(struct lineedit *le, size_t max);
void lineedit_done(struct lineedit *le);     /* frees; le may be reused after init */

/* Replace the text (newlines become spaces, controls are dropped, cut at
 * max on a character boundary) with the cursor at its end.  0, -1 ENOMEM. */
int lineedit_set(struct lineedit *le, const char *text);
void lineedit_clear(struct lineedit *le);
/* The text; borrowed, valid until the next change.  Never NULL. */
const char *lineedit_text(const struct lineedit *le);
int lineedit_empty(const struct lineedit *le);

/* Insert one code point at the cursor.  1 inserted, 0 refused (not
 * printable, or no room under max), -1 ENOMEM. */
int lineedit_insert(struct lineedit *le, uint32_t cp);
/* Apply op.  1 when the text or the cursor changed, 0 when there was
 * nothing to do (Backspace at the start ...). */
int lineedit_do(struct lineedit *le, enum lineedit_op op);

/* The window to show in cols columns (cols >= 1): *start, the byte
 * offset of the first character shown, and *col, the cursor's column in
 * the window (0 .. cols - 1).  The window moves only when the cursor
 * would leave it, by a third of its width, so the text does not jump
 * with every key; it is remembered in le->scroll. */
void lineedit_view(struct lineedit *le, int cols, size_t *start, int *col);

#endif
