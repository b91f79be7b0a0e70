/* entry.h - the repertoire: entries with tags, every revision kept,
 * [[wiki links]] and backlinks, "I used this" reports, full-text search. */
#ifndef COPSE_ENTRY_H
#define COPSE_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/util.h"

#define ENTRY_KINDS "lesson", "story", "tool", "method", "case", "faq"
#define ENTRY_STATUSES "draft", "published", "archived"

struct entry {
	int64_t id;
	char *title;
	char *kind;            /* lesson|story|tool|method|case|faq (default lesson) */
	char *body;            /* Markdown */
	char *author;          /* login */
	char *status;          /* draft|published|archived (default published) */
	char *created, *updated;
	int version;
	struct strv tags;
	int64_t source_meeting_id;  /* harvested from this meeting, 0 if not */
	int64_t source_note_id;     /* ... and this note, 0 if not */
	int uses;              /* number of "I used this" reports (get/list) */
};

struct entry_filter {
	const char *tag;       /* NULL: any */
	const char *kind;      /* NULL: any */
	const char *query;     /* NULL: any; substring of title */
	int include_archived;  /* 0: hide status archived */
};

struct revision {
	int64_t entry_id;
	int version;
	char *title, *kind, *body;
	char *tags;            /* comma-separated as saved */
	char *author;          /* login who saved this version */
	char *at;              /* ISO time */
};

struct entry_use {
	int64_t id, entry_id;
	char *login, *outcome, *at;
};

struct search_hit {
	char kind[8];          /* "entry" or "note" */
	int64_t id;            /* entry id or note id */
	int64_t meeting_id;    /* for notes */
	char *title;           /* entry title or meeting title */
	char *snippet;         /* plain text around the match, "[" "]" marks */
	double rank;           /* lower is better (bm25) */
};

/* Memory, the pattern of db.h: entry_get and entry_find_title fill
 * *out, which the caller frees with entry_done; lists are freed with
 * x_list_free. */
void entry_init(struct entry *e);
void entry_done(struct entry *e);
void entry_list_free(struct entry *v, size_t n);
void revision_init(struct revision *r);
void revision_done(struct revision *r);
void revision_list_free(struct revision *v, size_t n);
void entry_use_init(struct entry_use *u);
void entry_use_done(struct entry_use *u);
void entry_use_list_free(struct entry_use *v, size_t n);
void search_hit_init(struct search_hit *h);
void search_hit_done(struct search_hit *h);
void search_hit_list_free(struct search_hit *v, size_t n);

/* Insert; sets id, version 1, created/updated, author (db_login if unset)
 * and records revision 1. */
int entry_add(struct db *db, struct entry *e);
int entry_get(struct db *db, int64_t id, struct entry *out);
/* Case-insensitive exact title (for [[links]]), a live entry before an
 * archived one of the same title; NOTFOUND if none. */
int entry_find_title(struct db *db, const char *title, struct entry *out);
/* Of titles, push onto existing (as given) those an entry has, matched as
 * entry_find_title matches: for marking missing [[links]], one call for a
 * whole page. */
int entry_titles_exist(struct db *db, const struct strv *titles, struct strv *existing);
/* Ordered by title ignoring case and accents. */
int entry_list(struct db *db, const struct entry_filter *f,
	       struct entry **out, size_t *n);
/* Save title/kind/body/tags/status.  e->version must be the version that
 * was read: CONFLICT when someone saved in between (nothing written).
 * On success version is bumped and the new revision recorded. */
int entry_update(struct db *db, struct entry *e);
/* Into the trash (trash.h) with its tags, revisions, links, use
 * reports and reads.  Archiving (status archived) keeps it findable. */
int entry_delete(struct db *db, int64_t id);
/* All revisions, newest first. */
int entry_history(struct db *db, int64_t id, struct revision **out, size_t *n);
/* Entries whose body links to [[title]] (case-insensitive), archived
 * ones left out, ordered by title. */
int entry_backlinks(struct db *db, const char *title,
		    struct entry **out, size_t *n);
/* "I used this": one report by db_login() with an optional outcome. */
int entry_use_add(struct db *db, int64_t entry_id, const char *outcome,
		  int64_t *id);
int entry_use_list(struct db *db, int64_t entry_id,
		   struct entry_use **out, size_t *n);
/* Record that db_login() read the entry (feeds participation); like a
 * visit (activity.h), it gives up at once while another process writes. */
int entry_mark_read(struct db *db, int64_t entry_id);

/* Full-text search over entries (title weighted above tags above body)
 * and meeting notes.  The query is plain words (all must match, the last
 * one as a prefix); FTS syntax characters are taken literally. */
int search_run(struct db *db, const char *query, int limit,
	       struct search_hit **out, size_t *n);

#endif
