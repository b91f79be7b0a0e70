/* entry.c - the repertoire: entries, tags, revisions, wiki links and
 * backlinks, "I used this" and reads (search: search.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/activity.h"
#include "copse/entry.h"
#include "copse/md.h"
#include "copse/text.h"
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

void entry_provenance_init(struct entry_provenance *p)
{
	memset(p, 0, sizeof *p);
	strv_init(&p->authors);
}

void entry_provenance_done(struct entry_provenance *p)
{
	if (!p)
		return;
	free(p->meeting_title);
	free(p->meeting_starts);
	free(p->notes);
	strv_done(&p->authors);
	entry_provenance_init(p);
}

void entry_wanted_init(struct entry_wanted *w)
{
	memset(w, 0, sizeof *w);
	strv_init(&w->from);
}

void entry_wanted_done(struct entry_wanted *w)
{
	if (!w)
		return;
	free(w->title);
	free(w->from_ids);
	strv_done(&w->from);
	entry_wanted_init(w);
}

STORE_DONE_ELEM(entry_wanted)

void entry_wanted_list_free(struct entry_wanted *v, size_t n)
{
	store_list_free(v, n, sizeof *v, entry_wanted_done_elem);
}


/* ---- reading ---- */

#define ENTRY_COLS "e.id, e.title, e.kind, e.body, e.author, e.status, e.created," \
	" e.updated, e.version, e.source_meeting_id, e.source_note_id, e.uses"
/* What a list row shows: ENTRY_COLS without the body. */
#define ENTRY_ROW_COLS "e.id, e.title, e.kind, '', e.author, e.status, e.created," \
	" e.updated, e.version, e.source_meeting_id, e.source_note_id, e.uses"

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
				 " ORDER BY e.status = 'retired', e.id LIMIT 1", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, title ? title : "");
	snprintf(msg, sizeof msg, "entry '%.200s': no such entry", title ? title : "");
	return entry_get_one(db, st, out, msg);
}

/* Columns of each title entry_find_start names when several start so. */
#define ENTRY_START_COLS 20

