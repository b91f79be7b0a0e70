/* member.c - members, their expertise/interest tags, status history and
 * connections. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copse/activity.h"
#include "copse/member.h"
#include "copse/util.h"
#include "health-sql.h"
#include "store.h"

static const char *const statuses[] = { MEMBER_STATUSES, NULL };
static const char *const roles[] = { MEMBER_ROLES, NULL };
static const char *const conn_kinds[] = { CONNECTION_KINDS, NULL };

#define MEMBER_COLS "m.id, m.name, m.handle, m.email, m.status, m.role, m.joined," \
	" m.bio, m.created, m.updated, m.version"

/* ---- memory ---- */

void member_init(struct member *m)
{
	memset(m, 0, sizeof *m);
	strv_init(&m->expertise);
	strv_init(&m->interest);
	m->level = -1;
}

void member_done(struct member *m)
{
	if (!m)
		return;
	free(m->name);
	free(m->handle);
	free(m->email);
	free(m->status);
	free(m->role);
	free(m->joined);
	free(m->bio);
	free(m->created);
	free(m->updated);
	strv_done(&m->expertise);
	strv_done(&m->interest);
	member_init(m);
}

STORE_DONE_ELEM(member)

void member_list_free(struct member *v, size_t n)
{
	store_list_free(v, n, sizeof *v, member_done_elem);
}

void connection_init(struct connection *c)
{
	memset(c, 0, sizeof *c);
}

void connection_done(struct connection *c)
{
	if (!c)
		return;
	free(c->a_name);
	free(c->b_name);
	free(c->kind);
	free(c->note);
	free(c->at);
	free(c->by);
	connection_init(c);
}

STORE_DONE_ELEM(connection)

void connection_list_free(struct connection *v, size_t n)
{
	store_list_free(v, n, sizeof *v, connection_done_elem);
}

void devnote_init(struct devnote *d)
{
	memset(d, 0, sizeof *d);
}

void devnote_done(struct devnote *d)
{
	if (!d)
		return;
	free(d->author);
	free(d->body);
	free(d->created);
	devnote_init(d);
}

STORE_DONE_ELEM(devnote)

void devnote_list_free(struct devnote *v, size_t n)
{
	store_list_free(v, n, sizeof *v, devnote_done_elem);
}

void member_firsts_init(struct member_firsts *f)
{
	memset(f, 0, sizeof *f);
}

void member_firsts_done(struct member_firsts *f)
{
	if (!f)
		return;
	free(f->added);
	free(f->joined);
	free(f->attended);
	free(f->meeting_title);
	free(f->note);
	free(f->entry);
	free(f->entry_title);
	free(f->intro);
	free(f->intro_name);
	member_firsts_init(f);
}

/* ---- validation ---- */

