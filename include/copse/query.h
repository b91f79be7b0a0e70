/* query.h - copse's search language, read by copse itself and handed to
 * FTS5 only as quoted strings, so nothing typed is ever FTS syntax.
 * Pure: no store, no curses (the store's search.c uses it).
 *
 *   words         every word must match, anywhere in the item
 *   "a phrase"    these words in this order; an open quote runs to the
 *                 end (a half-typed phrase is not an error)
 *   word*         a prefix; "a phra"* makes the phrase's last word one
 *   a OR b        either; upper case only, and it binds tighter than the
 *                 space: calm OR quiet room = (calm OR quiet) AND room
 *   NOT x         leave out what matches x (a word, a phrase or an OR
 *                 group); upper case only
 *
 * Everything else is literal text: don't, C++, e-mail, 2024-07-02, @sam,
 * #tag, AND, NEAR, lower-case or/not, col:x, ^x, parentheses.  FTS5's
 * tokenizer then splits a word on what is not a letter or digit, so
 * e-mail is the phrase "e mail" and @sam the word sam.
 *
 * A malformed query (OR without a word on each side, NOT at the end, a
 * query that only leaves out) gives a one-line reason.  While the query
 * is being typed (QUERY_TYPING) an operator at the end is half-typed and
 * waits, and the last word, when nothing follows it, is the word being
 * typed: the caller matches it whole first, then as the start of longer
 * words.
 */
#ifndef COPSE_QUERY_H
#define COPSE_QUERY_H

#include <stddef.h>

#include "copse/util.h"

#define QUERY_MAX_TERMS 32

enum query_flags {
	QUERY_TYPING = 1,     /* the query is being typed, as in the app */
};

struct query_term {
	char *text;           /* as typed, without quotes or trailing '*' */
	int phrase;           /* it was in quotes */
	int prefix;           /* matches as a prefix (a '*', an open phrase
				 while typing) */
	int typing;           /* the word being typed (see above) */
	int group;            /* terms of one group are joined by OR */
	int not;              /* its group is left out */
	/* filled by the caller before query_fts: */
	int empty;            /* the tokenizer finds no word in it: left out */
	struct strv more;     /* typing: indexed words it begins, shortest
				 first, matched after the whole word */
};

struct query {
	struct query_term *terms;
	size_t n;
	int ngroups;
};

void query_init(struct query *q);
void query_done(struct query *q);

/* Read text into q (query_init'ed; query_done frees it).  COPSE_OK, or
 * COPSE_INVALID with a one-line reason in err ("OR needs a word after
 * it"); a query with no terms at all is COPSE_OK with q->n 0.
 * COPSE_NOMEM when memory runs out. */
int query_parse(const char *text, int flags, struct query *q, char *err, size_t errn);

/* The FTS5 MATCH expression for q into out (appended): each term a
 * quoted string, groups joined by AND, NOT groups after NOT.  Terms
 * marked empty are left out, and groups left with no term.  *whole (may
 * be NULL) gets the index, among the expression's phrases, of the whole
 * word of the typing term when it has longer words in `more` (for
 * ranking it first), else -1.  Returns 1 when there is something to
 * match, 0 when nothing is left (no matches: not an error), -1 on
 * ENOMEM. */
int query_fts(const struct query *q, struct buf *out, int *whole);

/* 1 when q leaves something out (has a NOT group). */
int query_has_not(const struct query *q);

/* The MATCH expression of q's NOT groups alone, joined by OR, into out
 * (nothing when q has none).  Returns 1 when there is one, 0 when
 * not, -1 on ENOMEM. */
int query_fts_not(const struct query *q, struct buf *out);

#endif
