/* meeting.c - meetings, attendance, notes (minutes) and action items.
 *
 * Notes are one row per line or paragraph so that many people can write
 * into the same meeting at once: every write is its own short BEGIN
 * IMMEDIATE transaction and nothing is ever read-modify-written across
 * authors.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/activity.h"
#include "copse/meeting.h"
#include "copse/noteline.h"
#include "copse/util.h"
#include "store.h"

static const char *const meeting_statuses[] = { MEETING_STATUSES, NULL };
static const char *const attend_statuses[] = { ATTEND_STATUSES, NULL };
static const char *const note_kinds[] = { NOTE_KINDS, NULL };

/* ---- memory ---- */

void meeting_init(struct meeting *m)
{
	memset(m, 0, sizeof *m);
}

void meeting_done(struct meeting *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->starts);
	free(m->ends);
	free(m->location);
	free(m->agenda);
	free(m->status);
	free(m->created);
	free(m->updated);
	meeting_init(m);
}

STORE_DONE_ELEM(meeting)

void meeting_list_free(struct meeting *v, size_t n)
{
	store_list_free(v, n, sizeof *v, meeting_done_elem);
}

void meeting_revision_init(struct meeting_revision *r)
{
	memset(r, 0, sizeof *r);
}

void meeting_revision_done(struct meeting_revision *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->agenda);
	free(r->author);
	free(r->at);
	meeting_revision_init(r);
}

STORE_DONE_ELEM(meeting_revision)

void meeting_revision_list_free(struct meeting_revision *v, size_t n)
{
	store_list_free(v, n, sizeof *v, meeting_revision_done_elem);
}

void attendance_init(struct attendance *a)
{
	memset(a, 0, sizeof *a);
}

void attendance_done(struct attendance *a)
{
	if (!a)
		return;
	free(a->name);
	free(a->handle);
	free(a->status);
	attendance_init(a);
}

STORE_DONE_ELEM(attendance)

void attendance_list_free(struct attendance *v, size_t n)
{
	store_list_free(v, n, sizeof *v, attendance_done_elem);
}

void note_init(struct note *n)
{
	memset(n, 0, sizeof *n);
}

void note_done(struct note *n)
{
	if (!n)
		return;
	free(n->author);
	free(n->kind);
	free(n->body);
	free(n->created);
	free(n->updated);
	note_init(n);
}

STORE_DONE_ELEM(note)

void note_list_free(struct note *v, size_t n)
{
	store_list_free(v, n, sizeof *v, note_done_elem);
}

void action_init(struct action *a)
{
	memset(a, 0, sizeof *a);
}

void action_done(struct action *a)
{
	if (!a)
		return;
	free(a->title);
	free(a->owner_name);
	free(a->owner_handle);
	free(a->due);
	free(a->done);
	free(a->created);
	free(a->author);
	action_init(a);
}

const struct action *action_of_note(const struct action *v, size_t n, int64_t note_id)
{
	for (size_t i = 0; i < n && note_id > 0; i++)
		if (v[i].note_id == note_id)
			return &v[i];
	return NULL;
}

STORE_DONE_ELEM(action)

void action_list_free(struct action *v, size_t n)
{
	store_list_free(v, n, sizeof *v, action_done_elem);
}

static int meeting_exists(struct db *db, int64_t id, char **title)
{
	return store_lookup(db, "SELECT title FROM meeting WHERE id = ?", id, "meeting", title);
}

int meeting_title(struct db *db, int64_t id, char **title)
{
	*title = NULL;
	return meeting_exists(db, id, title);
}

static int member_exists(struct db *db, int64_t id, char **name)
{
	return store_lookup(db, "SELECT name FROM member WHERE id = ?", id, "member", name);
}

/* ---- meetings ---- */

/* Normalise a time field to ISO UTC; NULL/empty allowed when optional. */
static int norm_time(struct db *db, char **field, const char *what, int optional)
{
	char iso[ISO_LEN];
	time_t t;

	if (str_empty(*field)) {
		if (!optional)
			return db_fail(db, COPSE_INVALID, "meeting %s: must be given "
				       "(YYYY-MM-DD HH:MM)", what);
		free(*field);
		*field = NULL;
		return COPSE_OK;
	}
	if (time_parse(*field, &t) != 0)
		return db_fail(db, COPSE_INVALID, "%s '%s': not a valid time "
			       "(YYYY-MM-DD HH:MM)", what, *field);
	time_iso(t, iso);
	return store_set_str(field, iso) ? db_nomem(db) : COPSE_OK;
}