static void today(char out[11])
{
	time_t now = copse_now();
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Normalise and check m's fields in place. */
static int member_validate(struct db *db, struct member *m)
{
	int status;

	if (str_empty(m->name))
		return db_fail(db, COPSE_INVALID, "member name: must not be empty");
	if (store_trim_field(&m->name, 0) || store_trim_field(&m->handle, 1) ||
	    store_trim_field(&m->email, 1) || store_trim_field(&m->joined, 1) ||
	    store_trim_field(&m->status, 1) || store_trim_field(&m->role, 1))
		return db_nomem(db);
	if (!m->bio && !(m->bio = xstrdup("")))
		return db_nomem(db);
	if ((status = store_check_md(db, "member bio", m->bio)) != COPSE_OK)
		return status;
	if (strchr(m->name, '\n'))
		return db_fail(db, COPSE_INVALID, "member name: must be one line");
	if (m->handle) {
		if (m->handle[0] == '@' && store_set_str(&m->handle, m->handle + 1))
			return db_nomem(db);
		if (!*m->handle)
			return db_fail(db, COPSE_INVALID, "handle '@': must not be empty");
		for (const char *p = m->handle; *p; p++)
			if (isspace((unsigned char)*p) || *p == ',' || *p == '@' ||
			    (unsigned char)*p < 0x20)
				return db_fail(db, COPSE_INVALID,
					       "handle '%s': must be a login name "
					       "(no spaces, commas or @)", m->handle);
		if (strspn(m->handle, "0123456789") == strlen(m->handle))
			return db_fail(db, COPSE_INVALID,
				       "handle '%s': must not be a number (numbers are member ids)",
				       m->handle);
	}
	if (!m->status && !(m->status = xstrdup("prospect")))
		return db_nomem(db);
	if ((status = store_check_one_of(db, "status", m->status, statuses)) != COPSE_OK)
		return status;
	if (!m->role && !(m->role = xstrdup("member")))
		return db_nomem(db);
	if ((status = store_check_one_of(db, "role", m->role, roles)) != COPSE_OK)
		return status;
	if ((status = store_norm_date(db, &m->joined, "joined date")) != COPSE_OK)
		return status;
	if ((status = store_clean_tags(db, &m->expertise, "expertise")) != COPSE_OK)
		return status;
	return store_clean_tags(db, &m->interest, "interest");
}

/* INVALID when handle belongs to another member than self_id. */
static int check_handle_free(struct db *db, const char *handle, int64_t self_id)
{
	sqlite3_stmt *st;
	int status, rc;

	if (!handle)
		return COPSE_OK;
	status = db_prepare(db, "SELECT name FROM member WHERE handle = ? AND id <> ?", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, handle);
	sqlite3_bind_int64(st, 2, self_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status = db_fail(db, COPSE_INVALID, "handle '%s' is already used by %s",
				 handle, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "member");
	sqlite3_finalize(st);
	return status;
}

static int write_tags(struct db *db, int64_t id, const struct member *m)
{
	int status;

	status = store_run_id(db, "DELETE FROM member_tag WHERE member_id = ?", id, "member tags");
	if (status == COPSE_OK)
		status = store_insert_strv(db, "INSERT INTO member_tag(member_id, kind, tag)"
					   " VALUES (?1, 'expertise', ?2)", id, &m->expertise,
					   "member tags");
	if (status == COPSE_OK)
		status = store_insert_strv(db, "INSERT INTO member_tag(member_id, kind, tag)"
					   " VALUES (?1, 'interest', ?2)", id, &m->interest,
					   "member tags");
	return status;
}

static int log_status(struct db *db, int64_t id, const char *status_name, const char *now)
{
	sqlite3_stmt *st;
	int status;

	status = db_prepare(db, "INSERT INTO member_status_log(member_id, status, at)"
			    " VALUES (?, ?, ?)", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, status_name);
	store_bind_text(st, 3, now);
	return db_step_done(db, st, "member status log");
}

/* ---- reading ---- */

/* Name of member id (caller frees); NOTFOUND when there is none. */
static int member_name(struct db *db, int64_t id, char **name)
{
	return store_lookup(db, "SELECT name FROM member WHERE id = ?", id, "member", name);
}

static int member_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct member *m = elem;

	member_init(m);
	m->id = sqlite3_column_int64(st, 0);
	m->name = store_col_str(st, 1);
	m->handle = store_col_strn(st, 2);
	m->email = store_col_strn(st, 3);
	m->status = store_col_str(st, 4);
	m->role = store_col_str(st, 5);
	m->joined = store_col_strn(st, 6);
	m->bio = store_col_str(st, 7);
	m->created = store_col_str(st, 8);
	m->updated = store_col_str(st, 9);
	m->version = sqlite3_column_int(st, 10);
	if (!m->name || !m->status || !m->role || !m->bio || !m->created || !m->updated)
		return db_nomem(db);
	return COPSE_OK;
}

/* member_row, then one more column: knows (member_list) or the level
 * (member_page). */
static int member_list_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct member *m = elem;
	int status = member_row(db, st, elem);

	m->knows = sqlite3_column_int(st, 11);
	return status;
}

static int member_page_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct member *m = elem;
	int status = member_row(db, st, elem);

	m->level = sqlite3_column_int(st, 11);
	return status;
}

static int member_tag_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct member *m = elem;
	const char *kind = (const char *)sqlite3_column_text(st, 1);
	struct strv *sv = strcmp(kind, "expertise") == 0 ? &m->expertise : &m->interest;

	return strv_push(sv, (const char *)sqlite3_column_text(st, 2)) ? db_nomem(db) : COPSE_OK;
}