int entry_find_start(struct db *db, const char *text, struct entry *out)
{
	sqlite3_stmt *st;
	struct buf msg;
	int64_t id = 0;
	int status, rc, n = 0;

	if ((status = entry_find_title(db, text, out)) != COPSE_NOTFOUND)
		return status;
	/* title_key is copse_fold(title): the typed text folded alike */
	if ((status = db_prepare(db, "SELECT e.id, e.title, count(*) OVER () FROM entry e"
				 " WHERE substr(e.title_key, 1, length(copse_fold(trim(?1))))"
				 "  = copse_fold(trim(?1)) AND trim(?1) <> ''"
				 " ORDER BY e.status = 'retired', e.title_key, e.id LIMIT 2",
				 &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, text ? text : "");
	buf_init(&msg);
	/* the message fits a status line: two titles, clipped */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 1);
		char *cl = text_clip(t ? t : "", ENTRY_START_COLS, 0, 0);

		if (!n) {
			id = sqlite3_column_int64(st, 0);
			n = sqlite3_column_int(st, 2);
			buf_printf(&msg, "'%.40s' starts %d titles: ", text, n);
		}
		buf_printf(&msg, "%s%s", msg.len && msg.s[msg.len - 1] == ' ' ? "" : ", ",
			   cl ? cl : "");
		free(cl);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_done(&msg);
		return db_sqlite_fail(db, rc, "entries");
	}
	if (n > 2)
		buf_printf(&msg, ", %d more", n - 2);
	if (n > 1)
		status = db_fail(db, COPSE_INVALID, "%s", msg.s ? msg.s : "");
	else if (n == 1)
		status = entry_get(db, id, out);
	else
		status = db_fail(db, COPSE_NOTFOUND, "entry '%.200s': no title is or starts so",
				 text ? text : "");
	buf_done(&msg);
	return status;
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

/* The filter of entry_list and entry_page (entry_bind_filter): ?1 a
 * piece of the title (case and accents ignored, as the order), a tag or
 * the author, ?6 tag, ?7 kind, ?8 only tags, ?9 only the author, ?10
 * status (NULL: not retired, 'all': any), ?11 orphans only.  (?2 .. ?5
 * are a page's key and limit: store_page_prepare.)  Only the conditions
 * f asks for are written, so that a list with no filter is counted
 * from an index alone, never by reading every entry. */
static int entry_where(const struct entry_filter *f, const char *q, struct buf *out)
{
	const char *and = "";
	int rc = 0;

	buf_init(out);
#define COND(text) do { rc |= buf_puts(out, and) | buf_puts(out, text); and = " AND "; } while (0)
	if (f && f->tag)
		COND("EXISTS (SELECT 1 FROM entry_tag t"
		     " WHERE t.entry_id = e.id AND t.tag = ?6 COLLATE NOCASE)");
	if (f && f->kind)
		COND("e.kind = ?7");
	if (q)
		COND("((NOT ?8 AND NOT ?9 AND instr(e.title_key, copse_fold(?1)) > 0)"
		     " OR (NOT ?8 AND instr(lower(e.author), lower(?1)) > 0)"
		     " OR (NOT ?9 AND EXISTS (SELECT 1 FROM entry_tag t"
		     "   WHERE t.entry_id = e.id AND instr(lower(t.tag), lower(?1)) > 0)))");
	if (!f || !f->status)
		COND("e.status <> 'retired'");
	else if (strcmp(f->status, "all") != 0)
		COND("e.status = ?10");
	if (f && f->orphans)
		COND("NOT EXISTS (SELECT 1 FROM entry_link l WHERE l.entry_id = e.id)"
		     " AND NOT EXISTS (SELECT 1 FROM entry_link l WHERE l.target = e.title)");
	if (!*and)
		COND("1");
#undef COND
	return rc;
}

/* Check f (NULL: none) and make *q its query as ?1 takes it: "#x" and
 * "@x" look only at tags or at the author. */
static int entry_check_filter(struct db *db, const struct entry_filter *f, const char **q)
{
	int status;

	*q = f ? f->query : NULL;
	if (*q && (**q == '#' || **q == '@'))
		(*q)++;
	if (*q && !**q)
		*q = NULL;
	if (f && f->status && strcmp(f->status, "all") != 0 &&
	    (status = store_check_one_of(db, "status", f->status, entry_statuses)) != COPSE_OK)
		return status;
	return COPSE_OK;
}

/* Bind ?6 .. ?11 of entry_where for f (NULL: none). */
static void entry_bind_filter(sqlite3_stmt *st, const struct entry_filter *f)
{
	const char *q = f ? f->query : NULL;

	store_bind_text(st, 6, f ? f->tag : NULL);
	store_bind_text(st, 7, f ? f->kind : NULL);
	sqlite3_bind_int(st, 8, q && *q == '#');
	sqlite3_bind_int(st, 9, q && *q == '@');
	store_bind_text(st, 10, f ? f->status : NULL);
	sqlite3_bind_int(st, 11, f && f->orphans);
}

/* The orders of entry_list (and its pages, below). */
static const char *const entry_orders[] = {
	[ENTRY_SORT_TITLE] = " ORDER BY e.title_key, e.title, e.id",
	[ENTRY_SORT_UPDATED] = " ORDER BY e.updated DESC, e.id DESC",
	[ENTRY_SORT_USED] = " ORDER BY -e.uses, e.title_key, e.title, e.id",
};

static int entry_sort(const struct entry_filter *f)
{
	return f && f->sort >= ENTRY_SORT_TITLE && f->sort <= ENTRY_SORT_USED ? f->sort : 0;
}

int entry_list(struct db *db, const struct entry_filter *f,
	       struct entry **out, size_t *n)
{
	const char *q;
	struct buf where, sql;
	sqlite3_stmt *st;
	int status, rc;

	*out = NULL;
	*n = 0;
	if ((status = entry_check_filter(db, f, &q)) != COPSE_OK)
		return status;
	rc = entry_where(f, q, &where);
	buf_init(&sql);
	rc |= buf_printf(&sql, "SELECT %s FROM entry e WHERE %s%s",
			 f && f->no_body ? ENTRY_ROW_COLS : ENTRY_COLS, where.s ? where.s : "1",
			 entry_orders[entry_sort(f)]);
	status = rc ? db_nomem(db) : db_prepare(db, sql.s, &st);
	buf_done(&where);
	buf_done(&sql);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, q);
	entry_bind_filter(st, f);
	return entry_collect(db, st, out, n);
}

/* ---- the Repertoire, by the screenful ---- */