static int meeting_validate(struct db *db, struct meeting *m)
{
	int status;

	if (str_empty(m->title))
		return db_fail(db, COPSE_INVALID, "meeting title: must not be empty");
	if (store_trim_field(&m->title, 0))
		return db_nomem(db);
	if (strchr(m->title, '\n'))
		return db_fail(db, COPSE_INVALID, "meeting title: must be one line");
	if ((status = norm_time(db, &m->starts, "start", 0)) != COPSE_OK ||
	    (status = norm_time(db, &m->ends, "end", 1)) != COPSE_OK)
		return status;
	if (m->ends && strcmp(m->ends, m->starts) < 0)
		return db_fail(db, COPSE_INVALID, "meeting end %s: before its start %s",
			       m->ends, m->starts);
	if (str_empty(m->status) && store_set_str(&m->status, "planned"))
		return db_nomem(db);
	if (store_trim_field(&m->status, 0))
		return db_nomem(db);
	if ((status = store_check_one_of(db, "status", m->status, meeting_statuses)) != COPSE_OK)
		return status;
	if (!m->location && store_set_str(&m->location, ""))
		return db_nomem(db);
	if (store_trim_field(&m->location, 0))
		return db_nomem(db);
	if ((status = store_check_md(db, "meeting agenda", m->agenda)) != COPSE_OK)
		return status;
	if (!m->agenda && store_set_str(&m->agenda, ""))
		return db_nomem(db);
	return COPSE_OK;
}

#define MEETING_SELECT "SELECT m.id, m.title, m.starts, m.ends, m.location, m.agenda," \
	" m.status, m.created, m.updated, m.version," \
	" (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id" \
	"   AND a.status = 'attended')," \
	" (SELECT count(*) FROM note n WHERE n.meeting_id = m.id)" \
	" FROM meeting m"

static int meeting_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct meeting *m = elem;

	m->id = sqlite3_column_int64(st, 0);
	m->title = store_col_str(st, 1);
	m->starts = store_col_str(st, 2);
	m->ends = store_col_strn(st, 3);
	m->location = store_col_str(st, 4);
	m->agenda = store_col_str(st, 5);
	m->status = store_col_str(st, 6);
	m->created = store_col_str(st, 7);
	m->updated = store_col_str(st, 8);
	m->version = sqlite3_column_int(st, 9);
	m->n_attended = sqlite3_column_int(st, 10);
	m->n_notes = sqlite3_column_int(st, 11);
	return m->title && m->starts && m->location && m->agenda && m->status &&
	       m->created && m->updated ? COPSE_OK : db_nomem(db);
}

/* The columns add and update write, as ?1..?6. */
static void meeting_bind(sqlite3_stmt *st, const struct meeting *m)
{
	store_bind_text(st, 1, m->title);
	store_bind_text(st, 2, m->starts);
	store_bind_text(st, 3, m->ends);
	store_bind_text(st, 4, m->location);
	store_bind_text(st, 5, m->agenda);
	store_bind_text(st, 6, m->status);
}

/* Keep meeting id's agenda as it is saved now, as revision `version`. */
static int save_revision(struct db *db, int64_t id, int version, const struct meeting *m,
			 const char *now)
{
	sqlite3_stmt *st;
	int status;

	status = db_prepare(db, "INSERT INTO meeting_revision(meeting_id, version, title, agenda,"
			    " author, at) VALUES (?, ?, ?, ?, ?, ?)", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	store_bind_text(st, 3, m->title);
	store_bind_text(st, 4, m->agenda);
	store_bind_text(st, 5, db_login(db));
	store_bind_text(st, 6, now);
	return db_step_done(db, st, "meeting revision");
}

int meeting_add(struct db *db, struct meeting *m)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int64_t id = 0;
	int status;

	if ((status = meeting_validate(db, m)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "INSERT INTO meeting(title, starts, ends, location, agenda,"
			    " status, created, updated, version)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)", &st);
	if (status == COPSE_OK) {
		meeting_bind(st, m);
		store_bind_text(st, 7, now);
		store_bind_text(st, 8, now);
		status = db_step_done(db, st, m->title);
		id = sqlite3_last_insert_rowid(db->h);
	}
	if (status == COPSE_OK)
		status = save_revision(db, id, 1, m, now);
	if (status == COPSE_OK)
		status = activity_log(db, "added", "meeting", id, m->title);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		m->id = id;
		m->version = 1;
		m->n_attended = m->n_notes = 0;
		if (store_set_str(&m->created, now) || store_set_str(&m->updated, now))
			return db_nomem(db);
	}
	return status;
}