/* Load the tags of the n members of v in one pass over member_tag. */
static int load_tags(struct db *db, struct member *v, size_t n)
{
	return store_attach(db, "SELECT member_id, kind, tag FROM member_tag"
			    " WHERE member_id BETWEEN ?1 AND ?2"
			    " ORDER BY member_id, tag COLLATE FOLD, tag",
			    v, n, sizeof *v, offsetof(struct member, id), member_tag_row,
			    "member tags");
}

int member_get(struct db *db, int64_t id, struct member *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	member_init(out);
	status = db_prepare(db, "SELECT " MEMBER_COLS " FROM member m WHERE m.id = ?", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(missing, sizeof missing, "member %lld: no such member", (long long)id);
	status = store_get_row(db, st, member_row, out, "member", missing);
	if (status == COPSE_OK)
		status = load_tags(db, out, 1);
	if (status != COPSE_OK)
		member_done(out);
	return status;
}

int member_id_by_handle(struct db *db, const char *handle, int64_t *id)
{
	sqlite3_stmt *st;
	int status, rc;

	if (*handle == '@')
		handle++;
	if ((status = db_prepare(db, "SELECT id FROM member WHERE handle = ?", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, handle);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		status = db_fail(db, COPSE_NOTFOUND, "member %s: no such member", handle);
	else
		status = db_sqlite_fail(db, rc, "member");
	sqlite3_finalize(st);
	return status;
}

int member_find(struct db *db, const char *key, struct member *out)
{
	int64_t id = 0;
	int status;

	member_init(out);
	if (str_empty(key))
		return db_fail(db, COPSE_INVALID, "member: give an id or a handle");
	/* "me": the member whose handle is your login ("@me" is a handle) */
	if (strcmp(key, "me") == 0) {
		if ((status = member_id_by_handle(db, db_login(db), &id)) == COPSE_NOTFOUND)
			return db_fail(db, COPSE_NOTFOUND, "member me: no member has your login"
				       " '%s' as handle", db_login(db));
		if (status != COPSE_OK)
			return status;
	} else if (str_to_id(key, &id) != 0 &&
		   (status = member_id_by_handle(db, key, &id)) != COPSE_OK) {
		return status;
	}
	return member_get(db, id, out);
}

int member_list(struct db *db, const struct member_filter *f,
		struct member **out, size_t *n)
{
	static const struct member_filter none;
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &none;
	if (f->status &&
	    (status = store_check_one_of(db, "status", f->status, statuses)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT ml.* FROM ("
			    "SELECT " MEMBER_COLS ","
			    " CASE WHEN :knows IS NULL THEN 0 ELSE coalesce((SELECT"
			    "  max(CASE t.kind WHEN 'expertise' THEN 2 ELSE 1 END)"
			    "  FROM member_tag t WHERE t.member_id = m.id"
			    "  AND instr(lower(t.tag), lower(:knows)) > 0), 0) END AS knows"
			    " FROM member m"
			    " WHERE (:status IS NULL OR m.status = :status)"
			    "   AND (:tag IS NULL OR EXISTS (SELECT 1 FROM member_tag t"
			    "        WHERE t.member_id = m.id AND t.tag = :tag COLLATE NOCASE))"
			    "   AND (:q IS NULL OR instr(lower(m.name), lower(:q)) > 0"
			    "        OR instr(lower(coalesce(m.handle, '')), lower(:q)) > 0"
			    "        OR instr(lower(coalesce(m.email, '')), lower(:q)) > 0)"
			    ") ml WHERE :knows IS NULL OR ml.knows > 0"
			    " ORDER BY ml.knows DESC, ml.name COLLATE FOLD, ml.id", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":status"), f->status);
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":tag"),
			f->tag && *f->tag == '#' ? f->tag + 1 : f->tag);
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":q"),
			f->query && *f->query ? f->query : NULL);
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":knows"),
			!f->knows ? NULL : *f->knows == '#' ? f->knows + 1 : f->knows);
	status = store_collect(db, st, sizeof **out, member_list_row, member_done_elem, "members",
			       (void **)out, n);
	if (status == COPSE_OK && (status = load_tags(db, *out, *n)) != COPSE_OK) {
		member_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

/* ---- the Members panel, by the screenful ---- */

/* A member's participation level now (-1: alumni), counted for the rows
 * read only: ?11 .. ?13 are its moments (health-sql.h). */
#define PAGE_LEVEL LEVEL_OR_NONE_AT("?11", "?12", "?13", "m.status")

/* By name (name_key: copse_fold(name), as COLLATE FOLD sorts), read from
 * the index member_name_key; the filter is a piece of the name, the
 * handle or the role (case and accents ignored) or of what the list
 * shows beside it: the level and the status. */
static const struct store_list member_pages = {
	"m.id, m.name, m.handle, m.email, m.status, m.role, m.joined,"
	" '', m.created, m.updated, m.version, " PAGE_LEVEL, "member m",
	"?1 IS NULL OR instr(m.name_key, copse_fold(?1)) > 0"
	" OR instr(copse_fold(coalesce(m.handle, '')), copse_fold(?1)) > 0"
	" OR instr(m.role, copse_fold(?1)) > 0"
	" OR instr(m.status, copse_fold(?1)) > 0"
	" OR instr(CASE " PAGE_LEVEL
	"   WHEN 0 THEN 'core' WHEN 1 THEN 'active' WHEN 2 THEN 'peripheral'"
	"   WHEN 3 THEN 'inactive' ELSE '' END, copse_fold(?1)) > 0",
	"m.name_key, m.name, m.id",
	"copse_fold(?2), ?2, ?3",
	0,
};

int member_page(struct db *db, const char *query, const struct page_req *r,
		struct member **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = store_page_prepare(db, &member_pages, query, r, &st)) != COPSE_OK)
		return status;
	if ((status = store_bind_levels_at(db, st, NULL, 11)) != COPSE_OK) {
		sqlite3_finalize(st);
		return status;
	}
	return store_collect(db, st, sizeof **out, member_page_row, member_done_elem, "members",
			     (void **)out, n);
}