/* The orders of entry_orders as keys (entry_key): the title's (title_key
 * is copse_fold(title), as COLLATE FOLD sorts) from the index
 * entry_title_key, which holds what a row shows, so a screenful, a
 * count or a filter on the title never reads the bodies; the last
 * changed first from entry_updated; the most used first from
 * entry_used_key. */
static const struct store_list entry_pages[] = {
	[ENTRY_SORT_TITLE] = {
		ENTRY_ROW_COLS, "entry e", NULL,
		"e.title_key, e.title, e.id", "copse_fold(?2), ?2, ?3", 0,
	},
	[ENTRY_SORT_UPDATED] = {
		ENTRY_ROW_COLS, "entry e", NULL,
		"e.updated, e.id", "?2, ?3", 1,
	},
	[ENTRY_SORT_USED] = {
		ENTRY_ROW_COLS, "entry e", NULL,
		"-e.uses, e.title_key, e.title, e.id", "-?4, copse_fold(?2), ?2, ?3", 0,
	},
};

/* The list of entry_pages for f, its filter written in *where (done by
 * the caller). */
static int entry_pages_for(struct db *db, const struct entry_filter *f, const char **q,
			   struct store_list *l, struct buf *where)
{
	int status = entry_check_filter(db, f, q);

	buf_init(where);
	if (status != COPSE_OK)
		return status;
	if (entry_where(f, *q, where) != 0)
		return db_nomem(db);
	*l = entry_pages[entry_sort(f)];
	l->where = where->s;
	return COPSE_OK;
}

int entry_page(struct db *db, const struct entry_filter *f, const struct page_req *r,
	       struct entry **out, size_t *n)
{
	struct store_list l;
	struct buf where;
	sqlite3_stmt *st;
	const char *q;
	int status;

	*out = NULL;
	*n = 0;
	status = entry_pages_for(db, f, &q, &l, &where);
	if (status == COPSE_OK)
		status = store_page_prepare(db, &l, q, r, &st);
	buf_done(&where);
	if (status != COPSE_OK)
		return status;
	entry_bind_filter(st, f);
	return store_collect(db, st, sizeof **out, entry_row, entry_done_elem, "entries",
			     (void **)out, n);
}

int entry_count(struct db *db, const struct entry_filter *f, const struct page_key *before,
		int64_t *n)
{
	struct store_list l;
	struct buf where;
	sqlite3_stmt *st;
	const char *q;
	int status;

	*n = 0;
	status = entry_pages_for(db, f, &q, &l, &where);
	if (status == COPSE_OK)
		status = store_count_prepare(db, &l, q, before, &st);
	buf_done(&where);
	if (status != COPSE_OK)
		return status;
	entry_bind_filter(st, f);
	return db_step_int(db, st, n);
}

int entry_key(const struct entry_filter *f, const struct entry *e, struct page_key *k)
{
	switch (entry_sort(f)) {
	case ENTRY_SORT_UPDATED:
		return page_key_set(k, 0, e->updated, e->id);
	case ENTRY_SORT_USED:
		return page_key_set(k, e->uses, e->title, e->id);
	default:
		return page_key_set(k, 0, e->title, e->id);
	}
}

int entry_recent(struct db *db, size_t limit, struct entry **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT " ENTRY_ROW_COLS " FROM entry e"
			    " WHERE e.status <> 'retired'"
			    " ORDER BY e.updated DESC, e.id DESC LIMIT ?", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)limit);
	return store_collect(db, st, sizeof **out, entry_row, entry_done_elem, "entries",
			     (void **)out, n);
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

/* Write prepared entry e (entry_prepare gave tags and links) as a new
 * entry, inside the caller's transaction: no Markdown is parsed here. */
static int entry_insert(struct db *db, struct entry *e, const struct strv *tags,
			const struct strv *links, const char *now)
{
	sqlite3_stmt *st;
	int status;

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
		status = save_tags(db, e->id, tags);
	}
	if (status == COPSE_OK)
		status = save_revision(db, e, tags, now);
	if (status == COPSE_OK)
		status = entry_links_save(db, e->id, links);
	if (status == COPSE_OK)
		status = activity_log(db, "added", "entry", e->id, e->title);
	return status;
}

/* entry_prepare and the author and times of a new entry: all that comes
 * before the write lock of an add. */