/* Run a meeting SELECT expecting one row. */
static int meeting_one(struct db *db, sqlite3_stmt *st, struct meeting *out,
		       const char *missing)
{
	int status = store_get_row(db, st, meeting_row, out, "meeting", missing);

	if (status != COPSE_OK)
		meeting_done(out);
	return status;
}

int meeting_get(struct db *db, int64_t id, struct meeting *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	meeting_init(out);
	if ((status = db_prepare(db, MEETING_SELECT " WHERE m.id = ?", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(missing, sizeof missing, "meeting %lld: no such meeting", (long long)id);
	return meeting_one(db, st, out, missing);
}

int meeting_next(struct db *db, struct meeting *out)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	meeting_init(out);
	time_now_iso(now);
	/* a meeting going on (not yet at its end, or three hours in) is
	 * still the one to go to */
	status = db_prepare(db, MEETING_SELECT " WHERE m.status = 'planned' AND (m.starts >= ?1"
			    "   OR coalesce(m.ends, strftime('%Y-%m-%dT%H:%M:%SZ', m.starts,"
			    "      '+3 hours')) > ?1)"
			    " ORDER BY m.starts, m.id LIMIT 1", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, now);
	return meeting_one(db, st, out, "no upcoming meeting planned");
}

int meeting_is_on(const struct meeting *m, time_t now)
{
	time_t start, end;

	if (!m->starts || time_parse(m->starts, &start) != 0)
		return 0;
	if (m->status && strcmp(m->status, "planned") != 0)
		return 0;
	if (!m->ends || time_parse(m->ends, &end) != 0)
		end = start + 3 * 3600;
	return now >= start - 30 * 60 && now < end;
}

int meeting_list(struct db *db, const struct meeting_filter *f,
		 struct meeting **out, size_t *n)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	*out = NULL;
	*n = 0;
	time_now_iso(now);
	status = db_prepare(db, MEETING_SELECT
			    " WHERE (?1 = 0 OR (?1 > 0 AND m.starts >= ?2) OR (?1 < 0 AND m.starts < ?2))"
			    "   AND (?3 IS NULL OR instr(lower(m.title), lower(?3)) > 0"
			    "        OR instr(lower(m.location), lower(?3)) > 0)"
			    " ORDER BY m.starts DESC, m.id DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int(st, 1, f ? f->upcoming : 0);
	store_bind_text(st, 2, now);
	store_bind_text(st, 3, f && f->query && *f->query ? f->query : NULL);
	return store_collect(db, st, sizeof **out, meeting_row, meeting_done_elem, "meetings",
			     (void **)out, n);
}

/* ---- the Meetings panel, by the screenful ---- */

/* Without the agenda and the counts.  ?6 is now; ?7 the status that goes
 * without saying in that part (the filter finds a status only where the
 * list shows it).  On now: as meeting_is_on (after its start). */
#define MEETING_ROW_COLS "m.id, m.title, m.starts, m.ends, m.location, ''," \
	" m.status, m.created, m.updated, m.version, 0, 0"
#define MEETING_ON_NOW "(m.status = 'planned' AND m.starts < ?6 AND ?6 < coalesce(m.ends," \
	" strftime('%Y-%m-%dT%H:%M:%SZ', m.starts, '+3 hours')))"
#define MEETING_FILTER "(?1 IS NULL OR instr(copse_fold(m.title), copse_fold(?1)) > 0" \
	" OR instr(m.starts, ?1) > 0" \
	" OR (m.status <> ?7 AND instr(m.status, copse_fold(?1)) > 0))"

static const struct store_list meeting_pages[] = {
	[MEETING_ON_NOW_PART] = {
		MEETING_ROW_COLS, "meeting m", MEETING_FILTER " AND " MEETING_ON_NOW,
		"m.starts, m.id", "?2, ?3", 1,
	},
	[MEETING_UPCOMING] = {
		MEETING_ROW_COLS, "meeting m", MEETING_FILTER " AND m.starts >= ?6",
		"m.starts, m.id", "?2, ?3", 0,
	},
	[MEETING_PAST] = {
		MEETING_ROW_COLS, "meeting m", MEETING_FILTER " AND m.starts < ?6 AND NOT " MEETING_ON_NOW,
		"m.starts, m.id", "?2, ?3", 1,
	},
};

static void bind_part(sqlite3_stmt *st, enum meeting_part part)
{
	char now[ISO_LEN];

	time_now_iso(now);
	store_bind_text(st, 6, now);
	store_bind_text(st, 7, part == MEETING_PAST ? "held" : "planned");
}

int meeting_page(struct db *db, enum meeting_part part, const char *query,
		 const struct page_req *r, struct meeting **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = store_page_prepare(db, &meeting_pages[part], query, r, &st);
	if (status != COPSE_OK)
		return status;
	bind_part(st, part);
	return store_collect(db, st, sizeof **out, meeting_row, meeting_done_elem, "meetings",
			     (void **)out, n);
}

int meeting_count(struct db *db, enum meeting_part part, const char *query,
		  const struct page_key *before, int64_t *n)
{
	sqlite3_stmt *st;
	int status;

	*n = 0;
	status = store_count_prepare(db, &meeting_pages[part], query, before, &st);
	if (status != COPSE_OK)
		return status;
	bind_part(st, part);
	return db_step_int(db, st, n);
}

int meeting_key(const struct meeting *m, struct page_key *k)
{
	return page_key_set(k, 0, m->starts, m->id);
}

int meeting_update(struct db *db, struct meeting *m)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = meeting_validate(db, m)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "UPDATE meeting SET title = ?, starts = ?, ends = ?,"
			    " location = ?, agenda = ?, status = ?, updated = ?,"
			    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		meeting_bind(st, m);
		store_bind_text(st, 7, now);
		sqlite3_bind_int64(st, 8, m->id);
		sqlite3_bind_int(st, 9, m->version);
		status = store_step_update(db, st, m->title, "meeting", m->id);
	}
	if (status == COPSE_OK)
		status = save_revision(db, m->id, m->version + 1, m, now);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "meeting", m->id, m->title);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		m->version++;
		if (store_set_str(&m->updated, now))
			return db_nomem(db);
	}
	return status;
}