int member_count(struct db *db, const char *query, const struct page_key *before,
		 int64_t *n)
{
	sqlite3_stmt *st;
	int status;

	*n = 0;
	if ((status = store_count_prepare(db, &member_pages, query, before, &st)) != COPSE_OK)
		return status;
	if ((status = store_bind_levels_at(db, st, NULL, 11)) != COPSE_OK) {
		sqlite3_finalize(st);
		return status;
	}
	return db_step_int(db, st, n);
}

int member_key(const struct member *m, struct page_key *k)
{
	return page_key_set(k, 0, m->name, m->id);
}

/* ---- writing ---- */

/* The columns add and update write, as ?1..?7. */
static void member_bind(sqlite3_stmt *st, const struct member *m)
{
	store_bind_text(st, 1, m->name);
	store_bind_text(st, 2, m->handle);
	store_bind_text(st, 3, m->email);
	store_bind_text(st, 4, m->status);
	store_bind_text(st, 5, m->role);
	store_bind_text(st, 6, m->joined);
	store_bind_text(st, 7, m->bio);
}

int member_add(struct db *db, struct member *m)
{
	sqlite3_stmt *st;
	char now[ISO_LEN], day[11];
	int status;
	int64_t id = 0;

	if ((status = member_validate(db, m)) != COPSE_OK)
		return status;
	if (!m->joined && strcmp(m->status, "active") == 0) {
		today(day);
		if (store_set_str(&m->joined, day))
			return db_nomem(db);
	}
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = check_handle_free(db, m->handle, 0);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO member(name, handle, email, status, role,"
				    " joined, bio, created, updated, version)"
				    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", &st);
	if (status == COPSE_OK) {
		member_bind(st, m);
		store_bind_text(st, 8, now);
		store_bind_text(st, 9, now);
		if ((status = db_step_done(db, st, m->name)) == COPSE_OK)
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (status == COPSE_OK)
		status = write_tags(db, id, m);
	if (status == COPSE_OK)
		status = log_status(db, id, m->status, now);
	if (status == COPSE_OK)
		status = activity_log(db, "added", "member", id, m->name);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		m->id = id;
		m->version = 1;
		if (store_set_str(&m->created, now) || store_set_str(&m->updated, now))
			return db_nomem(db);
	}
	return status;
}

int member_update(struct db *db, struct member *m)
{
	sqlite3_stmt *st;
	char now[ISO_LEN], day[11];
	char *old_status = NULL;
	int status;

	if ((status = member_validate(db, m)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = store_lookup(db, "SELECT status FROM member WHERE id = ?", m->id, "member",
			      &old_status);
	if (status == COPSE_OK)
		status = check_handle_free(db, m->handle, m->id);
	/* Becoming active without a join date: they joined today. */
	if (status == COPSE_OK && !m->joined && strcmp(m->status, "active") == 0 &&
	    old_status && strcmp(old_status, "active") != 0) {
		today(day);
		if (store_set_str(&m->joined, day))
			status = db_nomem(db);
	}
	if (status == COPSE_OK)
		status = db_prepare(db, "UPDATE member SET name = ?, handle = ?, email = ?,"
				    " status = ?, role = ?, joined = ?, bio = ?, updated = ?,"
				    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		member_bind(st, m);
		store_bind_text(st, 8, now);
		sqlite3_bind_int64(st, 9, m->id);
		sqlite3_bind_int(st, 10, m->version);
		status = store_step_update(db, st, m->name, "member", m->id);
	}
	if (status == COPSE_OK)
		status = write_tags(db, m->id, m);
	if (status == COPSE_OK && old_status && strcmp(old_status, m->status) != 0)
		status = log_status(db, m->id, m->status, now);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "member", m->id, m->name);
	free(old_status);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		m->version++;
		if (store_set_str(&m->updated, now))
			return db_nomem(db);
	}
	return status;
}

/* What a member did, counted: one row per kind of history. */
static const struct {
	const char *one, *many, *sql;   /* sql: count for member ?1 */
} history_of[] = {
	{ "meeting", "meetings", "SELECT count(*) FROM attendance WHERE member_id = ?1" },
	{ "action", "actions", "SELECT count(*) FROM action WHERE owner_id = ?1" },
	{ "connection", "connections",
	  "SELECT count(*) FROM connection WHERE a = ?1 OR b = ?1" },
	{ "note written", "notes written",
	  "SELECT count(*) FROM note WHERE author = (SELECT handle FROM member WHERE id = ?1)" },
	{ "entry written", "entries written",
	  "SELECT count(*) FROM entry WHERE author = (SELECT handle FROM member WHERE id = ?1)" },
	{ "topic raised", "topics raised",
	  "SELECT count(*) FROM topic WHERE author = (SELECT handle FROM member WHERE id = ?1)" },
	{ "vote", "votes",
	  "SELECT count(*) FROM topic_vote WHERE login = (SELECT handle FROM member WHERE id = ?1)" },
};

int member_history(struct db *db, int64_t id, char **what)
{
	struct buf b;
	int status, parts = 0;

	*what = NULL;
	if ((status = store_lookup(db, "SELECT id FROM member WHERE id = ?", id, "member",
				   NULL)) != COPSE_OK)
		return status;
	buf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(history_of) && status == COPSE_OK; i++) {
		sqlite3_stmt *st;
		int64_t n = 0;

		if ((status = db_prepare(db, history_of[i].sql, &st)) != COPSE_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		if ((status = db_step_int(db, st, &n)) != COPSE_OK || n == 0)
			continue;
		if (buf_printf(&b, "%s%lld %s", parts++ ? ", " : "", (long long)n,
			       n == 1 ? history_of[i].one : history_of[i].many) != 0)
			status = db_nomem(db);
	}
	if (status == COPSE_OK && parts && !(*what = buf_steal(&b)))
		status = db_nomem(db);
	buf_done(&b);
	return status;
}

int member_delete(struct db *db, int64_t id)
{
	char *history = NULL, *name = NULL;
	int status;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = store_lookup(db, "SELECT name FROM member WHERE id = ?", id, "member", &name);
	if (status == COPSE_OK)
		status = member_history(db, id, &history);
	if (status == COPSE_OK && history)
		status = db_fail(db, COPSE_CONFLICT, "member %s has history (%s):"
				 " make them alumni instead", name, history);
	if (status == COPSE_OK)
		status = store_trash_move(db, "member", id);
	free(history);
	free(name);
	return db_write_end(db, status);
}

/* ---- connections ---- */

int member_link(struct db *db, int64_t a, int64_t b, const char *kind,
		const char *note, int64_t *id)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *an = NULL, *bn = NULL, *summary = NULL;
	int status;
	int64_t new_id = 0;

	if (id)
		*id = 0;
	if (!kind || !*kind)
		kind = "introduced";
	if ((status = store_check_one_of(db, "connection kind", kind, conn_kinds)) != COPSE_OK)
		return status;
	if (a == b)
		return db_fail(db, COPSE_INVALID,
			       "member %lld: cannot be connected to themselves", (long long)a);
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = member_name(db, a, &an);
	if (status == COPSE_OK)
		status = member_name(db, b, &bn);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT count(*) FROM connection WHERE kind = ?3 AND"
				    " ((a = ?1 AND b = ?2) OR (a = ?2 AND b = ?1))", &st);
	if (status == COPSE_OK) {
		int64_t count = 0;

		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		store_bind_text(st, 3, kind);
		status = db_step_int(db, st, &count);
		if (status == COPSE_OK && count > 0)
			status = db_fail(db, COPSE_INVALID, "%s and %s: already connected (%s)",
					 an, bn, kind);
	}
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO connection(a, b, kind, note, at, by)"
				    " VALUES (?, ?, ?, ?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		store_bind_text(st, 3, kind);
		store_bind_text(st, 4, note ? note : "");
		store_bind_text(st, 5, now);
		store_bind_text(st, 6, db_login(db));
		if ((status = db_step_done(db, st, "connection")) == COPSE_OK)
			new_id = sqlite3_last_insert_rowid(db->h);
	}
	if (status == COPSE_OK) {
		struct buf sb;

		buf_init(&sb);
		if (buf_printf(&sb, "%s – %s (%s)", an, bn, kind) != 0)
			status = db_nomem(db);
		summary = buf_steal(&sb);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "added", "connection", new_id, summary);
	free(an);
	free(bn);
	free(summary);
	status = db_write_end(db, status);
	if (status == COPSE_OK && id)
		*id = new_id;
	return status;
}

