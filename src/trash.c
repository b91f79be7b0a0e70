/* trash.c - deleted rows kept for TRASH_DAYS days, and put back.
 *
 * A trash row holds, as JSON made by SQLite, every row that went with
 * the deleted one (its table's columns by name, read from the schema),
 * and the columns elsewhere that pointed at them and were set NULL by
 * the delete (an entry harvested from a deleted meeting):
 *
 *   {"rows": {"meeting": [{...}], "note": [{...}, ...], ...},
 *    "refs": {"entry.source_meeting_id": [[entry id, meeting id], ...]}}
 *
 * What goes with each kind is the table kinds[] below, the one place
 * that says it (trash.h lists it for readers).  Restoring inserts the
 * rows in that order (parents first) with their old ids, then sets the
 * references again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/trash.h"
#include "copse/util.h"
#include "store.h"

#define MAX_HANGS 8

/* Rows of table that go with the item (?1 is its id). */
struct hang {
	const char *table;
	const char *where;
	const char *one, *many;  /* how the question names them ("note", "notes");
				  * NULL: not named; many NULL: named without
				  * a count ("attendance") */
	const char *keep;        /* on restore, a row comes back only when this
				  * holds (SQL over the row's JSON, `value`):
				  * a link whose other end is gone stays gone */
};

/* A column elsewhere that points into what goes (ON DELETE SET NULL). */
struct ref {
	const char *table, *col;
	const char *where;       /* the rows pointing in, ?1 the item's id */
};

/* A column of the item's own row that refers to another kind's row. */
struct parent {
	const char *col, *kind;
	int optional;            /* NULL allowed: restored as NULL when that row
				  * is gone for good */
};

struct trash_kind {
	const char *name, *table;
	const char *title_col;
	const char *pronoun;     /* "its", "their" */
	struct hang hangs[MAX_HANGS];   /* [0]: the item's own row */
	struct ref refs[3];
	struct parent parents[3];
};

#define EXISTS(table, col) "EXISTS (SELECT 1 FROM " table " x WHERE x.id = json_extract(value, '$." col "'))"

static const struct trash_kind kinds[] = {
	{ "member", "member", "name", "their", {
		{ "member", "id = ?1", NULL, NULL, NULL },
		{ "member_tag", "member_id = ?1", "tag", "tags", NULL },
		{ "member_status_log", "member_id = ?1", NULL, NULL, NULL },
		{ "devnote", "member_id = ?1", "development note", "development notes", NULL },
		{ "participation", "member_id = ?1", NULL, NULL, NULL },
		{ "connection", "a = ?1 OR b = ?1", "connection", "connections",
		  EXISTS("member", "a") " AND " EXISTS("member", "b") },
		{ "attendance", "member_id = ?1", "attendance", NULL,
		  EXISTS("meeting", "meeting_id") },
		{ "suggestion_dismissed", "a = ?1 OR b = ?1", NULL, NULL,
		  EXISTS("member", "a") " AND " EXISTS("member", "b") },
	  }, { { "action", "owner_id", "owner_id = ?1" } }, { { NULL, NULL, 0 } } },
	{ "meeting", "meeting", "title", "its", {
		{ "meeting", "id = ?1", NULL, NULL, NULL },
		{ "meeting_revision", "meeting_id = ?1", NULL, NULL, NULL },
		{ "note", "meeting_id = ?1", "note", "notes", NULL },
		{ "action", "meeting_id = ?1 OR note_id IN (SELECT id FROM note WHERE meeting_id = ?1)",
		  "action", "actions", NULL },
		{ "attendance", "meeting_id = ?1", "attendance", NULL,
		  EXISTS("member", "member_id") },
		{ "topic_meeting", "meeting_id = ?1", NULL, NULL, EXISTS("topic", "topic_id") },
	  }, {
		{ "entry", "source_meeting_id", "source_meeting_id = ?1" },
		{ "entry", "source_note_id",
		  "source_note_id IN (SELECT id FROM note WHERE meeting_id = ?1)" },
		{ "entry_source", "note_id",
		  "note_id IN (SELECT id FROM note WHERE meeting_id = ?1)" },
	  }, { { NULL, NULL, 0 } } },
	{ "note", "note", "body", "its", {
		{ "note", "id = ?1", NULL, NULL, NULL },
		{ "action", "note_id = ?1", "action", "actions", NULL },
	  }, { { "entry", "source_note_id", "source_note_id = ?1" },
	       { "entry_source", "note_id", "note_id = ?1" } },
	  { { "meeting_id", "meeting", 0 } } },
	{ "action", "action", "title", "its", {
		{ "action", "id = ?1", NULL, NULL, NULL },
	  }, { { NULL, NULL, NULL } },
	  { { "meeting_id", "meeting", 1 }, { "note_id", "note", 1 },
	    { "owner_id", "member", 1 } } },
	{ "entry", "entry", "title", "its", {
		{ "entry", "id = ?1", NULL, NULL, NULL },
		{ "entry_tag", "entry_id = ?1", NULL, NULL, NULL },
		{ "revision", "entry_id = ?1", "revision", "revisions", NULL },
		{ "entry_link", "entry_id = ?1", NULL, NULL, NULL },
		{ "entry_use", "entry_id = ?1", "use report", "use reports", NULL },
		{ "entry_read", "entry_id = ?1", NULL, NULL, NULL },
		{ "topic_entry", "entry_id = ?1", NULL, NULL, EXISTS("topic", "topic_id") },
		{ "entry_source", "entry_id = ?1", NULL, NULL, NULL },
	  }, { { NULL, NULL, NULL } },
	  { { "source_meeting_id", "meeting", 1 }, { "source_note_id", "note", 1 } } },
	{ "topic", "topic", "title", "its", {
		{ "topic", "id = ?1", NULL, NULL, NULL },
		{ "topic_vote", "topic_id = ?1", "vote", "votes", NULL },
		{ "topic_meeting", "topic_id = ?1", NULL, NULL, EXISTS("meeting", "meeting_id") },
		{ "topic_entry", "topic_id = ?1", NULL, NULL, EXISTS("entry", "entry_id") },
	  }, { { NULL, NULL, NULL } }, { { NULL, NULL, 0 } } },
};