static int meeting_revision_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct meeting_revision *r = elem;

	r->meeting_id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int(st, 1);
	r->title = store_col_str(st, 2);
	r->agenda = store_col_str(st, 3);
	r->author = store_col_str(st, 4);
	r->at = store_col_str(st, 5);
	return r->title && r->agenda && r->author && r->at ? COPSE_OK : db_nomem(db);
}

int meeting_history(struct db *db, int64_t id, struct meeting_revision **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = meeting_exists(db, id, NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT meeting_id, version, title, agenda, author, at"
			    " FROM meeting_revision WHERE meeting_id = ? ORDER BY version DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	return store_collect(db, st, sizeof **out, meeting_revision_row,
			     meeting_revision_done_elem, "meeting history", (void **)out, n);
}

int meeting_delete(struct db *db, int64_t id)
{
	return store_trash_move(db, "meeting", id);
}

/* ---- attendance ---- */

int attend_set(struct db *db, int64_t meeting_id, int64_t member_id,
	       const char *att_status)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *title = NULL, *name = NULL, *summary = NULL;
	int status;

	if ((status = store_check_one_of(db, "attendance", att_status, attend_statuses)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = meeting_exists(db, meeting_id, &title);
	if (status == COPSE_OK)
		status = member_exists(db, member_id, &name);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO attendance(meeting_id, member_id, status, updated)"
				    " VALUES (?, ?, ?, ?) ON CONFLICT(meeting_id, member_id)"
				    " DO UPDATE SET status = excluded.status,"
				    " updated = excluded.updated", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_int64(st, 2, member_id);
		store_bind_text(st, 3, att_status);
		store_bind_text(st, 4, now);
		status = db_step_done(db, st, "attendance");
	}
	if (status == COPSE_OK) {
		struct buf b;

		buf_init(&b);
		if (buf_printf(&b, "%s: %s", name, title) != 0)
			status = db_nomem(db);
		summary = buf_steal(&b);
	}
	if (status == COPSE_OK)
		status = activity_log(db, att_status, "meeting", meeting_id, summary);
	free(title);
	free(name);
	free(summary);
	return db_write_end(db, status);
}

static int attendance_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct attendance *a = elem;

	a->meeting_id = sqlite3_column_int64(st, 0);
	a->member_id = sqlite3_column_int64(st, 1);
	a->name = store_col_str(st, 2);
	a->handle = store_col_strn(st, 3);
	a->status = store_col_str(st, 4);
	return a->name && a->status ? COPSE_OK : db_nomem(db);
}

