/* entry.c - the repertoire: entries, tags, revisions, wiki links and
 * backlinks, "I used this", reads, and full-text search. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/entry.h"
#include "copse/md.h"
#include "copse/util.h"
#include "store.h"

static const char *const entry_kinds[] = { ENTRY_KINDS, NULL };
static const char *const entry_statuses[] = { ENTRY_STATUSES, NULL };

/* ---- memory ---- */

void entry_init(struct entry *e)
{
	memset(e, 0, sizeof *e);
	strv_init(&e->tags);
}

void entry_done(struct entry *e)
{
	if (!e)
		return;
	free(e->title);
	free(e->kind);
	free(e->body);
	free(e->author);
	free(e->status);
	free(e->created);
	free(e->updated);
	strv_done(&e->tags);
	entry_init(e);
}

STORE_DONE_ELEM(entry)

void entry_list_free(struct entry *v, size_t n)
{
	store_list_free(v, n, sizeof *v, entry_done_elem);
}

void revision_init(struct revision *r)
{
	memset(r, 0, sizeof *r);
}

void revision_done(struct revision *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->kind);
	free(r->body);
	free(r->tags);
	free(r->author);
	free(r->at);
	revision_init(r);
}

STORE_DONE_ELEM(revision)

void revision_list_free(struct revision *v, size_t n)
{
	store_list_free(v, n, sizeof *v, revision_done_elem);
}

void entry_use_init(struct entry_use *u)
{
	memset(u, 0, sizeof *u);
}

void entry_use_done(struct entry_use *u)
{
	if (!u)
		return;
	free(u->login);
	free(u->outcome);
	free(u->at);
	entry_use_init(u);
}

STORE_DONE_ELEM(entry_use)

void entry_use_list_free(struct entry_use *v, size_t n)
{
	store_list_free(v, n, sizeof *v, entry_use_done_elem);
}

void search_hit_init(struct search_hit *h)
{
	memset(h, 0, sizeof *h);
}

void search_hit_done(struct search_hit *h)
{
	if (!h)
		return;
	free(h->title);
	free(h->snippet);
	search_hit_init(h);
}

STORE_DONE_ELEM(search_hit)

void search_hit_list_free(struct search_hit *v, size_t n)
{
	store_list_free(v, n, sizeof *v, search_hit_done_elem);
}

/* ---- reading ---- */

#define ENTRY_COLS "e.id, e.title, e.kind, e.body, e.author, e.status, e.created," \
	" e.updated, e.version, e.source_meeting_id, e.source_note_id," \
	" (SELECT count(*) FROM entry_use u WHERE u.entry_id = e.id)"

static int entry_tag_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct entry *e = elem;

	return strv_push(&e->tags, (const char *)sqlite3_column_text(st, 1)) ? db_nomem(db)
		: COPSE_OK;
}

/* Load the tags of the n entries of v in one pass over entry_tag. */
static int load_tags(struct db *db, struct entry *v, size_t n)
{
	return store_attach(db, "SELECT entry_id, tag FROM entry_tag"
			    " WHERE entry_id BETWEEN ?1 AND ?2 ORDER BY entry_id, tag",
			    v, n, sizeof *v, offsetof(struct entry, id), entry_tag_row,
			    "entry tags");
}

/* Fill e from a row of ENTRY_COLS (tags loaded separately). */
static int entry_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct entry *e = elem;

	entry_init(e);
	e->id = sqlite3_column_int64(st, 0);
	e->title = store_col_str(st, 1);
	e->kind = store_col_str(st, 2);
	e->body = store_col_str(st, 3);
	e->author = store_col_str(st, 4);
	e->status = store_col_str(st, 5);
	e->created = store_col_str(st, 6);
	e->updated = store_col_str(st, 7);
	e->version = sqlite3_column_int(st, 8);
	e->source_meeting_id = sqlite3_column_int64(st, 9);
	e->source_note_id = sqlite3_column_int64(st, 10);
	e->uses = sqlite3_column_int(st, 11);
	if (!e->title || !e->kind || !e->body || !e->author || !e->status ||
	    !e->created || !e->updated)
		return db_nomem(db);
	return COPSE_OK;
}