static const char *const kind_names[] = { TRASH_KINDS, NULL };

/* ---- memory ---- */

void trash_item_init(struct trash_item *t)
{
	memset(t, 0, sizeof *t);
}

void trash_item_done(struct trash_item *t)
{
	if (!t)
		return;
	free(t->kind);
	free(t->title);
	free(t->what);
	free(t->login);
	free(t->at);
	free(t->expires);
	trash_item_init(t);
}

STORE_DONE_ELEM(trash_item)

void trash_item_list_free(struct trash_item *v, size_t n)
{
	store_list_free(v, n, sizeof *v, trash_item_done_elem);
}

/* ---- helpers ---- */

static const struct trash_kind *kind_of(struct db *db, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (name && strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	store_check_one_of(db, "kind", name, kind_names);
	return NULL;
}

/* The column names of table, in order, into cols. */
static int table_cols(struct db *db, const char *table, struct strv *cols)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = db_prepare(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", &st)))
		return status;
	store_bind_text(st, 1, table);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (strv_push(cols, (const char *)sqlite3_column_text(st, 0)) != 0) {
			sqlite3_finalize(st);
			return db_nomem(db);
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, table);
}

/* Run sql (?1 = id) expecting one row; *text gets column 0 (caller
 * frees). */
static int one_text(struct db *db, const char *sql, int64_t id, char **text)
{
	sqlite3_stmt *st;
	int status, rc;

	*text = NULL;
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !(*text = store_col_str(st, 0)))
		status = db_nomem(db);
	else if (rc != SQLITE_ROW)
		status = db_sqlite_fail(db, rc, "trash");
	sqlite3_finalize(st);
	return status;
}

/* The item's title as the trash shows it; NOTFOUND when it is missing. */
static int item_title(struct db *db, const struct trash_kind *k, int64_t id, char **title)
{
	char sql[128], *raw = NULL;
	int status;

	*title = NULL;
	snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id = ?", k->title_col, k->table);
	if ((status = store_lookup(db, sql, id, k->name, &raw)) != COPSE_OK)
		return status;
	*title = store_summary(raw);
	free(raw);
	return *title ? COPSE_OK : db_nomem(db);
}

/* "23 notes, 2 actions and attendance" (or "") for what goes with item
 * id. */