int attend_list(struct db *db, int64_t meeting_id, struct attendance **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = meeting_exists(db, meeting_id, NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT a.meeting_id, a.member_id, m.name, m.handle, a.status"
			    " FROM attendance a JOIN member m ON m.id = a.member_id"
			    " WHERE a.meeting_id = ? ORDER BY m.name COLLATE FOLD, m.id", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, meeting_id);
	return store_collect(db, st, sizeof **out, attendance_row, attendance_done_elem,
			     "attendance", (void **)out, n);
}

/* ---- notes ---- */

static int note_validate(struct db *db, struct note *n)
{
	int status;

	if (str_empty(n->body))
		return db_fail(db, COPSE_INVALID, "note: must not be empty");
	if (str_empty(n->kind) && store_set_str(&n->kind, "note"))
		return db_nomem(db);
	if ((status = store_check_md(db, "note", n->body)) != COPSE_OK)
		return status;
	return store_check_one_of(db, "note kind", n->kind, note_kinds);
}

/* Insert a validated note inside the caller's transaction. */
static int note_insert(struct db *db, struct note *n, const char *now, int64_t *id)
{
	sqlite3_stmt *st;
	char *summary;
	int status;

	status = db_prepare(db, "INSERT INTO note(meeting_id, author, kind, body, created,"
			    " updated, version) VALUES (?, ?, ?, ?, ?, ?, 1)", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, n->meeting_id);
	store_bind_text(st, 2, str_empty(n->author) ? db_login(db) : n->author);
	store_bind_text(st, 3, n->kind);
	store_bind_text(st, 4, n->body);
	store_bind_text(st, 5, now);
	store_bind_text(st, 6, now);
	if ((status = db_step_done(db, st, "note")) != COPSE_OK)
		return status;
	*id = sqlite3_last_insert_rowid(db->h);
	if (!(summary = store_summary(n->body)))
		return db_nomem(db);
	status = activity_log(db, "added", "note", *id, summary);
	free(summary);
	return status;
}

int note_add(struct db *db, struct note *n)
{
	char now[ISO_LEN];
	int64_t id = 0;
	int status;

	if ((status = note_validate(db, n)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = meeting_exists(db, n->meeting_id, NULL);
	if (status == COPSE_OK)
		status = note_insert(db, n, now, &id);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		n->id = id;
		n->version = 1;
		if ((str_empty(n->author) && store_set_str(&n->author, db_login(db))) ||
		    store_set_str(&n->created, now) || store_set_str(&n->updated, now))
			return db_nomem(db);
	}
	return status;
}

#define NOTE_SELECT "SELECT id, meeting_id, author, kind, body, created, updated," \
	" version FROM note"

static int note_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct note *n = elem;

	n->id = sqlite3_column_int64(st, 0);
	n->meeting_id = sqlite3_column_int64(st, 1);
	n->author = store_col_str(st, 2);
	n->kind = store_col_str(st, 3);
	n->body = store_col_str(st, 4);
	n->created = store_col_str(st, 5);
	n->updated = store_col_str(st, 6);
	n->version = sqlite3_column_int(st, 7);
	return n->author && n->kind && n->body && n->created && n->updated ? COPSE_OK
		: db_nomem(db);
}

int note_get(struct db *db, int64_t id, struct note *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	note_init(out);
	if ((status = db_prepare(db, NOTE_SELECT " WHERE id = ?", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(missing, sizeof missing, "note %lld: no such note", (long long)id);
	if ((status = store_get_row(db, st, note_row, out, "note", missing)) != COPSE_OK)
		note_done(out);
	return status;
}

int note_list(struct db *db, int64_t meeting_id, struct note **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = meeting_exists(db, meeting_id, NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, NOTE_SELECT " WHERE meeting_id = ? ORDER BY created, id", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, meeting_id);
	return store_collect(db, st, sizeof **out, note_row, note_done_elem, "notes",
			     (void **)out, n);
}

static int note_version_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct note_version *v = elem;

	(void)db;
	v->id = sqlite3_column_int64(st, 0);
	v->version = sqlite3_column_int(st, 1);
	return COPSE_OK;
}

int note_versions(struct db *db, int64_t meeting_id, struct note_version **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = meeting_exists(db, meeting_id, NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT id, version FROM note WHERE meeting_id = ?"
			    " ORDER BY created, id", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, meeting_id);
	return store_collect(db, st, sizeof **out, note_version_row, NULL, "notes",
			     (void **)out, n);
}

int note_update(struct db *db, struct note *n)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *summary = NULL;
	int status;

	if ((status = note_validate(db, n)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "UPDATE note SET kind = ?, body = ?, updated = ?,"
			    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, n->kind);
		store_bind_text(st, 2, n->body);
		store_bind_text(st, 3, now);
		sqlite3_bind_int64(st, 4, n->id);
		sqlite3_bind_int(st, 5, n->version);
		status = store_step_update(db, st, "note", "note", n->id);
	}
	if (status == COPSE_OK && !(summary = store_summary(n->body)))
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "note", n->id, summary);
	free(summary);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		n->version++;
		if (store_set_str(&n->updated, now))
			return db_nomem(db);
	}
	return status;
}

