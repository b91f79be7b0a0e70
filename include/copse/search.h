/* search.h - full-text search over entries, topics, members and the
 * minutes' notes, in copse's own query language (query.h).
 *
 * Hits come grouped by kind, entries first, each group best first.
 * Every kind is ranked on its own (bm25 scores of different tables are
 * never compared).  Entries: those whose title or tags match come first
 * (a title match before a tags-only one), then those matched only
 * across their text; an entry is never both.  While typing, the whole
 * word typed comes before the longer words it begins.
 *
 * Each table is asked once: its best rows by rank with a limit, a
 * snippet made for those rows only.  A word found in more than
 * SEARCH_RANKED items of one table is ranked among the newest
 * SEARCH_RANKED of them, so that searching a word in every entry costs
 * what searching a rarer one does (entries' titles and tags are ranked
 * the same way, in their own smaller index).
 */
#ifndef COPSE_SEARCH_H
#define COPSE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"

#define SEARCH_RANKED 5000

/* In the order the groups come in. */
enum search_kind {
	SEARCH_ENTRY,
	SEARCH_TOPIC,
	SEARCH_MEMBER,
	SEARCH_NOTE,
	SEARCH_NKINDS
};

/* A matching word in a hit's text: bytes [off, off + len). */
struct search_span {
	size_t off, len;
};

struct search_hit {
	int kind;              /* enum search_kind */
	int64_t id;            /* entry, topic, member or note id */
	int64_t meeting_id;    /* a note's meeting */
	char *title;           /* entry or topic title, member name, a note's
				* meeting title; plain text as stored */
	char *status;          /* entry draft|published|retired, topic
				* status, member status, note kind */
	char *when;            /* a note's meeting start (ISO), else "" */
	char *snippet;         /* one line around the match (or the start
				* of the text when the title matched) */
	struct search_span *spans;   /* matching words in snippet */
	size_t nspans;
	struct search_span *tspans;  /* matching words in title */
	size_t ntspans;
	int head;              /* the title, name or tags matched */
	double rank;           /* lower is better, within its kind */
};

struct search_opts {
	int limit;             /* hits per kind at most (<= 0: 20) */
	int typing;            /* the query is being typed (QUERY_TYPING) */
	unsigned kinds;        /* 1 << enum search_kind for each; 0: all */
};

void search_hit_init(struct search_hit *h);
void search_hit_done(struct search_hit *h);
void search_hit_list_free(struct search_hit *v, size_t n);

/* "entry", "topic", "member", "note". */
const char *search_kind_name(int kind);

/* Search for query (o may be NULL: every kind, 20 of each).  *out
 * (caller frees with search_hit_list_free) gets the hits, grouped and
 * ranked as above; none is COPSE_OK with *n 0.  A malformed query is
 * COPSE_INVALID with a one-line reason in db_error ("search: OR needs
 * a word on each side"). */
int search_run(struct db *db, const char *query, const struct search_opts *o,
	       struct search_hit **out, size_t *n);

/* The word of hit h to look for in its page (the first matching word
 * of its snippet, else of its title), as the page has it; "" when
 * none.  Into out (n bytes). */
void search_hit_word(const struct search_hit *h, char *out, size_t n);

#endif