static int item_what(struct db *db, const struct trash_kind *k, int64_t id, struct buf *out)
{
	struct strv parts;
	int status = COPSE_OK;

	strv_init(&parts);
	for (int i = 1; i < MAX_HANGS && k->hangs[i].table && status == COPSE_OK; i++) {
		const struct hang *h = &k->hangs[i];
		char sql[256], part[96];
		sqlite3_stmt *st;
		int64_t n = 0;

		if (!h->one)
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s", h->table, h->where);
		if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		if ((status = db_step_int(db, st, &n)) != COPSE_OK || n == 0)
			continue;
		if (!h->many)
			snprintf(part, sizeof part, "%s", h->one);
		else
			snprintf(part, sizeof part, "%lld %s", (long long)n, n == 1 ? h->one : h->many);
		if (strv_push(&parts, part) != 0)
			status = db_nomem(db);
	}
	for (size_t i = 0; i < parts.n && status == COPSE_OK; i++)
		if (buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == parts.n ? " and " : ", ",
			       parts.v[i]) != 0)
			status = db_nomem(db);
	if (status == COPSE_OK && buf_puts(out, "") != 0)
		status = db_nomem(db);
	strv_done(&parts);
	return status;
}

int trash_describe(struct db *db, const char *kind, int64_t id, struct trash_item *out)
{
	const struct trash_kind *k = kind_of(db, kind);
	struct buf what;
	int status;

	trash_item_init(out);
	if (!k)
		return COPSE_INVALID;
	buf_init(&what);
	status = item_title(db, k, id, &out->title);
	if (status == COPSE_OK)
		status = item_what(db, k, id, &what);
	if (status == COPSE_OK && (!(out->what = buf_steal(&what)) || !(out->kind = xstrdup(k->name))))
		status = db_nomem(db);
	out->object_id = id;
	buf_done(&what);
	if (status != COPSE_OK)
		trash_item_done(out);
	return status;
}

/* ---- moving to the trash ---- */

/* Append to data the JSON array of table's rows matching where (?1 =
 * id), each an object of its columns. */
static int capture_rows(struct db *db, const struct hang *h, int64_t id, struct buf *data)
{
	struct strv cols;
	struct buf sql;
	char *json = NULL;
	int status;

	strv_init(&cols);
	buf_init(&sql);
	status = table_cols(db, h->table, &cols);
	if (status == COPSE_OK) {
		int rc = buf_puts(&sql, "SELECT json_group_array(json_object(");
		for (size_t i = 0; i < cols.n; i++)
			rc |= buf_printf(&sql, "%s'%s', \"%s\"", i ? ", " : "", cols.v[i], cols.v[i]);
		rc |= buf_printf(&sql, ")) FROM \"%s\" WHERE %s", h->table, h->where);
		status = rc ? db_nomem(db) : one_text(db, sql.s, id, &json);
	}
	if (status == COPSE_OK && buf_printf(data, "\"%s\":%s", h->table, json) != 0)
		status = db_nomem(db);
	free(json);
	buf_done(&sql);
	strv_done(&cols);
	return status;
}

/* Append "TABLE.COL": [[row id, value], ...] for a reference. */
static int capture_ref(struct db *db, const struct ref *r, int64_t id, struct buf *data)
{
	char sql[320], *json = NULL;
	int status;

	snprintf(sql, sizeof sql, "SELECT json_group_array(json_array(id, %s)) FROM %s WHERE %s",
		 r->col, r->table, r->where);
	status = one_text(db, sql, id, &json);
	if (status == COPSE_OK && buf_printf(data, "\"%s.%s\":%s", r->table, r->col, json) != 0)
		status = db_nomem(db);
	free(json);
	return status;
}

static int insert_trash(struct db *db, const struct trash_kind *k, int64_t id,
			const char *title, const char *what, const char *data)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	time_now_iso(now);
	status = db_prepare(db, "INSERT INTO trash(kind, object_id, title, what, data, login, at)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?)", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, k->name);
	sqlite3_bind_int64(st, 2, id);
	store_bind_text(st, 3, title);
	store_bind_text(st, 4, what);
	store_bind_text(st, 5, data);
	store_bind_text(st, 6, db_login(db));
	store_bind_text(st, 7, now);
	if ((status = db_step_done(db, st, "trash")) != COPSE_OK)
		return status;
	if (db->undo_from == 0)
		db->undo_from = sqlite3_last_insert_rowid(db->h);
	return COPSE_OK;
}