static int entry_prepare_new(struct db *db, struct entry *e, struct strv *tags,
			     struct strv *links, char now[ISO_LEN])
{
	int status = entry_prepare(db, e, tags, links);

	time_now_iso(now);
	if (status == COPSE_OK &&
	    (store_set_str(&e->author, !str_empty(e->author) ? e->author : db_login(db)) != 0 ||
	     store_set_str(&e->created, now) != 0 || store_set_str(&e->updated, now) != 0))
		status = db_nomem(db);
	return status;
}

/* After an add: e takes the tags it was saved with, or is a new entry
 * again. */
static void entry_added(struct entry *e, struct strv *tags, int status)
{
	if (status == COPSE_OK) {
		strv_done(&e->tags);
		e->tags = *tags;
		strv_init(tags);
		e->uses = 0;
	} else {
		strv_done(tags);
		e->id = 0;
		e->version = 0;
	}
}

int entry_add(struct db *db, struct entry *e)
{
	struct strv tags, links;
	char now[ISO_LEN];
	int status = entry_prepare_new(db, e, &tags, &links, now);

	if (status != COPSE_OK || (status = db_write_begin(db)) != COPSE_OK) {
		strv_done(&tags);
		strv_done(&links);
		return status;
	}
	status = entry_insert(db, e, &tags, &links, now);
	status = db_write_end(db, status);
	strv_done(&links);
	entry_added(e, &tags, status);
	return status;
}

int store_entry_revision(struct db *db, int64_t id, const char *at)
{
	sqlite3_stmt *st;
	int status;

	status = db_prepare(db, "INSERT INTO revision(entry_id, version, title, kind, body, tags,"
			    " author, at) SELECT e.id, e.version, e.title, e.kind, e.body,"
			    " coalesce((SELECT group_concat(tag, ',') FROM (SELECT tag FROM entry_tag"
			    "   WHERE entry_id = e.id ORDER BY tag)), ''), ?2, ?3"
			    " FROM entry e WHERE e.id = ?1", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, db_login(db));
	store_bind_text(st, 3, at);
	return db_step_done(db, st, "entry revision");
}

/* ---- renaming: the links that point to a renamed entry ---- */

/* An entry that links to the renamed one: its body rewritten, and the
 * version that was rewritten. */
struct relink {
	int64_t id;
	int version;
	char *body;
	struct strv links;     /* its [[links]], read from the new body */
};

static void relink_free(struct relink *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].body);
		strv_done(&v[i].links);
	}
	free(v);
}

/* The entries other than self that link to [[from]], as (id, version,
 * body) rows; none while another entry has the title from. */
#define RELINK_SQL \
	"SELECT e.id, e.version, e.body FROM entry e" \
	" WHERE e.id IN (SELECT entry_id FROM entry_link WHERE target = trim(?2))" \
	" AND e.id <> ?1 AND NOT EXISTS (SELECT 1 FROM entry x" \
	"   WHERE x.title = trim(?2) COLLATE NOCASE AND x.id <> ?1)" \
	" ORDER BY e.id"

/* Rewrite body from -> to into a new string (*out, caller frees). */
static int relink_body(struct db *db, const char *body, const char *from, const char *to,
		       char **out)
{
	struct buf b;

	buf_init(&b);
	if (md_wiki_rename(body, from, to, &b) < 0 || !(*out = buf_steal(&b))) {
		buf_done(&b);
		return db_nomem(db);
	}
	return COPSE_OK;
}

/* relink_body for a linking entry, with its links read and the new
 * body checked as every saved text is. */
static int relink_one(struct db *db, struct relink *r, const char *body, const char *from,
		      const char *to)
{
	int status = relink_body(db, body, from, to, &r->body);

	if (status == COPSE_OK)
		status = store_check_md(db, "entry", r->body);
	if (status == COPSE_OK && md_wiki_links(r->body, &r->links) != 0)
		status = db_nomem(db);
	return status;
}

/* Every linking entry's body, rewritten.  Before the write lock have
 * is NULL; under it, have holds the rewrites made before, and an entry
 * still at the version rewritten takes its body from there (stolen)
 * instead of being rewritten again. */
