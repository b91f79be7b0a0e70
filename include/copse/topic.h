/* topic.h - issues in the domain raised by anyone, with one vote per login. */
#ifndef COPSE_TOPIC_H
#define COPSE_TOPIC_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/page.h"

#define TOPIC_STATUSES "open", "exploring", "addressed", "parked"

struct topic {
	int64_t id;
	char *title;
	char *body;            /* Markdown */
	char *status;          /* open|exploring|addressed|parked (default open) */
	char *author;          /* login */
	char *created, *updated;
	int version;
	int votes;             /* filled by get/list */
	int voted;             /* 1 if db_login() has voted (get/list) */
	int n_meetings, n_entries;  /* linked (get/list) */
};

struct topic_filter {
	const char *status;    /* NULL: any */
	const char *query;     /* NULL: any; substring of title */
};

/* Memory, the pattern of db.h: topic_get fills *out, which the caller
 * frees with topic_done; lists are freed with topic_list_free. */
void topic_init(struct topic *t);
void topic_done(struct topic *t);
void topic_list_free(struct topic *v, size_t n);

int topic_add(struct db *db, struct topic *t);
int topic_get(struct db *db, int64_t id, struct topic *out);
/* Ordered by votes (most first), then newest. */
int topic_list(struct db *db, const struct topic_filter *f,
	       struct topic **out, size_t *n);
/* The Topics panel by the screenful (page.h): r's rows of topic_list's
 * list, without bodies, whose title has query in it (case and accents
 * ignored; NULL or "": all).  topic_count counts them, or those before
 * key `before` when it is not NULL; topic_key is t's key in that list. */
int topic_page(struct db *db, const char *query, const struct page_req *r,
	       struct topic **out, size_t *n);
int topic_count(struct db *db, const char *query, const struct page_key *before, int64_t *n);
int topic_key(const struct topic *t, struct page_key *k);
int topic_update(struct db *db, struct topic *t);   /* version check */
/* Into the trash (trash.h) with its votes and links. */
int topic_delete(struct db *db, int64_t id);
/* One vote per login: CONFLICT "topic 3: you have already voted". */
int topic_vote(struct db *db, int64_t id);
int topic_unvote(struct db *db, int64_t id);
int topic_link_meeting(struct db *db, int64_t topic_id, int64_t meeting_id);
int topic_link_entry(struct db *db, int64_t topic_id, int64_t entry_id);
/* Ids of linked meetings / entries; caller frees *meeting_ids and
 * *entry_ids (free()). */
int topic_links(struct db *db, int64_t topic_id, int64_t **meeting_ids,
		size_t *nm, int64_t **entry_ids, size_t *ne);

#endif