/* Delete what goes with the item, children first, then the item. */
static int delete_rows(struct db *db, const struct trash_kind *k, int64_t id)
{
	int n = 0, status = COPSE_OK;

	while (n < MAX_HANGS && k->hangs[n].table)
		n++;
	while (status == COPSE_OK && n-- > 0) {
		char sql[256];

		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s", k->hangs[n].table,
			 k->hangs[n].where);
		status = store_run_id(db, sql, id, k->name);
	}
	return status;
}

int store_trash_move(struct db *db, const char *kind, int64_t id)
{
	const struct trash_kind *k = kind_of(db, kind);
	struct buf data, what;
	char *title = NULL;
	int status;

	if (!k)
		return COPSE_INVALID;
	buf_init(&data);
	buf_init(&what);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = item_title(db, k, id, &title);
	if (status == COPSE_OK)
		status = item_what(db, k, id, &what);
	if (status == COPSE_OK && buf_puts(&data, "{\"rows\":{") != 0)
		status = db_nomem(db);
	for (int i = 0; status == COPSE_OK && i < MAX_HANGS && k->hangs[i].table; i++) {
		if (i && buf_putc(&data, ',') != 0)
			status = db_nomem(db);
		else
			status = capture_rows(db, &k->hangs[i], id, &data);
	}
	if (status == COPSE_OK && buf_puts(&data, "},\"refs\":{") != 0)
		status = db_nomem(db);
	for (int i = 0; status == COPSE_OK && i < 3 && k->refs[i].table; i++) {
		if (i && buf_putc(&data, ',') != 0)
			status = db_nomem(db);
		else
			status = capture_ref(db, &k->refs[i], id, &data);
	}
	if (status == COPSE_OK && buf_puts(&data, "}}") != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = insert_trash(db, k, id, title, what.s, data.s);
	if (status == COPSE_OK)
		status = delete_rows(db, k, id);
	if (status == COPSE_OK)
		status = activity_log(db, "deleted", k->name, id, title);
	free(title);
	buf_done(&data);
	buf_done(&what);
	return db_write_end(db, status);
}

/* ---- listing ---- */

#define TRASH_COLS "SELECT id, kind, object_id, title, what, login, at"

static int trash_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct trash_item *t = elem;
	time_t at;

	t->id = sqlite3_column_int64(st, 0);
	t->kind = store_col_str(st, 1);
	t->object_id = sqlite3_column_int64(st, 2);
	t->title = store_col_str(st, 3);
	t->what = store_col_str(st, 4);
	t->login = store_col_str(st, 5);
	t->at = store_col_str(st, 6);
	t->expires = malloc(ISO_LEN);
	if (!t->kind || !t->title || !t->what || !t->login || !t->at || !t->expires)
		return db_nomem(db);
	if (time_parse(t->at, &at) != 0)
		at = 0;
	time_iso(at + (time_t)TRASH_DAYS * 24 * 3600, t->expires);
	return COPSE_OK;
}

int trash_list(struct db *db, struct trash_item **out, size_t *n)
{
	sqlite3_stmt *st;
	char cutoff[ISO_LEN];
	int status;

	*out = NULL;
	*n = 0;
	store_trash_cutoff(cutoff);
	status = db_prepare(db, TRASH_COLS " FROM trash WHERE at >= ? ORDER BY id DESC", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, cutoff);
	return store_collect(db, st, sizeof **out, trash_row, trash_item_done_elem, "trash",
			     (void **)out, n);
}

/* ---- restoring ---- */

/* The item's own row in the trash data has column col: its value, or
 * 0 when it is NULL. */
static int data_int(struct db *db, const char *data, const char *table, const char *col,
		    int64_t *v)
{
	sqlite3_stmt *st;
	char path[128];
	int status;

	snprintf(path, sizeof path, "$.rows.%s[0].%s", table, col);
	if ((status = db_prepare(db, "SELECT json_extract(?1, ?2)", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, data);
	store_bind_text(st, 2, path);
	return db_step_int(db, st, v);
}

static int row_exists(struct db *db, const char *table, int64_t id)
{
	char sql[96];
	sqlite3_stmt *st;
	int64_t n = 0;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id = ?", table);
	if (db_prepare(db, sql, &st) != COPSE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_step_int(db, st, &n) != COPSE_OK)
		return -1;
	return n > 0;
}

static int in_trash(struct db *db, const char *kind, int64_t id)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (db_prepare(db, "SELECT count(*) FROM trash WHERE kind = ? AND object_id = ?", &st))
		return -1;
	store_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, id);
	if (db_step_int(db, st, &n) != COPSE_OK)
		return -1;
	return n > 0;
}

