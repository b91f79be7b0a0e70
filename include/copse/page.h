/* page.h - long lists read by the screenful (keyset paging).
 *
 * A list that may be long (the repertoire, the members, the meetings)
 * is never read whole.  The store gives its rows some at a time, after
 * or before a row already read, found by where that row stands in the
 * list's order: its key.  No OFFSET: a read costs the rows it gives,
 * whatever the list's length, and rows added or removed meanwhile move
 * nothing that was read.  The store's verbs *_page, *_count and *_rank
 * (entry.h, member.h, meeting.h, topic.h) take the structs below; the
 * list view (view-list.c) keeps a window of rows around what is shown.
 *
 * A key holds what its list sorts by, as the verb that gave the row
 * says (an entry: its title and id); the caller only keeps it and gives
 * it back.
 */
#ifndef COPSE_PAGE_H
#define COPSE_PAGE_H

#include <stddef.h>
#include <stdint.h>

struct page_key {
	int64_t num;           /* a number the order goes by (votes), or 0 */
	char *text;            /* a text it goes by (a title, a time), or NULL */
	int64_t id;            /* the row's id, the last tie-break */
};

/* Memory: page_key_done frees text and zeroes k (k may be NULL). */
void page_key_init(struct page_key *k);
void page_key_done(struct page_key *k);
/* k (done first) becomes a copy of num, text (may be NULL) and id;
 * -1 on ENOMEM (k then zeroed). */
int page_key_set(struct page_key *k, int64_t num, const char *text, int64_t id);

/* Which rows to read. */
struct page_req {
	const struct page_key *from;  /* NULL: from the start (dir > 0) or
				       * the end (dir < 0) of the list */
	int dir;               /* > 0: rows after from, in the list's order;
				* < 0: rows before from, the nearest first */
	int incl;              /* from's own row too, when it is there */
	size_t limit;          /* at most this many */
};

#endif
