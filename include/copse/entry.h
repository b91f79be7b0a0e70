/* entry.h - the repertoire: entries with tags, every revision kept,
 * [[wiki links]] and backlinks, "I used this" reports (search: search.h). */
#ifndef COPSE_ENTRY_H
#define COPSE_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/page.h"
#include "copse/util.h"

#define ENTRY_KINDS "lesson", "story", "tool", "method", "case", "faq"
/* An entry's life: a draft, published, then retired (it stays findable,
 * marked, and leaves the default lists). */
#define ENTRY_STATUSES "draft", "published", "retired"
/* The orders of entry_list (enum entry_sort, in this order). */
#define ENTRY_SORTS "title", "updated", "used"

struct entry {
	int64_t id;
	char *title;
	char *kind;            /* lesson|story|tool|method|case|faq (default lesson) */
	char *body;            /* Markdown */
	char *author;          /* login */
	char *status;          /* draft|published|retired (default published) */
	char *created, *updated;
	int version;
	struct strv tags;
	int64_t source_meeting_id;  /* harvested from this meeting, 0 if not */
	int64_t source_note_id;     /* ... and this note, 0 if not */
	int uses;              /* number of "I used this" reports (stored) */
};

enum entry_sort {
	ENTRY_SORT_TITLE,      /* by title, ignoring case and accents */
	ENTRY_SORT_UPDATED,    /* the last changed first */
	ENTRY_SORT_USED,       /* the most used first (an index on the count) */
};