static int connection_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct connection *c = elem;

	c->id = sqlite3_column_int64(st, 0);
	c->a = sqlite3_column_int64(st, 1);
	c->b = sqlite3_column_int64(st, 2);
	c->a_name = store_col_str(st, 3);
	c->b_name = store_col_str(st, 4);
	c->kind = store_col_str(st, 5);
	c->note = store_col_str(st, 6);
	c->at = store_col_str(st, 7);
	c->by = store_col_str(st, 8);
	if (!c->a_name || !c->b_name || !c->kind || !c->note || !c->at || !c->by)
		return db_nomem(db);
	return COPSE_OK;
}

int member_connections(struct db *db, int64_t member_id,
		       struct connection **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT c.id, c.a, c.b, ma.name, mb.name, c.kind, c.note,"
			    " c.at, c.by FROM connection c"
			    " JOIN member ma ON ma.id = c.a JOIN member mb ON mb.id = c.b"
			    " WHERE ?1 = 0 OR c.a = ?1 OR c.b = ?1"
			    " ORDER BY c.at DESC, c.id DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, member_id > 0 ? member_id : 0);
	return store_collect(db, st, sizeof **out, connection_row, connection_done_elem,
			     "connections", (void **)out, n);
}

/* ---- development notes ---- */

int member_note_add(struct db *db, int64_t member_id, const char *body, int64_t *id)
{
	sqlite3_stmt *st;
	char now[ISO_LEN], *name = NULL, *summary = NULL;
	int status;
	int64_t new_id = 0;

	if (id)
		*id = 0;
	if (str_empty(body))
		return db_fail(db, COPSE_INVALID, "development note: must not be empty");
	if ((status = store_check_md(db, "development note", body)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = member_name(db, member_id, &name);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO devnote(member_id, author, body, created)"
				    " VALUES (?, ?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, member_id);
		store_bind_text(st, 2, db_login(db));
		store_bind_text(st, 3, body);
		store_bind_text(st, 4, now);
		if ((status = db_step_done(db, st, "development note")) == COPSE_OK)
			new_id = sqlite3_last_insert_rowid(db->h);
	}
	/* the log names the member, not what was written about them */
	if (status == COPSE_OK && !(summary = xstrdup(name)))
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = activity_log(db, "noted", "member", member_id, summary);
	free(name);
	free(summary);
	status = db_write_end(db, status);
	if (status == COPSE_OK && id)
		*id = new_id;
	return status;
}

static int devnote_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct devnote *d = elem;

	d->id = sqlite3_column_int64(st, 0);
	d->member_id = sqlite3_column_int64(st, 1);
	d->author = store_col_str(st, 2);
	d->body = store_col_str(st, 3);
	d->created = store_col_str(st, 4);
	return d->author && d->body && d->created ? COPSE_OK : db_nomem(db);
}