/* Check the rows the item refers to; *drop gets a bit for each optional
 * parent that is gone for good (restored as NULL). */
static int check_parents(struct db *db, const struct trash_kind *k, int64_t id,
			 const char *data, unsigned *drop)
{
	*drop = 0;
	for (int i = 0; i < 3 && k->parents[i].col; i++) {
		const struct parent *p = &k->parents[i];
		int64_t pid = 0;
		int status, there;

		if ((status = data_int(db, data, k->table, p->col, &pid)) != COPSE_OK)
			return status;
		if (pid <= 0 || (there = row_exists(db, p->kind, pid)) == 1)
			continue;
		if (there < 0)
			return COPSE_DB;
		if ((there = in_trash(db, p->kind, pid)) < 0)
			return COPSE_DB;
		if (there)
			return db_fail(db, COPSE_CONFLICT, "%s %lld: its %s %lld is in the trash:"
				       " restore that first", k->name, (long long)id, p->kind,
				       (long long)pid);
		if (!p->optional)
			return db_fail(db, COPSE_CONFLICT, "%s %lld: its %s %lld no longer exists",
				       k->name, (long long)id, p->kind, (long long)pid);
		*drop |= 1u << i;
	}
	return COPSE_OK;
}

/* Is table the own table of a kind (its ids referred to elsewhere)? */
static int kind_table(const char *table)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i].table, table) == 0)
			return 1;
	return 0;
}

/* The restore of h's rows failed (a constraint SQLite names in its
 * words): say it in copse's, on one line. */
static int restore_failed(struct db *db, const struct trash_kind *k, const struct hang *h,
			  int64_t id)
{
	char what[64];

	if (h == &k->hangs[0])
		return db_fail(db, COPSE_CONFLICT, "%s %lld: cannot be restored: it does not fit"
			       " the database as it is now", k->name, (long long)id);
	if (h->many || h->one) {
		snprintf(what, sizeof what, "%s", h->many ? h->many : h->one);
	} else {
		snprintf(what, sizeof what, "%s rows", h->table);
		for (char *p = what; *p; p++)
			if (*p == '_')
				*p = ' ';
	}
	return db_fail(db, COPSE_CONFLICT, "%s %lld: cannot be restored: its %s do not fit"
		       " the database as it is now", k->name, (long long)id, what);
}

#define ID_TAKEN(table) "EXISTS (SELECT 1 FROM \"%s\" o WHERE o.id = json_extract(value, '$.id'))"

/* Insert the rows of one table from the trash data, with their ids.  A
 * side row (nothing refers to it by id) whose id has been given out
 * since, by a copse from before its table kept ids out of use, comes
 * back with a new one: the free ids go in first, then the new ones, so
 * no new id takes one of the rows still to come. */
static int restore_rows(struct db *db, const struct trash_kind *k, const struct hang *h,
			const char *data, unsigned drop, int64_t id)
{
	struct strv cols;
	struct buf sql;
	sqlite3_stmt *st;
	int status, rc = 0, renew = 0;

	strv_init(&cols);
	buf_init(&sql);
	status = table_cols(db, h->table, &cols);
	if (status == COPSE_OK) {
		renew = h != &k->hangs[0] && !kind_table(h->table) && strv_contains(&cols, "id");
		rc |= buf_printf(&sql, "INSERT INTO \"%s\"(", h->table);
		for (size_t i = 0; i < cols.n; i++)
			rc |= buf_printf(&sql, "%s\"%s\"", i ? ", " : "", cols.v[i]);
		rc |= buf_puts(&sql, ") SELECT ");
		for (size_t i = 0; i < cols.n; i++) {
			int nulled = 0;

			/* an optional reference that is gone for good */
			for (int p = 0; h == &k->hangs[0] && p < 3 && k->parents[p].col; p++)
				if ((drop & (1u << p)) && strcmp(k->parents[p].col, cols.v[i]) == 0)
					nulled = 1;
			if (i)
				rc |= buf_puts(&sql, ", ");
			if (nulled)
				rc |= buf_puts(&sql, "NULL");
			else if (renew && strcmp(cols.v[i], "id") == 0)
				rc |= buf_printf(&sql, "CASE WHEN " ID_TAKEN("%s") " THEN NULL"
						 " ELSE json_extract(value, '$.id') END", h->table);
			else
				rc |= buf_printf(&sql, "json_extract(value, '$.%s')", cols.v[i]);
		}
		rc |= buf_printf(&sql, " FROM json_each(?1, '$.rows.%s')", h->table);
		if (h->keep)
			rc |= buf_printf(&sql, " WHERE %s", h->keep);
		if (renew)
			rc |= buf_printf(&sql, " ORDER BY " ID_TAKEN("%s") ", key", h->table);
		if (rc)
			status = db_nomem(db);
	}
	if (status == COPSE_OK)
		status = db_prepare(db, sql.s, &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, data);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			status = (rc & 0xff) == SQLITE_CONSTRAINT ? restore_failed(db, k, h, id)
				: db_sqlite_fail(db, rc, "trash");
		sqlite3_finalize(st);
	}
	buf_done(&sql);
	strv_done(&cols);
	return status;
}