static int relink_prepare(struct db *db, int64_t self, const char *from, const char *to,
			  struct relink *have, size_t nhave, struct relink **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int status, rc;

	*out = NULL;
	*n = 0;
	if ((status = db_prepare(db, RELINK_SQL, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, self);
	store_bind_text(st, 2, from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && status == COPSE_OK) {
		struct relink *r;

		if (store_grow((void **)out, &cap, *n, sizeof **out) != 0) {
			status = db_nomem(db);
			break;
		}
		r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int(st, 1);
		strv_init(&r->links);
		for (size_t k = 0; k < nhave && !r->body; k++)
			if (have[k].id == r->id && have[k].version == r->version) {
				r->body = have[k].body;
				r->links = have[k].links;
				have[k].body = NULL;
				strv_init(&have[k].links);
			}
		if (!r->body)
			status = relink_one(db, r, (const char *)sqlite3_column_text(st, 2), from,
					    to);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		status = db_sqlite_fail(db, rc, "entry links");
	sqlite3_finalize(st);
	return status;
}

/* Save one rewritten body as a new revision of its entry. */
static int relink_save(struct db *db, int64_t id, const char *body, const struct strv *links,
		       const char *now)
{
	sqlite3_stmt *st;
	char *title = NULL;
	int status;

	status = db_prepare(db, "UPDATE entry SET body = ?1, updated = ?2, version = version + 1"
			    " WHERE id = ?3", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, body);
	store_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, id);
	if ((status = db_step_done(db, st, "entry")) == COPSE_OK)
		status = store_entry_revision(db, id, now);
	if (status == COPSE_OK)
		status = entry_links_save(db, id, links);
	if (status == COPSE_OK)
		status = store_lookup(db, "SELECT title FROM entry WHERE id = ?", id, "entry",
				      &title);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "entry", id, title);
	free(title);
	return status;
}

/* Under the write lock: the linking entries as they are now.  One
 * still at the version that was rewritten takes the rewrite made
 * before; one that changed since, or started to link since, is
 * rewritten here. */
static int relink_apply(struct db *db, int64_t self, const char *from, const char *to,
			struct relink *v, size_t n, const char *now)
{
	struct relink *cur = NULL;
	size_t ncur = 0;
	int status;

	status = relink_prepare(db, self, from, to, v, n, &cur, &ncur);
	for (size_t i = 0; status == COPSE_OK && i < ncur; i++)
		status = relink_save(db, cur[i].id, cur[i].body, &cur[i].links, now);
	relink_free(cur, ncur);
	return status;
}

int entry_update(struct db *db, struct entry *e)
{
	sqlite3_stmt *st;
	struct strv tags, links;
	struct relink *rl = NULL;
	size_t nrl = 0;
	char now[ISO_LEN], *from = NULL, *orig_body = NULL;
	int status = entry_prepare(db, e, &tags, &links), old_version = e->version;

	time_now_iso(now);
	/* A new title: the links to the old one are rewritten before the
	 * lock is taken (the version check below catches a rename in
	 * between). */
	if (status == COPSE_OK)
		status = store_lookup(db, "SELECT title FROM entry WHERE id = ?", e->id, "entry",
				      &from);
	if (status == COPSE_OK && strcasecmp(from, e->title) != 0) {
		char *body = NULL;

		status = relink_prepare(db, e->id, from, e->title, NULL, 0, &rl, &nrl);
		if (status == COPSE_OK)
			status = relink_body(db, e->body, from, e->title, &body);
		if (status == COPSE_OK) {
			orig_body = e->body;   /* given back if the save fails */
			e->body = body;
			strv_done(&links);
			if (md_wiki_links(e->body, &links) != 0)
				status = db_nomem(db);
		}
	} else {
		free(from);
		from = NULL;
	}
	if (status != COPSE_OK || (status = db_write_begin(db)) != COPSE_OK) {
		strv_done(&tags);
		strv_done(&links);
		relink_free(rl, nrl);
		free(from);
		if (orig_body) {
			free(e->body);
			e->body = orig_body;
		}
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
	if (status == COPSE_OK && from)
		status = relink_apply(db, e->id, from, e->title, rl, nrl, now);
	status = db_write_end(db, status);
	strv_done(&links);
	relink_free(rl, nrl);
	free(from);
	if (status != COPSE_OK && orig_body) {
		free(e->body);
		e->body = orig_body;
		orig_body = NULL;
	}
	free(orig_body);
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

int entry_revision(struct db *db, int64_t id, int version, struct revision *out)
{
	sqlite3_stmt *st;
	char msg[96];
	int status;

	revision_init(out);
	if ((status = entry_exists(db, id)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT entry_id, version, title, kind, body, tags, author, at"
			    " FROM revision WHERE entry_id = ? AND version = ?", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	snprintf(msg, sizeof msg, "entry %lld: no revision %d", (long long)id, version);
	status = store_get_row(db, st, revision_row, out, "entry history", msg);
	if (status != COPSE_OK)
		revision_done(out);
	return status;
}

int entry_restore(struct db *db, int64_t id, int version, int *new_version)
{
	struct revision r;
	struct entry e;
	int status;

	if (new_version)
		*new_version = 0;
	entry_init(&e);
	status = entry_revision(db, id, version, &r);
	if (status == COPSE_OK)
		status = entry_get(db, id, &e);
	if (status == COPSE_OK) {
		strv_done(&e.tags);
		strv_init(&e.tags);
		if (store_set_str(&e.title, r.title) != 0 || store_set_str(&e.kind, r.kind) != 0 ||
		    store_set_str(&e.body, r.body) != 0 || strv_split(&e.tags, r.tags, ',') != 0)
			status = db_nomem(db);
	}
	if (status == COPSE_OK)
		status = entry_update(db, &e);
	if (status == COPSE_OK && new_version)
		*new_version = e.version;
	revision_done(&r);
	entry_done(&e);
	return status;
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
			    " AND e.status <> 'retired'"
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

/* ---- harvest ---- */

/* A note to harvest: its id, author, kind and text. */
struct harvest_note {
	int64_t id;
	int version;
	char *author, *kind, *body;
};

static void harvest_note_done(void *elem)
{
	struct harvest_note *h = elem;

	free(h->author);
	free(h->kind);
	free(h->body);
}

static int harvest_note_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct harvest_note *h = elem;

	h->id = sqlite3_column_int64(st, 0);
	h->author = store_col_str(st, 1);
	h->kind = store_col_str(st, 2);
	h->body = store_col_str(st, 3);
	h->version = sqlite3_column_int(st, 4);
	return h->author && h->kind && h->body ? COPSE_OK : db_nomem(db);
}

/* The notes to harvest, in the order of the minutes: those named, or
 * the meeting's decisions.  Each named one must be in the meeting. */
static int harvest_notes(struct db *db, int64_t meeting_id, const int64_t *ids, size_t n,
			 struct harvest_note **out, size_t *len)
{
	sqlite3_stmt *st;
	struct buf sql;
	int status;

	*out = NULL;
	*len = 0;
	for (size_t i = 0; i < n; i++) {
		char *in = NULL;

		status = store_lookup(db, "SELECT meeting_id FROM note WHERE id = ?", ids[i], "note",
				      &in);
		if (status == COPSE_OK && strtoll(in, NULL, 10) != meeting_id)
			status = db_fail(db, COPSE_INVALID, "note %lld: not in meeting %lld",
					 (long long)ids[i], (long long)meeting_id);
		free(in);
		if (status != COPSE_OK)
			return status;
	}
	buf_init(&sql);
	buf_puts(&sql, "SELECT id, author, kind, body, version FROM note WHERE meeting_id = ?1"
		 " AND ");
	if (n == 0) {
		buf_puts(&sql, "kind = 'decision'");
	} else {
		buf_puts(&sql, "id IN (");
		for (size_t i = 0; i < n; i++)
			buf_printf(&sql, "%s%lld", i ? ", " : "", (long long)ids[i]);
		buf_puts(&sql, ")");
	}
	if (buf_puts(&sql, " ORDER BY created, id") != 0) {
		buf_done(&sql);
		return db_nomem(db);
	}
	status = db_prepare(db, sql.s, &st);
	buf_done(&sql);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, meeting_id);
	status = store_collect(db, st, sizeof **out, harvest_note_row, harvest_note_done, "notes",
			       (void **)out, len);
	if (status == COPSE_OK && *len == 0)
		status = db_fail(db, COPSE_INVALID, "meeting %lld: no decisions to harvest"
				 " (name the notes)", (long long)meeting_id);
	return status;
}

/* The draft's body: each note an item of a list, decisions and
 * questions said so, its further lines indented under it. */
static int harvest_body(const struct harvest_note *v, size_t n, struct buf *b)
{
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		const char *p = v[i].body;

		rc |= buf_puts(b, "- ");
		if (strcmp(v[i].kind, "decision") == 0)
			rc |= buf_puts(b, "Decision: ");
		else if (strcmp(v[i].kind, "question") == 0)
			rc |= buf_puts(b, "Question: ");
		while (*p) {
			size_t l = strcspn(p, "\n");

			rc |= buf_add(b, p, l);
			p += l;
			if (*p == '\n' && *++p)
				rc |= buf_puts(b, "\n  ");
		}
		rc |= buf_putc(b, '\n');
	}
	return rc;
}

/* The notes of a harvest and the entry made from them, read and
 * prepared (its [[links]] parsed) before the write lock is taken. */
struct harvest {
	struct harvest_note *v;
	size_t len;
	struct entry e;
	struct strv tags, links;
	char now[ISO_LEN];
};

static void harvest_done(struct harvest *h)
{
	store_list_free(h->v, h->len, sizeof *h->v, harvest_note_done);
	entry_done(&h->e);
	strv_done(&h->tags);
	strv_done(&h->links);
	memset(h, 0, sizeof *h);
}

/* Read the notes and make the draft entry from them (h zeroed). */
static int harvest_read(struct db *db, int64_t meeting_id, const int64_t *notes, size_t n,
			const char *title, struct harvest *h)
{
	struct buf body;
	int status;

	entry_init(&h->e);
	strv_init(&h->tags);
	strv_init(&h->links);
	status = store_lookup(db, "SELECT id FROM meeting WHERE id = ?", meeting_id, "meeting",
			      NULL);
	if (status == COPSE_OK)
		status = harvest_notes(db, meeting_id, notes, n, &h->v, &h->len);
	if (status != COPSE_OK)
		return status;
	buf_init(&body);
	if (harvest_body(h->v, h->len, &body) != 0) {
		buf_done(&body);
		return db_nomem(db);
	}
	h->e.title = str_empty(title) ? store_summary(h->v[0].body) : xstrdup(title);
	h->e.body = buf_steal(&body);
	h->e.kind = xstrdup("lesson");
	h->e.status = xstrdup("draft");
	h->e.source_meeting_id = meeting_id;
	h->e.source_note_id = h->v[0].id;
	if (!h->e.title || !h->e.body || !h->e.kind || !h->e.status)
		return db_nomem(db);
	return entry_prepare_new(db, &h->e, &h->tags, &h->links, h->now);
}

/* Under the write lock: are the notes still those read (each at the
 * version read)?  COPSE_CONFLICT when one changed meanwhile. */
static int harvest_check(struct db *db, int64_t meeting_id, const int64_t *notes, size_t n,
			 const struct harvest *h)
{
	struct harvest_note *w = NULL;
	size_t len = 0;
	int status = store_lookup(db, "SELECT id FROM meeting WHERE id = ?", meeting_id,
				  "meeting", NULL);

	if (status == COPSE_OK)
		status = harvest_notes(db, meeting_id, notes, n, &w, &len);
	if (status == COPSE_OK && len != h->len)
		status = COPSE_CONFLICT;
	for (size_t i = 0; status == COPSE_OK && i < len; i++)
		if (w[i].id != h->v[i].id || w[i].version != h->v[i].version)
			status = COPSE_CONFLICT;
	store_list_free(w, len, sizeof *w, harvest_note_done);
	if (status == COPSE_CONFLICT)
		status = db_fail(db, COPSE_CONFLICT, "meeting %lld: its notes changed while they"
				 " were harvested; nothing saved, try again", (long long)meeting_id);
	return status;
}

/* The entry's sources: each note and its author. */
static int harvest_sources(struct db *db, const struct harvest *h)
{
	sqlite3_stmt *st;
	int status = db_prepare(db, "INSERT INTO entry_source(entry_id, note_id, author)"
				" VALUES (?, ?, ?)", &st);

	for (size_t i = 0; status == COPSE_OK && i < h->len; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, h->e.id);
		sqlite3_bind_int64(st, 2, h->v[i].id);
		store_bind_text(st, 3, h->v[i].author);
		if (sqlite3_step(st) != SQLITE_DONE)
			status = db_sqlite_fail(db, sqlite3_errcode(db->h), "entry sources");
	}
	if (st)
		sqlite3_finalize(st);
	return status;
}

/* The notes are read and the entry's [[links]] parsed before the write
 * lock (issue 11: no Markdown parsing while holding it); under the lock
 * each note is checked to be at the version read, and a harvest that
 * lost that race is read again (a few times, then CONFLICT). */
int entry_harvest(struct db *db, int64_t meeting_id, const int64_t *notes, size_t n,
		  const char *title, int64_t *id)
{
	struct harvest h;
	int status;

	*id = 0;
	for (int tries = 0;; tries++) {
		memset(&h, 0, sizeof h);
		status = harvest_read(db, meeting_id, notes, n, title, &h);
		if (status == COPSE_OK && (status = db_write_begin(db)) == COPSE_OK) {
			status = harvest_check(db, meeting_id, notes, n, &h);
			if (status == COPSE_OK)
				status = entry_insert(db, &h.e, &h.tags, &h.links, h.now);
			if (status == COPSE_OK)
				status = harvest_sources(db, &h);
			status = db_write_end(db, status);
		}
		if (status == COPSE_OK)
			*id = h.e.id;
		harvest_done(&h);
		if (status != COPSE_CONFLICT || tries == 2)
			return status;
	}
}

int entry_provenance(struct db *db, int64_t id, struct entry_provenance *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int status, rc;

	entry_provenance_init(out);
	status = db_prepare(db, "SELECT m.id, m.title, m.starts FROM entry e"
			    " JOIN meeting m ON m.id = e.source_meeting_id WHERE e.id = ?", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->meeting_id = sqlite3_column_int64(st, 0);
		if (!(out->meeting_title = store_col_str(st, 1)) ||
		    !(out->meeting_starts = store_col_str(st, 2)))
			status = db_nomem(db);
	} else if (rc != SQLITE_DONE) {
		status = db_sqlite_fail(db, rc, "entry sources");
	}
	sqlite3_finalize(st);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT coalesce(note_id, 0), author FROM entry_source"
				    " WHERE entry_id = ? ORDER BY id", &st);
	if (status != COPSE_OK) {
		entry_provenance_done(out);
		return status;
	}
	sqlite3_bind_int64(st, 1, id);
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 1);
		int seen = 0;

		if (store_grow((void **)&out->notes, &cap, out->nnotes, sizeof *out->notes) != 0) {
			status = db_nomem(db);
			break;
		}
		out->notes[out->nnotes++] = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < out->authors.n; i++)
			seen |= strcmp(out->authors.v[i], who) == 0;
		if (!seen && strv_push(&out->authors, who) != 0)
			status = db_nomem(db);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "entry sources");
	sqlite3_finalize(st);
	if (status != COPSE_OK)
		entry_provenance_done(out);
	return status;
}