int member_notes(struct db *db, int64_t member_id, struct devnote **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT id, member_id, author, body, created FROM devnote"
			    " WHERE member_id = ? ORDER BY created DESC, id DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, member_id);
	return store_collect(db, st, sizeof **out, devnote_row, devnote_done_elem,
			     "development notes", (void **)out, n);
}

/* ---- a member's firsts ---- */

static int firsts_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct member_firsts *f = elem;

	(void)db;
	f->added = store_col_strn(st, 0);
	f->joined = store_col_strn(st, 1);
	f->attended = store_col_strn(st, 2);
	f->meeting_id = sqlite3_column_int64(st, 3);
	f->meeting_title = store_col_strn(st, 4);
	f->note = store_col_strn(st, 5);
	f->entry = store_col_strn(st, 6);
	f->entry_id = sqlite3_column_int64(st, 7);
	f->entry_title = store_col_strn(st, 8);
	f->intro = store_col_strn(st, 9);
	f->intro_id = sqlite3_column_int64(st, 10);
	f->intro_name = store_col_strn(st, 11);
	return COPSE_OK;
}

int member_firsts(struct db *db, int64_t member_id, struct member_firsts *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	member_firsts_init(out);
	/* each first by an index: status log, attendance, author, connection */
	status = db_prepare(db, "SELECT"
			    " coalesce((SELECT min(at) FROM member_status_log WHERE member_id = m.id),"
			    "  m.created),"
			    " coalesce(m.joined, (SELECT substr(min(at), 1, 10) FROM member_status_log"
			    "  WHERE member_id = m.id AND status = 'active')),"
			    " a.starts, a.id, a.title,"
			    " (SELECT min(created) FROM note WHERE author = m.handle),"
			    " e.created, e.id, e.title,"
			    " c.at, c.other, (SELECT name FROM member WHERE id = c.other)"
			    " FROM member m"
			    " LEFT JOIN (SELECT mt.starts, mt.id, mt.title FROM attendance x"
			    "  JOIN meeting mt ON mt.id = x.meeting_id WHERE x.member_id = ?1"
			    "  AND x.status = 'attended' ORDER BY mt.starts, mt.id LIMIT 1) a"
			    " LEFT JOIN (SELECT created, id, title FROM entry WHERE author ="
			    "  (SELECT handle FROM member WHERE id = ?1) ORDER BY created, id LIMIT 1) e"
			    " LEFT JOIN (SELECT at, CASE a WHEN ?1 THEN b ELSE a END AS other FROM ("
			    "  SELECT at, a, b, id FROM connection WHERE a = ?1"
			    "  UNION ALL SELECT at, a, b, id FROM connection WHERE b = ?1)"
			    "  ORDER BY at, id LIMIT 1) c"
			    " WHERE m.id = ?1", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, member_id);
	snprintf(missing, sizeof missing, "member %lld: no such member", (long long)member_id);
	status = store_get_row(db, st, firsts_row, out, "member", missing);
	if (status != COPSE_OK)
		member_firsts_done(out);
	return status;
}