/* Point the columns elsewhere at the restored rows again, where they
 * still point nowhere. */
static int restore_ref(struct db *db, const struct ref *r, const char *data)
{
	sqlite3_stmt *st;
	char sql[512], path[96];
	int status;

	snprintf(path, sizeof path, "$.refs.\"%s.%s\"", r->table, r->col);
	snprintf(sql, sizeof sql,
		 "UPDATE %s SET %s = (SELECT json_extract(value, '$[1]') FROM json_each(?1, ?2)"
		 "   WHERE json_extract(value, '$[0]') = %s.id)"
		 " WHERE %s IS NULL AND id IN (SELECT json_extract(value, '$[0]')"
		 "   FROM json_each(?1, ?2))", r->table, r->col, r->table, r->col);
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, data);
	store_bind_text(st, 2, path);
	return db_step_done(db, st, "trash");
}

/* The Markdown columns of the tables that go to the trash: what comes back
 * passes the same check as any text saved (store_check_md), so the trash,
 * or an imported one, is no way around it. */
static const struct { const char *table, *col; } md_cols[] = {
	{ "member", "bio" }, { "devnote", "body" }, { "meeting", "agenda" },
	{ "meeting_revision", "agenda" }, { "note", "body" }, { "entry", "body" },
	{ "revision", "body" }, { "topic", "body" },
};