/* Run a query of ENTRY_COLS expected to give one row. */
static int entry_get_one(struct db *db, sqlite3_stmt *st, struct entry *out,
			 const char *notfound)
{
	int status = store_get_row(db, st, entry_row, out, "entry", notfound);

	if (status == COPSE_OK)
		status = load_tags(db, out, 1);
	if (status != COPSE_OK)
		entry_done(out);
	return status;
}

int entry_get(struct db *db, int64_t id, struct entry *out)
{
	sqlite3_stmt *st;
	char msg[64];
	int status;

	entry_init(out);
	if ((status = db_prepare(db, "SELECT " ENTRY_COLS " FROM entry e WHERE e.id = ?",
				 &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(msg, sizeof msg, "entry %lld: no such entry", (long long)id);
	return entry_get_one(db, st, out, msg);
}

int entry_find_title(struct db *db, const char *title, struct entry *out)
{
	sqlite3_stmt *st;
	char msg[300];
	int status;

	entry_init(out);
	if ((status = db_prepare(db, "SELECT " ENTRY_COLS " FROM entry e"
				 " WHERE e.title = trim(?) COLLATE NOCASE"
				 " ORDER BY e.status = 'archived', e.id LIMIT 1", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, title ? title : "");
	snprintf(msg, sizeof msg, "entry '%.200s': no such entry", title ? title : "");
	return entry_get_one(db, st, out, msg);
}

int entry_titles_exist(struct db *db, const struct strv *titles, struct strv *existing)
{
	sqlite3_stmt *st;
	int status, rc = SQLITE_OK;

	if (titles->n == 0)
		return COPSE_OK;
	/* the same match as entry_find_title, one statement for all */
	if ((status = db_prepare(db, "SELECT 1 FROM entry e"
				 " WHERE e.title = trim(?) COLLATE NOCASE LIMIT 1", &st)) != COPSE_OK)
		return status;
	for (size_t i = 0; i < titles->n; i++) {
		sqlite3_reset(st);
		store_bind_text(st, 1, titles->v[i]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strv_push(existing, titles->v[i]) < 0) {
			sqlite3_finalize(st);
			return db_nomem(db);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return db_sqlite_fail(db, rc, "entries");
}

/* Collect every row of st (ENTRY_COLS) into a list, tags included. */
static int entry_collect(struct db *db, sqlite3_stmt *st, struct entry **out, size_t *n)
{
	int status = store_collect(db, st, sizeof **out, entry_row, entry_done_elem, "entries",
				   (void **)out, n);

	if (status == COPSE_OK && (status = load_tags(db, *out, *n)) != COPSE_OK) {
		entry_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

int entry_list(struct db *db, const struct entry_filter *f,
	       struct entry **out, size_t *n)
{
	static const struct entry_filter none;
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &none;
	status = db_prepare(db, "SELECT " ENTRY_COLS " FROM entry e"
			    " WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM entry_tag t"
			    "   WHERE t.entry_id = e.id AND t.tag = ?1 COLLATE NOCASE))"
			    " AND (?2 IS NULL OR e.kind = ?2)"
			    " AND (?3 IS NULL OR instr(lower(e.title), lower(?3)) > 0)"
			    " AND (?4 OR e.status <> 'archived')"
			    " ORDER BY e.title COLLATE FOLD, e.id", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, f->tag);
	store_bind_text(st, 2, f->kind);
	store_bind_text(st, 3, f->query);
	sqlite3_bind_int(st, 4, f->include_archived ? 1 : 0);
	return entry_collect(db, st, out, n);
}

/* ---- writing ---- */

static int entry_validate(struct db *db, struct entry *e)
{
	int status;

	if (str_empty(e->title))
		return db_fail(db, COPSE_INVALID, "entry: title must not be empty");
	if (e->kind && (status = store_check_one_of(db, "kind", e->kind, entry_kinds)) != COPSE_OK)
		return status;
	if (e->status &&
	    (status = store_check_one_of(db, "status", e->status, entry_statuses)) != COPSE_OK)
		return status;
	return store_check_md(db, "entry", e->body);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Tags as store_clean_tags leaves them, sorted (the order entry_get gives
 * them back in), in a copy: a failed save leaves the caller's untouched. */
static int clean_tags(struct db *db, const struct strv *in, struct strv *out)
{
	int status;

	strv_init(out);
	for (size_t i = 0; i < in->n; i++)
		if (strv_push(out, in->v[i]) != 0)
			return db_nomem(db);
	if ((status = store_clean_tags(db, out, "entry")) != COPSE_OK)
		return status;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_str);
	return COPSE_OK;
}

/* Replace the entry's tags. */
static int save_tags(struct db *db, int64_t id, const struct strv *tags)
{
	int status = store_run_id(db, "DELETE FROM entry_tag WHERE entry_id = ?", id, "entry tags");

	if (status == COPSE_OK)
		status = store_insert_strv(db, "INSERT OR IGNORE INTO entry_tag(entry_id, tag)"
					   " VALUES (?, ?)", id, tags, "entry tags");
	return status;
}

int entry_links_save(struct db *db, int64_t id, const struct strv *links)
{
	int status;

	status = store_run_id(db, "DELETE FROM entry_link WHERE entry_id = ?", id, "entry links");
	if (status == COPSE_OK)
		status = store_insert_strv(db, "INSERT OR IGNORE INTO entry_link(entry_id, target)"
					   " VALUES (?, ?)", id, links, "entry links");
	return status;
}

/* Record the current state of entry id as revision `version`. */
static int save_revision(struct db *db, const struct entry *e, const struct strv *tags,
			 const char *at)
{
	sqlite3_stmt *st;
	char *joined = strv_join(tags, ",");
	int status;

	if (!joined)
		return db_nomem(db);
	status = db_prepare(db, "INSERT INTO revision(entry_id, version, title, kind, body,"
			    " tags, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, e->id);
		sqlite3_bind_int(st, 2, e->version);
		store_bind_text(st, 3, e->title);
		store_bind_text(st, 4, e->kind);
		store_bind_text(st, 5, e->body ? e->body : "");
		store_bind_text(st, 6, joined);
		store_bind_text(st, 7, db_login(db));
		store_bind_text(st, 8, at);
		status = db_step_done(db, st, "entry revision");
	}
	free(joined);
	return status;
}

/* Validate e and fill in its defaults; *tags gets the tags to save
 * (clean_tags) and *links the [[wiki links]] of its body, read here,
 * before the transaction, so the write lock is never held while Markdown
 * is parsed (the caller frees both whatever the outcome). */
static int entry_prepare(struct db *db, struct entry *e, struct strv *tags, struct strv *links)
{
	int status;

	strv_init(tags);
	strv_init(links);
	if ((status = entry_validate(db, e)) != COPSE_OK)
		return status;
	if ((status = clean_tags(db, &e->tags, tags)) != COPSE_OK)
		return status;
	if (store_set_str(&e->kind, e->kind ? e->kind : "lesson") != 0 ||
	    store_set_str(&e->status, e->status ? e->status : "published") != 0 ||
	    store_set_str(&e->body, e->body ? e->body : "") != 0)
		return db_nomem(db);
	if (md_wiki_links(e->body, links) != 0)
		return db_nomem(db);
	str_trim(e->title);
	return COPSE_OK;
}

int entry_add(struct db *db, struct entry *e)
{
	sqlite3_stmt *st;
	struct strv tags, links;
	char now[ISO_LEN];
	int status = entry_prepare(db, e, &tags, &links);

	time_now_iso(now);
	if (status == COPSE_OK &&
	    (store_set_str(&e->author, !str_empty(e->author) ? e->author : db_login(db)) != 0 ||
	     store_set_str(&e->created, now) != 0 || store_set_str(&e->updated, now) != 0))
		status = db_nomem(db);
	if (status != COPSE_OK || (status = db_write_begin(db)) != COPSE_OK) {
		strv_done(&tags);
		strv_done(&links);
		return status;
	}
	status = db_prepare(db, "INSERT INTO entry(title, kind, body, author, status,"
			    " source_meeting_id, source_note_id, created, updated, version)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, e->title);
		store_bind_text(st, 2, e->kind);
		store_bind_text(st, 3, e->body);
		store_bind_text(st, 4, e->author);
		store_bind_text(st, 5, e->status);
		store_bind_id(st, 6, e->source_meeting_id);
		store_bind_id(st, 7, e->source_note_id);
		store_bind_text(st, 8, now);
		store_bind_text(st, 9, now);
		status = db_step_done(db, st, "entry");
		if ((status == COPSE_INVALID) && (e->source_meeting_id || e->source_note_id))
			status = db_fail(db, COPSE_NOTFOUND,
					 "entry: source meeting %lld or note %lld does not exist",
					 (long long)e->source_meeting_id,
					 (long long)e->source_note_id);
	}
	if (status == COPSE_OK) {
		e->id = sqlite3_last_insert_rowid(db->h);
		e->version = 1;
		status = save_tags(db, e->id, &tags);
	}
	if (status == COPSE_OK)
		status = save_revision(db, e, &tags, now);
	if (status == COPSE_OK)
		status = entry_links_save(db, e->id, &links);
	if (status == COPSE_OK)
		status = activity_log(db, "added", "entry", e->id, e->title);
	status = db_write_end(db, status);
	strv_done(&links);
	if (status == COPSE_OK) {
		strv_done(&e->tags);
		e->tags = tags;
		e->uses = 0;
	} else {
		strv_done(&tags);
		e->id = 0;
		e->version = 0;
	}
	return status;
}

int entry_update(struct db *db, struct entry *e)
{
	sqlite3_stmt *st;
	struct strv tags, links;
	char now[ISO_LEN];
	int status = entry_prepare(db, e, &tags, &links), old_version = e->version;

	time_now_iso(now);
	if (status != COPSE_OK || (status = db_write_begin(db)) != COPSE_OK) {
		strv_done(&tags);
		strv_done(&links);
		return status;
	}
	status = db_prepare(db, "UPDATE entry SET title = ?, kind = ?, body = ?, status = ?,"
			    " updated = ?, version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, e->title);
		store_bind_text(st, 2, e->kind);
		store_bind_text(st, 3, e->body);
		store_bind_text(st, 4, e->status);
		store_bind_text(st, 5, now);
		sqlite3_bind_int64(st, 6, e->id);
		sqlite3_bind_int(st, 7, e->version);
		status = store_step_update(db, st, "entry", "entry", e->id);
	}
	if (status == COPSE_OK) {
		e->version++;
		status = save_tags(db, e->id, &tags);
	}
	if (status == COPSE_OK)
		status = save_revision(db, e, &tags, now);
	if (status == COPSE_OK)
		status = entry_links_save(db, e->id, &links);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "entry", e->id, e->title);
	status = db_write_end(db, status);
	strv_done(&links);
	if (status == COPSE_OK) {
		strv_done(&e->tags);
		e->tags = tags;
		if (store_set_str(&e->updated, now) != 0)
			return db_nomem(db);
	} else {
		strv_done(&tags);
		e->version = old_version;   /* nothing was written */
	}
	return status;
}

int entry_delete(struct db *db, int64_t id)
{
	return store_trash_move(db, "entry", id);
}

/* Does entry id exist?  OK, NOTFOUND (with message) or an error. */
static int entry_exists(struct db *db, int64_t id)
{
	return store_lookup(db, "SELECT 1 FROM entry WHERE id = ?", id, "entry", NULL);
}

static int revision_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct revision *r = elem;

	r->entry_id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int(st, 1);
	r->title = store_col_str(st, 2);
	r->kind = store_col_str(st, 3);
	r->body = store_col_str(st, 4);
	r->tags = store_col_str(st, 5);
	r->author = store_col_str(st, 6);
	r->at = store_col_str(st, 7);
	if (!r->title || !r->kind || !r->body || !r->tags || !r->author || !r->at)
		return db_nomem(db);
	return COPSE_OK;
}

int entry_history(struct db *db, int64_t id, struct revision **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = entry_exists(db, id)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT entry_id, version, title, kind, body, tags, author, at"
			    " FROM revision WHERE entry_id = ? ORDER BY version DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	return store_collect(db, st, sizeof **out, revision_row, revision_done_elem,
			     "entry history", (void **)out, n);
}

int entry_backlinks(struct db *db, const char *title, struct entry **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	/* entry_link.target is COLLATE NOCASE, so = compares case-insensitively. */
	status = db_prepare(db, "SELECT " ENTRY_COLS " FROM entry e"
			    " WHERE e.id IN (SELECT entry_id FROM entry_link WHERE target = trim(?))"
			    " AND e.status <> 'archived'"
			    " ORDER BY e.title COLLATE FOLD, e.id", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, title ? title : "");
	return entry_collect(db, st, out, n);
}

int entry_use_add(struct db *db, int64_t entry_id, const char *outcome, int64_t *id)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *title = NULL;
	int status;

	if (id)
		*id = 0;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = store_lookup(db, "SELECT title FROM entry WHERE id = ?", entry_id, "entry", &title);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO entry_use(entry_id, login, outcome, at)"
				    " VALUES (?, ?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, entry_id);
		store_bind_text(st, 2, db_login(db));
		store_bind_text(st, 3, outcome ? outcome : "");
		store_bind_text(st, 4, now);
		status = db_step_done(db, st, "entry use");
	}
	if (status == COPSE_OK && id)
		*id = sqlite3_last_insert_rowid(db->h);
	if (status == COPSE_OK)
		status = activity_log(db, "used", "entry", entry_id, title);
	free(title);
	status = db_write_end(db, status);
	if (status != COPSE_OK && id)
		*id = 0;
	return status;
}

static int entry_use_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct entry_use *u = elem;

	u->id = sqlite3_column_int64(st, 0);
	u->entry_id = sqlite3_column_int64(st, 1);
	u->login = store_col_str(st, 2);
	u->outcome = store_col_str(st, 3);
	u->at = store_col_str(st, 4);
	return u->login && u->outcome && u->at ? COPSE_OK : db_nomem(db);
}

int entry_use_list(struct db *db, int64_t entry_id, struct entry_use **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = entry_exists(db, entry_id)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT id, entry_id, login, outcome, at FROM entry_use"
			    " WHERE entry_id = ? ORDER BY at DESC, id DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, entry_id);
	return store_collect(db, st, sizeof **out, entry_use_row, entry_use_done_elem, "entry uses",
			     (void **)out, n);
}

int entry_mark_read(struct db *db, int64_t entry_id)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	time_now_iso(now);
	if ((status = db_write_begin_brief(db)) != COPSE_OK)
		return status;
	status = entry_exists(db, entry_id);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO entry_read(entry_id, login, at)"
				    " VALUES (?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, entry_id);
		store_bind_text(st, 2, db_login(db));
		store_bind_text(st, 3, now);
		status = db_step_done(db, st, "entry read");
	}
	return db_write_end(db, status);
}

/* ---- search ---- */

/* Turn plain words into an FTS5 query: each whitespace-separated word
 * becomes a quoted string (a " inside doubled), so no word is ever read
 * as FTS syntax (AND, NEAR, -x, col:x, ^, parentheses ...); the last
 * word matches as a prefix.  Words are ANDed.  Empty when no words. */
static int fts_query(const char *q, struct buf *out)
{
	static const char blank[] = " \t\n\r\f\v";
	const char *p = q ? q : "";
	int first = 1;

	while (*(p += strspn(p, blank))) {
		const char *w = p;

		p += strcspn(p, blank);
		if (!first && buf_putc(out, ' ') != 0)
			return -1;
		first = 0;
		if (buf_putc(out, '"') != 0)
			return -1;
		for (const char *c = w; c < p; c++)
			if ((*c == '"' && buf_putc(out, '"') != 0) || buf_putc(out, *c) != 0)
				return -1;
		if (buf_putc(out, '"') != 0)
			return -1;
	}
	if (!first && buf_putc(out, '*') != 0)
		return -1;
	return 0;
}

static int search_hit_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct search_hit *h = elem;

	snprintf(h->kind, sizeof h->kind, "%s", (const char *)sqlite3_column_text(st, 0));
	h->id = sqlite3_column_int64(st, 1);
	h->meeting_id = sqlite3_column_int64(st, 2);
	h->title = store_col_str(st, 3);
	h->snippet = store_col_str(st, 4);
	h->rank = sqlite3_column_double(st, 5);
	if (!h->title || !h->snippet)
		return db_nomem(db);
	/* A snippet is one line of context: line breaks become spaces. */
	for (char *p = h->snippet; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return COPSE_OK;
}

/* Search in two steps: rank every match by bm25 alone (no joins, no
 * snippets), then walk the ranking and look up each hit -- title,
 * archived or not, snippet -- until the limit is reached.  snippet()
 * and reading entry rows are the costly parts; only the hits shown pay
 * for them.  The look-ups give columns in search_hit_row's order. */
#define RANK_SQL \
	"SELECT 'entry', rowid, bm25(entry_fts, 10.0, 5.0, 1.0) FROM entry_fts" \
	" WHERE entry_fts MATCH ?1" \
	" UNION ALL SELECT 'note', rowid, bm25(note_fts) FROM note_fts WHERE note_fts MATCH ?1" \
	" ORDER BY 3, 1, 2"
#define ENTRY_HIT_SQL \
	"SELECT 'entry', e.id, 0, e.title, snippet(entry_fts, -1, '[', ']', '…', 12), ?3" \
	" FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid" \
	" WHERE entry_fts MATCH ?1 AND entry_fts.rowid = ?2 AND e.status <> 'archived'"
#define NOTE_HIT_SQL \
	"SELECT 'note', n.id, n.meeting_id, m.title, snippet(note_fts, 0, '[', ']', '…', 12), ?3" \
	" FROM note_fts JOIN note n ON n.id = note_fts.rowid" \
	" JOIN meeting m ON m.id = n.meeting_id" \
	" WHERE note_fts MATCH ?1 AND note_fts.rowid = ?2"

/* Step the ranking st, appending the hits that qualify to *v. */
static int search_walk(struct db *db, sqlite3_stmt *st, sqlite3_stmt *hit[2], const char *q,
		       size_t limit, struct search_hit **v, size_t *len)
{
	size_t cap = 0;
	int status = COPSE_OK, rc = SQLITE_DONE;

	while (*len < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_stmt *h = hit[strcmp((const char *)sqlite3_column_text(st, 0), "note") == 0];

		sqlite3_reset(h);
		store_bind_text(h, 1, q);
		sqlite3_bind_int64(h, 2, sqlite3_column_int64(st, 1));
		sqlite3_bind_double(h, 3, sqlite3_column_double(st, 2));
		if ((rc = sqlite3_step(h)) == SQLITE_DONE)
			continue;      /* archived, or not in step with its table */
		if (rc != SQLITE_ROW)
			break;
		if (store_grow((void **)v, &cap, *len, sizeof **v) != 0)
			return db_nomem(db);
		if ((status = search_hit_row(db, h, &(*v)[(*len)++])) != COPSE_OK)
			return status;
	}
	if (*len < limit && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "search");
	return status;
}

int search_run(struct db *db, const char *query, int limit,
	       struct search_hit **out, size_t *n)
{
	sqlite3_stmt *st = NULL, *hit[2] = { NULL, NULL };
	struct search_hit *v = NULL;
	size_t len = 0;
	struct buf q;
	int status;

	*out = NULL;
	*n = 0;
	buf_init(&q);
	if (fts_query(query, &q) != 0) {
		buf_done(&q);
		return db_nomem(db);
	}
	if (q.len == 0) {
		buf_done(&q);
		return COPSE_OK;
	}
	if ((status = db_prepare(db, RANK_SQL, &st)) == COPSE_OK &&
	    (status = db_prepare(db, ENTRY_HIT_SQL, &hit[0])) == COPSE_OK &&
	    (status = db_prepare(db, NOTE_HIT_SQL, &hit[1])) == COPSE_OK) {
		store_bind_text(st, 1, q.s);
		status = search_walk(db, st, hit, q.s, limit > 0 ? (size_t)limit : SIZE_MAX,
				     &v, &len);
		/* The query is built so FTS5 cannot reject it; if it ever
		 * does, say so plainly rather than pass SQLite's words on. */
		if (status == COPSE_DB || status == COPSE_INVALID)
			status = db_fail(db, COPSE_INVALID,
					 "search '%.200s': cannot search for that", query);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(hit[0]);
	sqlite3_finalize(hit[1]);
	buf_done(&q);
	if (status != COPSE_OK) {
		search_hit_list_free(v, len);
		return status;
	}
	*out = v;
	*n = len;
	return COPSE_OK;
}