int note_delete(struct db *db, int64_t id)
{
	return store_trash_move(db, "note", id);
}

/* ---- action items ---- */

static int action_validate(struct db *db, struct action *a)
{
	int status;

	if (str_empty(a->title))
		return db_fail(db, COPSE_INVALID, "action title: must not be empty");
	if (store_trim_field(&a->title, 0) || store_trim_field(&a->due, 1))
		return db_nomem(db);
	if ((status = store_norm_date(db, &a->due, "due date")) != COPSE_OK)
		return status;
	return norm_time(db, &a->done, "done time", 1);
}

/* Insert a validated action inside the caller's transaction. */
static int action_insert(struct db *db, struct action *a, int64_t note_id,
			 const char *now, int64_t *id)
{
	sqlite3_stmt *st;
	int status;

	if (a->owner_id <= 0 && !str_empty(a->owner_handle) &&
	    (status = member_id_by_handle(db, a->owner_handle, &a->owner_id)) != COPSE_OK)
		return status;
	if (a->owner_id > 0 && (status = member_exists(db, a->owner_id, NULL)) != COPSE_OK)
		return status;
	if (a->meeting_id > 0 && (status = meeting_exists(db, a->meeting_id, NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, "INSERT INTO action(title, owner_id, due, done, meeting_id,"
			    " note_id, author, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, a->title);
	store_bind_id(st, 2, a->owner_id);
	store_bind_text(st, 3, a->due);
	store_bind_text(st, 4, a->done);
	store_bind_id(st, 5, a->meeting_id);
	store_bind_id(st, 6, note_id);
	store_bind_text(st, 7, str_empty(a->author) ? db_login(db) : a->author);
	store_bind_text(st, 8, now);
	if ((status = db_step_done(db, st, "action")) != COPSE_OK)
		return status;
	*id = sqlite3_last_insert_rowid(db->h);
	return activity_log(db, "added", "action", *id, a->title);
}

int action_add(struct db *db, struct action *a)
{
	char now[ISO_LEN];
	int64_t id = 0;
	int status;

	if ((status = action_validate(db, a)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = action_insert(db, a, 0, now, &id);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		a->id = id;
		a->version = 1;
		if ((str_empty(a->author) && store_set_str(&a->author, db_login(db))) ||
		    store_set_str(&a->created, now))
			return db_nomem(db);
	}
	return status;
}

#define ACTION_SELECT "SELECT a.id, a.title, a.owner_id, m.name, m.handle, a.due," \
	" a.done, a.meeting_id, a.created, a.author, a.note_id, a.version" \
	" FROM action a LEFT JOIN member m ON m.id = a.owner_id"

static int action_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct action *a = elem;

	a->id = sqlite3_column_int64(st, 0);
	a->title = store_col_str(st, 1);
	a->owner_id = sqlite3_column_int64(st, 2);
	a->owner_name = store_col_strn(st, 3);
	a->owner_handle = store_col_strn(st, 4);
	a->due = store_col_strn(st, 5);
	a->done = store_col_strn(st, 6);
	a->meeting_id = sqlite3_column_int64(st, 7);
	a->created = store_col_str(st, 8);
	a->author = store_col_str(st, 9);
	a->note_id = sqlite3_column_int64(st, 10);
	a->version = sqlite3_column_int(st, 11);
	return a->title && a->created && a->author ? COPSE_OK : db_nomem(db);
}

int action_get(struct db *db, int64_t id, struct action *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	action_init(out);
	if ((status = db_prepare(db, ACTION_SELECT " WHERE a.id = ?", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(missing, sizeof missing, "action %lld: no such action", (long long)id);
	if ((status = store_get_row(db, st, action_row, out, "action", missing)) != COPSE_OK)
		action_done(out);
	return status;
}

/* Which actions f leaves: ?1 .. ?6 (action_bind).  The open ones are
 * asked for with a.done IS NULL written out, which lets SQLite read them
 * from the index action_open. */
#define ACTION_WHERE_OPEN " WHERE a.done IS NULL AND" ACTION_COND
#define ACTION_WHERE " WHERE" ACTION_COND
#define ACTION_COND \
	" (?1 = 0 OR a.done IS NULL)" \
	"   AND (?2 IS NULL OR a.owner_id = ?2)" \
	"   AND (?3 IS NULL OR a.meeting_id = ?3)" \
	"   AND (?4 IS NULL OR a.owner_id = (SELECT id FROM member WHERE handle = ?4))" \
	"   AND (?5 IS NULL OR (a.meeting_id IN (SELECT id FROM meeting" \
	"     WHERE starts < (SELECT starts FROM meeting WHERE id = ?5))" \
	"     AND (a.done IS NULL" \
	"       OR a.done >= (SELECT starts FROM meeting WHERE id = ?5))))" \
	"   AND (?6 IS NULL OR (a.due IS NOT NULL AND a.due <> '' AND a.due < ?6))"

static void action_bind(sqlite3_stmt *st, const struct action_filter *f)
{
	const char *handle = f ? f->owner_handle : NULL;

	if (handle && *handle == '@')
		handle++;
	sqlite3_bind_int(st, 1, f && f->open_only);
	store_bind_id(st, 2, f ? f->owner_id : 0);
	store_bind_id(st, 3, f ? f->meeting_id : 0);
	store_bind_text(st, 4, handle);
	store_bind_id(st, 5, f ? f->carried_to : 0);
	store_bind_text(st, 6, f ? f->due_before : NULL);
}

int action_list(struct db *db, const struct action_filter *f,
		struct action **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
#define ACTION_ORDER " ORDER BY a.done IS NOT NULL," \
	"   CASE WHEN a.done IS NULL THEN a.due IS NULL END," \
	"   CASE WHEN a.done IS NULL THEN a.due END," \
	"   a.done DESC, a.id LIMIT ?7"
	status = db_prepare(db, f && f->open_only
			    ? ACTION_SELECT ACTION_WHERE_OPEN ACTION_ORDER
			    : ACTION_SELECT ACTION_WHERE ACTION_ORDER, &st);
#undef ACTION_ORDER
	if (status != COPSE_OK)
		return status;
	action_bind(st, f);
	sqlite3_bind_int64(st, 7, f && f->limit ? (sqlite3_int64)f->limit : -1);
	return store_collect(db, st, sizeof **out, action_row, action_done_elem, "actions",
			     (void **)out, n);
}

int action_count(struct db *db, const struct action_filter *f, int64_t *n)
{
	sqlite3_stmt *st;
	int status;

	*n = 0;
	status = db_prepare(db, f && f->open_only
			    ? "SELECT count(*) FROM action a" ACTION_WHERE_OPEN
			    : "SELECT count(*) FROM action a" ACTION_WHERE, &st);
	if (status != COPSE_OK)
		return status;
	action_bind(st, f);
	return db_step_int(db, st, n);
}

int action_set_done(struct db *db, int64_t id, int done)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *title = NULL;
	int status;

	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = store_lookup(db, "SELECT title FROM action WHERE id = ?", id, "action", &title);
	/* Marking a done item done again keeps the time it was first done. */
	if (status == COPSE_OK)
		status = db_prepare(db, "UPDATE action SET done = CASE WHEN ?1"
				    " THEN coalesce(done, ?2) END, version = version + 1"
				    " WHERE id = ?3", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int(st, 1, done != 0);
		store_bind_text(st, 2, now);
		sqlite3_bind_int64(st, 3, id);
		status = db_step_done(db, st, "action");
	}
	if (status == COPSE_OK)
		status = activity_log(db, done ? "done" : "reopened", "action", id, title);
	free(title);
	return db_write_end(db, status);
}

/* The minutes line action a came from ("a: @who ..."), if any, says
 * what a says now, as note_add_line wrote it (noteline_action_body):
 * the minutes, the floor, search and the trash agree.  Inside the
 * caller's transaction. */
static int rewrite_action_line(struct db *db, const struct action *a)
{
	struct noteline nl;
	sqlite3_stmt *st;
	int64_t note_id = 0;
	char now[ISO_LEN], *body = NULL;
	int status, rc;

	noteline_init(&nl);
	status = db_prepare(db, "SELECT a.note_id, coalesce(m.handle, m.name) FROM action a"
			    " LEFT JOIN member m ON m.id = a.owner_id"
			    " WHERE a.id = ? AND a.note_id IS NOT NULL", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, a->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		note_id = sqlite3_column_int64(st, 0);
		nl.handle = store_col_str(st, 1);
		nl.text = xstrdup(a->title);
		if (a->due)
			snprintf(nl.due, sizeof nl.due, "%s", a->due);
		if (!nl.handle || !nl.text || !(body = noteline_action_body(&nl)))
			status = db_nomem(db);
	} else if (rc != SQLITE_DONE) {
		status = db_sqlite_fail(db, rc, "action");
	}
	sqlite3_finalize(st);
	noteline_done(&nl);
	if (status == COPSE_OK && body) {
		time_now_iso(now);
		status = db_prepare(db, "UPDATE note SET body = ?, updated = ?, version = version + 1"
				    " WHERE id = ?", &st);
		if (status == COPSE_OK) {
			store_bind_text(st, 1, body);
			store_bind_text(st, 2, now);
			sqlite3_bind_int64(st, 3, note_id);
			status = db_step_done(db, st, "note");
		}
	}
	free(body);
	return status;
}

int action_update(struct db *db, struct action *a)
{
	sqlite3_stmt *st;
	int status;

	if ((status = action_validate(db, a)) != COPSE_OK)
		return status;
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	if (a->owner_id <= 0 && !str_empty(a->owner_handle))
		status = member_id_by_handle(db, a->owner_handle, &a->owner_id);
	if (status == COPSE_OK && a->owner_id > 0)
		status = member_exists(db, a->owner_id, NULL);
	if (status == COPSE_OK)
		status = db_prepare(db, "UPDATE action SET title = ?, owner_id = ?, due = ?,"
				    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, a->title);
		store_bind_id(st, 2, a->owner_id);
		store_bind_text(st, 3, a->due);
		sqlite3_bind_int64(st, 4, a->id);
		sqlite3_bind_int(st, 5, a->version);
		status = store_step_update(db, st, a->title, "action", a->id);
	}
	if (status == COPSE_OK)
		status = rewrite_action_line(db, a);
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "action", a->id, a->title);
	status = db_write_end(db, status);
	if (status == COPSE_OK)
		a->version++;
	return status;
}

int action_delete(struct db *db, int64_t id)
{
	return store_trash_move(db, "action", id);
}

/* ---- quick note lines ---- */

int note_add_line(struct db *db, int64_t meeting_id, const char *line,
		  int64_t *note_id, int64_t *action_id)
{
	struct noteline nl;
	struct note n;
	struct action a;
	char now[ISO_LEN];
	char *body = NULL;
	int64_t nid = 0, aid = 0, owner = 0;
	int status, is_action;

	if (note_id)
		*note_id = 0;
	if (action_id)
		*action_id = 0;
	status = noteline_parse(line, copse_now(), &nl, db->err, sizeof db->err);
	if (status != COPSE_OK) {
		noteline_done(&nl);
		return status;
	}
	is_action = strcmp(nl.kind, "action") == 0;
	/* n and a point into nl and body: never note_done / action_done. */
	note_init(&n);
	action_init(&a);
	n.meeting_id = meeting_id;
	n.kind = is_action ? "note" : (char *)nl.kind;
	n.body = nl.text;
	if (is_action) {
		if (!(body = noteline_action_body(&nl))) {
			noteline_done(&nl);
			return db_nomem(db);
		}
		n.body = body;
		a.title = nl.text;
		a.due = nl.due[0] ? nl.due : NULL;
		a.meeting_id = meeting_id;
	}
	if ((status = store_check_md(db, n.kind, n.body)) != COPSE_OK)
		goto out;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		goto out;
	status = meeting_exists(db, meeting_id, NULL);
	if (status == COPSE_OK && is_action)
		status = member_id_by_handle(db, nl.handle, &owner);
	if (status == COPSE_OK)
		status = note_insert(db, &n, now, &nid);
	if (status == COPSE_OK && is_action) {
		a.owner_id = owner;
		status = action_insert(db, &a, nid, now, &aid);
	}
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		if (note_id)
			*note_id = nid;
		if (action_id)
			*action_id = aid;
	}
out:
	free(body);
	noteline_done(&nl);
	return status;
}