struct entry_filter {
	const char *tag;       /* NULL: any; else that tag (ignoring case) */
	const char *kind;      /* NULL: any */
	/* NULL: any; else a piece of the title, a tag or the author's
	 * handle (ignoring case); "#x" only tags, "@x" only the author */
	const char *query;
	const char *status;    /* NULL: draft and published; "all": any
				* status; else that status (checked) */
	int sort;              /* enum entry_sort */
	int orphans;           /* 1: only entries no [[link]] leads to or from */
	int no_body;           /* entry_list: leave the bodies out ("") */
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

/* Where a harvested entry came from: its meeting and notes (a note
 * deleted since has id 0) and their authors, each once, in order. */
struct entry_provenance {
	int64_t meeting_id;    /* 0: not harvested, or the meeting is gone */
	char *meeting_title;   /* NULL when meeting_id is 0 */
	char *meeting_starts;  /* ISO time */
	int64_t *notes;
	size_t nnotes;
	struct strv authors;
};

/* A title that [[links]] name and no entry has, and who links there. */
struct entry_wanted {
	char *title;           /* as the first link (by id) spells it */
	struct strv from;      /* titles of the entries linking to it */
	int64_t *from_ids;     /* ... and their ids, in the same order */
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
void entry_provenance_init(struct entry_provenance *p);
void entry_provenance_done(struct entry_provenance *p);
void entry_wanted_init(struct entry_wanted *w);
void entry_wanted_done(struct entry_wanted *w);
void entry_wanted_list_free(struct entry_wanted *v, size_t n);

/* Insert; sets id, version 1, created/updated, author (db_login if unset)
 * and records revision 1. */
int entry_add(struct db *db, struct entry *e);
int entry_get(struct db *db, int64_t id, struct entry *out);
/* Case-insensitive exact title (for [[links]]), a live entry before a
 * retired one of the same title; NOTFOUND if none. */
int entry_find_title(struct db *db, const char *title, struct entry *out);
/* What someone types to name an entry: its title (as entry_find_title),
 * else the one title that starts with text, case and accents ignored.
 * NOTFOUND when none does; INVALID when several do, the message naming
 * the first two ("'faq' starts 3 titles: FAQ: How Do Our M…, FAQ: Isn't
 * NVC Ju…, 1 more"). */
int entry_find_start(struct db *db, const char *text, struct entry *out);
/* Of titles, push onto existing (as given) those an entry has, matched as
 * entry_find_title matches: for marking missing [[links]], one call for a
 * whole page. */
int entry_titles_exist(struct db *db, const struct strv *titles, struct strv *existing);
/* Entries as f says (NULL: draft and published, by title); the
 * filter, the order and the count are the database's work.  INVALID
 * for an unknown status. */
int entry_list(struct db *db, const struct entry_filter *f,
	       struct entry **out, size_t *n);
/* The same list by the screenful (page.h): r's rows of what entry_list
 * gives for f, in its order, without bodies or tags.  entry_count counts
 * that list, or its entries before key `before` when it is not NULL;
 * entry_key is e's key in it (f: its order). */
int entry_page(struct db *db, const struct entry_filter *f, const struct page_req *r,
	       struct entry **out, size_t *n);
int entry_count(struct db *db, const struct entry_filter *f, const struct page_key *before,
		int64_t *n);
int entry_key(const struct entry_filter *f, const struct entry *e, struct page_key *k);
/* The limit entries changed last (not retired), newest first, without
 * bodies or tags. */
int entry_recent(struct db *db, size_t limit, struct entry **out, size_t *n);
/* Save title/kind/body/tags/status.  e->version must be the version that
 * was read: CONFLICT when someone saved in between (nothing written).
 * On success version is bumped and the new revision recorded.
 * A new title (not only its case) rewrites every [[Old title]] in the
 * bodies of the entries that link to it (and in e->body), each a new
 * revision of that entry; the rewrites are made before the write lock
 * is taken and checked against each entry's version under it.  Links
 * are left alone while another entry still has the old title. */
int entry_update(struct db *db, struct entry *e);
/* Into the trash (trash.h) with its tags, revisions, links, use
 * reports, reads and harvest sources.  Retiring (status retired) keeps
 * it findable instead. */
int entry_delete(struct db *db, int64_t id);
/* All revisions, newest first. */
int entry_history(struct db *db, int64_t id, struct revision **out, size_t *n);
/* Revision version of entry id into *out (revision_done); NOTFOUND
 * "entry 3: no revision 9". */
int entry_revision(struct db *db, int64_t id, int version, struct revision *out);
/* Make revision version the current text again (title, kind, tags,
 * body; the status stays): itself a new revision, saved as
 * entry_update saves.  *new_version (may be NULL) gets its number. */
int entry_restore(struct db *db, int64_t id, int version, int *new_version);
/* Entries whose body links to [[title]] (case-insensitive), retired
 * ones left out, ordered by title. */
int entry_backlinks(struct db *db, const char *title,
		    struct entry **out, size_t *n);
/* "I used this": one report by db_login() with an optional outcome. */
int entry_use_add(struct db *db, int64_t entry_id, const char *outcome,
		  int64_t *id);
int entry_use_list(struct db *db, int64_t entry_id,
		   struct entry_use **out, size_t *n);

/* Harvest: a draft entry whose body starts from notes of meeting
 * meeting_id (n ids; n 0: the meeting's decisions), in the order of the
 * minutes, remembering the meeting, each note and its author (see
 * entry_provenance).  title NULL or blank: the first note's first
 * line.  INVALID when a note is not in that meeting or there is
 * nothing to harvest.  *id gets the draft's id. */
int entry_harvest(struct db *db, int64_t meeting_id, const int64_t *notes, size_t n,
		  const char *title, int64_t *id);
/* Where entry id came from (all zero when it was not harvested). */
int entry_provenance(struct db *db, int64_t id, struct entry_provenance *out);

/* Titles linked to but not written, by title, each with the entries
 * that link there. */
int entry_wanted(struct db *db, struct entry_wanted **out, size_t *n);
/* Record that db_login() read the entry (feeds participation); like a
 * visit (activity.h), it gives up at once while another process writes. */
int entry_mark_read(struct db *db, int64_t entry_id);

#endif