/* ---- wanted: linked, not written ---- */

int entry_wanted(struct db *db, struct entry_wanted **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0, fcap = 0;
	int status, rc;

	*out = NULL;
	*n = 0;
	/* one row per (title, linking entry), grouped by title here as
	 * the rows come, in order */
	status = db_prepare(db, "SELECT l.target, e.id, e.title FROM entry_link l"
			    " JOIN entry e ON e.id = l.entry_id"
			    " WHERE NOT EXISTS (SELECT 1 FROM entry x"
			    "   WHERE x.title = l.target COLLATE NOCASE)"
			    " ORDER BY l.target COLLATE NOCASE, e.title COLLATE FOLD, e.id", &st);
	if (status != COPSE_OK)
		return status;
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		struct entry_wanted *w = *n ? &(*out)[*n - 1] : NULL;

		if (!w || strcasecmp(w->title, t) != 0) {
			if (store_grow((void **)out, &cap, *n, sizeof **out) != 0) {
				status = db_nomem(db);
				break;
			}
			w = &(*out)[(*n)++];
			entry_wanted_init(w);
			fcap = 0;
			if (!(w->title = xstrdup(t))) {
				status = db_nomem(db);
				break;
			}
		}
		if (store_grow((void **)&w->from_ids, &fcap, w->from.n, sizeof *w->from_ids) != 0 ||
		    strv_push(&w->from, (const char *)sqlite3_column_text(st, 2)) != 0) {
			status = db_nomem(db);
			break;
		}
		w->from_ids[w->from.n - 1] = sqlite3_column_int64(st, 1);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "wanted entries");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		entry_wanted_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
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
