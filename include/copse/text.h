/* text.h - UTF-8 display width, sanitising and wrapping.
 *
 * Pure functions, no curses.  Widths follow wcwidth(3) in the current
 * LC_CTYPE (the program calls setlocale(LC_ALL, "") at start); combining
 * marks are width 0, East Asian wide characters and most emoji width 2.
 *
 * Everything that comes from the database passes through text_sanitize()
 * before it is drawn or printed: C0/C1 controls, DEL, escape sequences
 * (CSI, OSC incl. 0/8/52, DCS ...) and invalid UTF-8 become visible,
 * harmless glyphs, so nothing from the store ever reaches the terminal
 * as a raw control sequence.
 */
#ifndef COPSE_TEXT_H
#define COPSE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "copse/util.h"

/* Decode one code point at s (at most len bytes).  Returns the number of
 * bytes consumed (>= 1) and stores the code point, or U+FFFD with 1 byte
 * consumed for an invalid / truncated sequence.  len 0 returns 0. */
int text_decode(const char *s, size_t len, uint32_t *cp);

/* The UTF-8 bytes of code point cp into out: 1-4, or 0 when cp is not a
 * Unicode scalar value (a surrogate, beyond U+10FFFF). */
int text_encode(uint32_t cp, char out[4]);

/* 1 for a bidirectional formatting control (a mark, embedding, override
 * or isolate: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069): it
 * can reorder what the terminal shows ("trojan source"). */
int text_is_bidi_control(uint32_t cp);

/* Display width of one code point: 0 (combining, zero-width), 1 or 2;
 * -1 for control characters. */
int text_cpwidth(uint32_t cp);

/* 1 for a code point the sanitiser never lets through as it is: C0
 * controls, DEL, C1 controls (U+0080-U+009F), bidirectional formatting
 * controls (text_is_bidi_control) and the line and paragraph separators
 * U+2028, U+2029.  The JSON writers
 * escape the same set, so no output of copse carries one raw. */
int text_cp_unsafe(uint32_t cp);

/* How many bytes at the start of s (len bytes) are printable ASCII
 * (0x20-0x7e): a column each, and the sanitiser leaves them alone. */
size_t text_ascii_span(const char *s, size_t len);

/* Display width of an already sanitised UTF-8 string. */
int text_width(const char *s, size_t len);

/* Flags for text_sanitize. */
enum {
	TEXT_KEEP_NEWLINE = 1,   /* keep '\n' (multi-line text) */
	TEXT_ASCII = 2,          /* non-UTF-8 locale: ASCII out only (below) */
};

/* Return a new string safe to draw: tabs expanded to spaces (tab stops of
 * 8 from the start of the string or of each line), '\r' shown as "^M"
 * (a CRLF is one newline with TEXT_KEEP_NEWLINE), '\b' as "^H", other C0
 * controls and DEL as "^X" forms, ESC as "^[", the other code points of
 * text_cp_unsafe (C1 controls, bidi controls, U+2028/U+2029) as
 * "<U+009B>"-style text, invalid
 * UTF-8 (overlong forms and encoded surrogates too) and code points the
 * locale cannot show as U+FFFD.  With TEXT_ASCII, accented Latin letters
 * lose their accent, typographic punctuation becomes its ASCII cousin
 * ("-", "\"", "..."), anything else non-ASCII and invalid UTF-8 is '?'.
 * Caller frees.  NULL only on ENOMEM; NULL input gives "". */
char *text_sanitize(const char *s, size_t len, int flags);

/* 1 when s would come out of text_sanitize (flags 0) unchanged: no
 * control character, tab, invalid UTF-8 or code point of
 * text_cp_unsafe, nothing the locale cannot show.  The screen checks this
 * before it draws, so even text a caller forgot to sanitise is. */
int text_is_safe(const char *s, size_t len);

/* Sanitise into a buffer (appends). 0 ok, -1 ENOMEM. */
int text_sanitize_buf(struct buf *out, const char *s, size_t len, int flags);

/* The cluster at s (len > 0): one code point and the zero-width code
 * points that follow it (combining marks, variation selectors, ZWJ), which
 * must stay together on a line.  Returns its length in bytes; *width gets
 * its display width (that of the first code point; 0 for a control). */
size_t text_cluster(const char *s, size_t len, int *width);

/* How many bytes of s fit in cols display columns, without splitting a
 * character or separating combining marks from their base.  *used gets
 * the width actually taken (may be NULL). */
size_t text_fit(const char *s, size_t len, int cols, int *used);

/* Truncate to cols columns, appending an ellipsis ("…" or "~" in ASCII
 * mode) when cut; pads with spaces to exactly cols when pad is set.
 * Input must be sanitised.  Caller frees. */
char *text_clip(const char *s, int cols, int pad, int ascii);

/* Case-insensitive substring search (ASCII folding; UTF-8 bytes compared
 * as is).  Returns byte offset or -1. */
long text_find(const char *hay, const char *needle);

/* Compare for sorting names and titles as a reader expects: case and
 * accents of Latin letters ignored (Łukasz sorts with L, Zoë before Zora),
 * other scripts after Latin in code point order.  <0, 0, >0. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen);

/* The sort key of a name or title (caller frees; NULL on ENOMEM): its
 * code points as text_collate sees them, in UTF-8.  Keys compared
 * bytewise, then the texts themselves bytewise, order as text_collate
 * does, so a stored key with an index sorts a long list without
 * reading it (the store's copse_fold() in SQL).  A piece of a folded
 * text is found in it by folding the piece alike. */
char *text_fold(const char *s, size_t len);

#endif