static int check_markdown(struct db *db, const struct trash_kind *k, int64_t id, const char *data)
{
	char label[96], path[64];
	int status = COPSE_OK;

	snprintf(label, sizeof label, "%s %lld: cannot be restored: %s", k->name, (long long)id,
		 "its text");
	for (size_t i = 0; status == COPSE_OK && i < ARRAY_SIZE(md_cols); i++) {
		sqlite3_stmt *st;

		snprintf(path, sizeof path, "$.rows.%s", md_cols[i].table);
		if ((status = db_prepare(db, "SELECT json_extract(value, '$.' || ?3)"
					 " FROM json_each(?1, ?2)", &st)) != COPSE_OK)
			return status;
		store_bind_text(st, 1, data);
		store_bind_text(st, 2, path);
		store_bind_text(st, 3, md_cols[i].col);
		while (status == COPSE_OK && sqlite3_step(st) == SQLITE_ROW)
			status = store_check_md(db, label, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return status;
}

/* A member's handle is unique: taken since by someone else, it keeps
 * the member in the trash, saying by whom and what to do (not SQLite's
 * "UNIQUE constraint failed"). */
static int check_handle(struct db *db, const struct trash_kind *k, int64_t id, const char *data)
{
	sqlite3_stmt *st;
	int status, rc;

	if (strcmp(k->table, "member") != 0)
		return COPSE_OK;
	status = db_prepare(db, "SELECT handle, name, id FROM member"
			    " WHERE handle = json_extract(?1, '$.rows.member[0].handle')", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, data);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		long long other = sqlite3_column_int64(st, 2);

		status = db_fail(db, COPSE_CONFLICT, "%s %lld: cannot be restored: its handle '%s'"
				 " is %s's (member %lld) now; give one of them another"
				 " (copse member edit %lld --handle H)", k->name, (long long)id,
				 (const char *)sqlite3_column_text(st, 0),
				 (const char *)sqlite3_column_text(st, 1), other, other);
	} else if (rc != SQLITE_DONE) {
		status = db_sqlite_fail(db, rc, "member");
	}
	sqlite3_finalize(st);
	return status;
}

/* Restore trash row tid (its kind k, item id, data) inside the caller's
 * transaction. */
static int restore_item(struct db *db, const struct trash_kind *k, int64_t tid, int64_t id,
			const char *data, const char *title)
{
	unsigned drop = 0;
	int status, there = row_exists(db, k->table, id);

	if (there < 0)
		return COPSE_DB;
	if (there)
		return db_fail(db, COPSE_CONFLICT, "%s %lld: is not deleted", k->name,
			       (long long)id);
	status = check_markdown(db, k, id, data);
	if (status == COPSE_OK)
		status = check_parents(db, k, id, data, &drop);
	if (status == COPSE_OK)
		status = check_handle(db, k, id, data);
	for (int i = 0; status == COPSE_OK && i < MAX_HANGS && k->hangs[i].table; i++)
		status = restore_rows(db, k, &k->hangs[i], data, drop, id);
	for (int i = 0; status == COPSE_OK && i < 3 && k->refs[i].table; i++)
		status = restore_ref(db, &k->refs[i], data);
	if (status == COPSE_OK)
		status = store_run_id(db, "DELETE FROM trash WHERE id = ?", tid, "trash");
	if (status == COPSE_OK)
		status = activity_log(db, "restored", k->name, id, title);
	return status;
}

/* Read trash row (st gives id, kind, object_id, title, what, login, at,
 * data) and restore it; *out (may be NULL) gets the item. */
static int restore_from(struct db *db, sqlite3_stmt *st, const char *missing,
			struct trash_item *out)
{
	struct trash_item t;
	char *data = NULL;
	int status = COPSE_OK, rc;

	trash_item_init(&t);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		status = trash_row(db, st, &t);
		if (status == COPSE_OK && !(data = store_col_str(st, 7)))
			status = db_nomem(db);
	} else if (rc == SQLITE_DONE) {
		status = db_fail(db, COPSE_NOTFOUND, "%s", missing);
	} else {
		status = db_sqlite_fail(db, rc, "trash");
	}
	sqlite3_finalize(st);
	if (status == COPSE_OK) {
		const struct trash_kind *k = kind_of(db, t.kind);

		status = k ? restore_item(db, k, t.id, t.object_id, data, t.title) : COPSE_INVALID;
	}
	free(data);
	if (status == COPSE_OK && out)
		*out = t;
	else
		trash_item_done(&t);
	return status;
}

int trash_restore(struct db *db, const char *kind, int64_t id)
{
	sqlite3_stmt *st;
	char cutoff[ISO_LEN], missing[96];
	int status;

	const struct trash_kind *k = kind_of(db, kind);
	int there;

	if (!k)
		return COPSE_INVALID;
	store_trash_cutoff(cutoff);
	snprintf(missing, sizeof missing, "%s %lld: not in the trash", kind, (long long)id);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	if ((there = row_exists(db, k->table, id)) != 0)
		status = there < 0 ? COPSE_DB : db_fail(db, COPSE_CONFLICT, "%s %lld: is not deleted",
							kind, (long long)id);
	if (status == COPSE_OK)
		status = db_prepare(db, TRASH_COLS ", data FROM trash WHERE kind = ? AND object_id = ? AND at >= ?"
			    " ORDER BY id DESC LIMIT 1", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, kind);
		sqlite3_bind_int64(st, 2, id);
		store_bind_text(st, 3, cutoff);
		status = restore_from(db, st, missing, NULL);
	}
	return db_write_end(db, status);
}

int trash_undo_last(struct db *db, struct trash_item *out)
{
	sqlite3_stmt *st;
	char cutoff[ISO_LEN];
	int status;

	if (out)
		trash_item_init(out);
	if (db->undo_from <= 0)
		return db_fail(db, COPSE_NOTFOUND, "nothing to undo");
	store_trash_cutoff(cutoff);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, TRASH_COLS ", data FROM trash WHERE id >= ? AND login = ? AND at >= ?"
			    " ORDER BY id DESC LIMIT 1", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, db->undo_from);
		store_bind_text(st, 2, db_login(db));
		store_bind_text(st, 3, cutoff);
		status = restore_from(db, st, "nothing to undo", out);
	}
	return db_write_end(db, status);
}
