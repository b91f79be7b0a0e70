/* db.c - open, migrate and guard the SQLite file; errors; transactions. */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/text.h"
#include "copse/util.h"
#include "store.h"

/* ---- status table ---- */

static const struct {
	int exit;
	const char *msg;
} statuses[] = {
#define STATUS_ROW(name, ex, m) { ex, m },
	COPSE_STATUSES(STATUS_ROW)
#undef STATUS_ROW
};

const char *status_message(int status)
{
	if (status < 0 || (size_t)status >= ARRAY_SIZE(statuses))
		return "unknown error";
	return statuses[status].msg;
}

int status_exit(int status)
{
	if (status < 0 || (size_t)status >= ARRAY_SIZE(statuses))
		return 1;
	return statuses[status].exit;
}

/* ---- schema ----
 *
 * Each step runs in one transaction and moves user_version from its index
 * to index + 1.  Never edit a step that has shipped; append a new one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the whole SPEC §2 model. */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	");"
	"CREATE TABLE member ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  handle TEXT UNIQUE,"
	"  email TEXT,"
	"  status TEXT NOT NULL DEFAULT 'prospect'"
	"    CHECK (status IN ('prospect','invited','active','alumni')),"
	"  role TEXT NOT NULL DEFAULT 'member'"
	"    CHECK (role IN ('coordinator','core','member')),"
	"  joined TEXT,"
	"  bio TEXT NOT NULL DEFAULT '',"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE member_tag ("
	"  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('expertise','interest')),"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (member_id, kind, tag)"
	");"
	"CREATE INDEX member_tag_by_tag ON member_tag(tag);"
	/* status changes, for the recruitment funnel */
	"CREATE TABLE member_status_log ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	");"
	/* per-member development notes by the coordinator */
	"CREATE TABLE devnote ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  author TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	");"
	/* participation level history (computed, explained) */
	"CREATE TABLE participation ("
	"  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  day TEXT NOT NULL,"
	"  level TEXT NOT NULL"
	"    CHECK (level IN ('core','active','peripheral','inactive')),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (member_id, day)"
	");"
	"CREATE TABLE connection ("
	"  id INTEGER PRIMARY KEY,"
	"  a INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  b INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL DEFAULT 'introduced'"
	"    CHECK (kind IN ('introduced','mentors','works-with')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL,"
	"  by TEXT NOT NULL,"
	"  CHECK (a <> b)"
	");"
	"CREATE INDEX connection_a ON connection(a);"
	"CREATE INDEX connection_b ON connection(b);"
	"CREATE TABLE meeting ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  starts TEXT NOT NULL,"
	"  ends TEXT,"
	"  location TEXT NOT NULL DEFAULT '',"
	"  agenda TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'planned'"
	"    CHECK (status IN ('planned','held','cancelled')),"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX meeting_starts ON meeting(starts);"
	"CREATE TABLE attendance ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('invited','accepted','declined','attended','absent')),"
	"  updated TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, member_id)"
	");"
	"CREATE INDEX attendance_member ON attendance(member_id);"
	"CREATE TABLE note ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  author TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'note'"
	"    CHECK (kind IN ('note','decision','question')),"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX note_meeting ON note(meeting_id, created);"
	"CREATE TABLE action ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  owner_id INTEGER REFERENCES member(id) ON DELETE SET NULL,"
	"  due TEXT,"
	"  done TEXT,"
	"  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,"
	"  note_id INTEGER REFERENCES note(id) ON DELETE SET NULL,"
	"  author TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	");"
	"CREATE INDEX action_owner ON action(owner_id);"
	"CREATE INDEX action_meeting ON action(meeting_id);"
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  kind TEXT NOT NULL DEFAULT 'lesson'"
	"    CHECK (kind IN ('lesson','story','tool','method','case','faq')),"
	"  body TEXT NOT NULL DEFAULT '',"
	"  author TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'published'"
	"    CHECK (status IN ('draft','published','archived')),"
	"  source_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,"
	"  source_note_id INTEGER REFERENCES note(id) ON DELETE SET NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX entry_title ON entry(title COLLATE NOCASE);"
	"CREATE TABLE entry_tag ("
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (entry_id, tag)"
	");"
	"CREATE INDEX entry_tag_by_tag ON entry_tag(tag);"
	/* every saved version, the current one included */
	"CREATE TABLE revision ("
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  author TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  PRIMARY KEY (entry_id, version)"
	");"
	/* outgoing [[wiki links]] of each entry, for backlinks */
	"CREATE TABLE entry_link ("
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  target TEXT NOT NULL COLLATE NOCASE,"
	"  PRIMARY KEY (entry_id, target)"
	");"
	"CREATE INDEX entry_link_target ON entry_link(target);"
	"CREATE TABLE entry_use ("
	"  id INTEGER PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  login TEXT NOT NULL,"
	"  outcome TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL"
	");"
	"CREATE INDEX entry_use_entry ON entry_use(entry_id);"
	"CREATE TABLE entry_read ("
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  login TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	");"
	"CREATE INDEX entry_read_login ON entry_read(login, at);"
	"CREATE TABLE topic ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  body TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open','exploring','addressed','parked')),"
	"  author TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE topic_vote ("
	"  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,"
	"  login TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  PRIMARY KEY (topic_id, login)"
	");"
	"CREATE TABLE topic_meeting ("
	"  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (topic_id, meeting_id)"
	");"
	"CREATE TABLE topic_entry ("
	"  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,"
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (topic_id, entry_id)"
	");"
	"CREATE TABLE assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"
	"  domain INTEGER NOT NULL CHECK (domain BETWEEN 1 AND 5),"
	"  community INTEGER NOT NULL CHECK (community BETWEEN 1 AND 5),"
	"  practice INTEGER NOT NULL CHECK (practice BETWEEN 1 AND 5),"
	"  stories TEXT NOT NULL DEFAULT '',"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  author TEXT NOT NULL,"
	"  metrics TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metrics)),"
	"  created TEXT NOT NULL"
	");"
	"CREATE TABLE value_story ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  cycle TEXT NOT NULL CHECK (cycle IN"
	"    ('immediate','potential','applied','realized','reframing')),"
	"  body TEXT NOT NULL"
	");"
	"CREATE TABLE activity ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  login TEXT NOT NULL,"
	"  verb TEXT NOT NULL,"
	"  object TEXT NOT NULL,"
	"  object_id INTEGER,"
	"  summary TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX activity_at ON activity(at);"
	"CREATE TABLE visit ("
	"  login TEXT PRIMARY KEY,"
	"  last TEXT NOT NULL,"
	"  previous TEXT"
	");"
	"CREATE TABLE presence ("
	"  login TEXT NOT NULL,"
	"  pid INTEGER NOT NULL,"
	"  host TEXT NOT NULL,"
	"  seen TEXT NOT NULL,"
	"  PRIMARY KEY (login, pid, host)"
	");"
	/* Full-text search: entries (title, tags, body) and meeting notes,
	 * rowid = the entry / note id, kept in step by triggers. */
	"CREATE VIRTUAL TABLE entry_fts USING fts5("
	"  title, tags, body, tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE VIRTUAL TABLE note_fts USING fts5("
	"  body, tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER entry_fts_ai AFTER INSERT ON entry BEGIN"
	"  INSERT INTO entry_fts(rowid, title, tags, body)"
	"  VALUES (new.id, new.title, '', new.body);"
	"END;"
	"CREATE TRIGGER entry_fts_au AFTER UPDATE OF title, body ON entry BEGIN"
	"  UPDATE entry_fts SET title = new.title, body = new.body"
	"  WHERE rowid = new.id;"
	"END;"
	"CREATE TRIGGER entry_fts_ad AFTER DELETE ON entry BEGIN"
	"  DELETE FROM entry_fts WHERE rowid = old.id;"
	"END;"
	"CREATE TRIGGER entry_tag_fts_ai AFTER INSERT ON entry_tag BEGIN"
	"  UPDATE entry_fts SET tags = (SELECT group_concat(tag, ' ')"
	"    FROM entry_tag WHERE entry_id = new.entry_id)"
	"  WHERE rowid = new.entry_id;"
	"END;"
	"CREATE TRIGGER entry_tag_fts_ad AFTER DELETE ON entry_tag BEGIN"
	"  UPDATE entry_fts SET tags = coalesce((SELECT group_concat(tag, ' ')"
	"    FROM entry_tag WHERE entry_id = old.entry_id), '')"
	"  WHERE rowid = old.entry_id;"
	"END;"
	"CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN"
	"  INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body);"
	"END;"
	"CREATE TRIGGER note_fts_au AFTER UPDATE OF body ON note BEGIN"
	"  UPDATE note_fts SET body = new.body WHERE rowid = new.id;"
	"END;"
	"CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN"
	"  DELETE FROM note_fts WHERE rowid = old.id;"
	"END;",
};

/* ---- errors ---- */

int db_fail(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
	return status;
}

static int status_of_sqlite(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return COPSE_OK;
	case SQLITE_BUSY: case SQLITE_LOCKED: return COPSE_BUSY;
	case SQLITE_NOTADB: return COPSE_NOTDB;
	case SQLITE_READONLY: return COPSE_READONLY;
	case SQLITE_PERM: case SQLITE_AUTH: return COPSE_PERM;
	case SQLITE_CANTOPEN: return COPSE_IO;
	case SQLITE_FULL: return COPSE_FULL;
	case SQLITE_IOERR: return COPSE_IO;
	case SQLITE_NOMEM: return COPSE_NOMEM;
	case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: case SQLITE_RANGE:
	case SQLITE_TOOBIG:
		return COPSE_INVALID;
	case SQLITE_CORRUPT: return COPSE_NOTDB;
	default: return COPSE_DB;
	}
}

int db_sqlite_fail(struct db *db, int rc, const char *what)
{
	int status = status_of_sqlite(rc);
	const char *detail;

	if (status == COPSE_OK)
		return COPSE_OK;
	/* An I/O error is often a full disk, a quota or a file-size limit:
	 * say so, it is something the user can act on. */
	if (status == COPSE_IO && db->h) {
		int e = sqlite3_system_errno(db->h);
		if (e == ENOSPC || e == EDQUOT || e == EFBIG)
			status = COPSE_FULL;
	}
	detail = db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	if (!detail || !*detail)
		detail = sqlite3_errstr(rc);
	switch (status) {
	case COPSE_BUSY:
		detail = "database is locked by another copse; try again";
		break;
	case COPSE_FULL:
		detail = "disk is full; nothing was changed";
		break;
	case COPSE_READONLY:
		detail = "database is read-only (check the file's permissions)";
		break;
	case COPSE_NOTDB:
		detail = "not a copse database (file is not SQLite or is damaged)";
		break;
	default:
		break;
	}
	if (what && *what)
		return db_fail(db, status, "%s: %s", what, detail);
	return db_fail(db, status, "%s", detail);
}

const char *db_error(const struct db *db)
{
	if (!db)
		return "no database";
	return db->err[0] ? db->err : "unknown error";
}

const char *db_path(const struct db *db)
{
	return db->path;
}

/* ---- statements ---- */

int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);

	if (rc != SQLITE_OK) {
		*st = NULL;
		return db_sqlite_fail(db, rc, db->path);
	}
	return COPSE_OK;
}

int db_exec(struct db *db, const char *sql)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? COPSE_OK : db_sqlite_fail(db, rc, db->path);
}

int db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int db_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id <= 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, id);
}

char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t ? (const char *)t : "");
}

char *col_strn(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

int db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out)
{
	int rc = sqlite3_step(st);
	int status = COPSE_OK;

	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		*out = 0;
	else
		status = db_sqlite_fail(db, rc, db->path);
	sqlite3_finalize(st);
	return status;
}

int db_one_of(const char *v, const char *const *allowed)
{
	if (!v)
		return 0;
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

const char *db_list_str(const char *const *allowed)
{
	static char out[256];
	size_t len = 0;

	out[0] = '\0';
	for (; *allowed; allowed++) {
		int w = snprintf(out + len, sizeof out - len, "%s%s",
				 len ? "|" : "", *allowed);
		if (w < 0 || (size_t)w >= sizeof out - len)
			break;
		len += (size_t)w;
	}
	return out;
}

int db_check_one_of(struct db *db, const char *label, const char *v,
		    const char *const *allowed)
{
	if (db_one_of(v, allowed))
		return COPSE_OK;
	return db_fail(db, COPSE_INVALID, "%s '%s': must be one of %s", label,
		       v ? v : "", db_list_str(allowed));
}

/* ---- pieces the verbs share ---- */

int db_nomem(struct db *db)
{
	return db_fail(db, COPSE_NOMEM, "out of memory");
}

int db_set_str(char **field, const char *v)
{
	char *s = xstrdup(v);

	if (v && !s)
		return -1;
	free(*field);
	*field = s;
	return 0;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, what);
}

/* After a versioned UPDATE of row id changed nothing: why not. */
static int db_version_fail(struct db *db, const char *table, int64_t id)
{
	char sql[96], *version = NULL;
	int status;

	snprintf(sql, sizeof sql, "SELECT version FROM %s WHERE id = ?", table);
	if ((status = db_lookup(db, sql, id, table, &version)) != COPSE_OK)
		return status;
	status = db_fail(db, COPSE_CONFLICT, "%s %lld: changed by someone else (now version %s)",
			 table, (long long)id, version);
	free(version);
	return status;
}

int db_step_update(struct db *db, sqlite3_stmt *st, const char *what, const char *table,
		   int64_t id)
{
	int status = db_step_done(db, st, what);

	if (status == COPSE_OK && sqlite3_changes(db->h) == 0)
		status = db_version_fail(db, table, id);
	return status;
}

int db_trim_field(char **field, int nullable)
{
	const char *s = *field;
	size_t len;
	char *t;

	if (!s || str_empty(s)) {
		if (s && !*s && !nullable)
			return 0;
		free(*field);
		*field = nullable ? NULL : xstrdup("");
		return nullable || *field ? 0 : -1;
	}
	len = strlen(s);
	if (!isspace((unsigned char)s[0]) && !isspace((unsigned char)s[len - 1]))
		return 0;
	if (!(t = xstrdup(s)))
		return -1;
	str_trim(t);
	free(*field);
	*field = t;
	return 0;
}

int db_norm_date(struct db *db, char **field, const char *label)
{
	char date[11];

	if (!*field)
		return COPSE_OK;
	if (date_parse(*field, date) != 0)
		return db_fail(db, COPSE_INVALID, "%s '%s': not a valid date (YYYY-MM-DD)", label,
			       *field);
	return db_set_str(field, date) ? db_nomem(db) : COPSE_OK;
}

int db_run_id(struct db *db, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *st;
	int status;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, what);
}

int db_lookup(struct db *db, const char *sql, int64_t id, const char *what, char **text)
{
	sqlite3_stmt *st;
	int status, rc;

	if (text)
		*text = NULL;
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (text && !(*text = col_str(st, 0)))
			status = db_nomem(db);
	} else if (rc == SQLITE_DONE) {
		status = db_fail(db, COPSE_NOTFOUND, "%s %lld: no such %s", what,
				 (long long)id, what);
	} else {
		status = db_sqlite_fail(db, rc, what);
	}
	sqlite3_finalize(st);
	return status;
}

int db_insert_strv(struct db *db, const char *sql, int64_t id, const struct strv *v,
		   const char *what)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	for (size_t i = 0; i < v->n && status == COPSE_OK; i++) {
		if (!*v->v[i])
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, v->v[i]);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			status = db_sqlite_fail(db, rc, what);
	}
	sqlite3_finalize(st);
	return status;
}

int db_delete_logged(struct db *db, const char *table, const char *col, int64_t id)
{
	char sel[96], del[64], *title = NULL;
	int status;

	snprintf(sel, sizeof sel, "SELECT %s FROM %s WHERE id = ?", col, table);
	snprintf(del, sizeof del, "DELETE FROM %s WHERE id = ?", table);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_lookup(db, sel, id, table, &title);
	if (status == COPSE_OK)
		status = db_run_id(db, del, id, table);
	if (status == COPSE_OK)
		status = activity_log(db, "deleted", table, id, title);
	free(title);
	return db_write_end(db, status);
}

int db_collect(struct db *db, sqlite3_stmt *st, size_t size, db_row_fn row,
	       void (*done)(void *elem), const char *what, void **out, size_t *n)
{
	char *v = NULL;
	size_t len = 0, cap = 0;
	int status = COPSE_OK, rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&v, &cap, len, size) != 0) {
			status = db_nomem(db);
			break;
		}
		status = row(db, st, v + len++ * size);
		if (status != COPSE_OK)
			break;
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		db_list_free(v, done ? len : 0, size, done);
		return status;
	}
	*out = v;
	*n = len;
	return COPSE_OK;
}

int db_grow(void **v, size_t *cap, size_t len, size_t size)
{
	if (len == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		void *nv = realloc(*v, ncap * size);

		if (!nv)
			return -1;
		*v = nv;
		*cap = ncap;
	}
	memset((char *)*v + len * size, 0, size);
	return 0;
}

void db_list_free(void *v, size_t n, size_t size, void (*done)(void *elem))
{
	for (size_t i = 0; v && i < n; i++)
		done((char *)v + i * size);
	free(v);
}

int db_get_row(struct db *db, sqlite3_stmt *st, db_row_fn row, void *elem,
	       const char *what, const char *missing)
{
	int rc = sqlite3_step(st), status;

	if (rc == SQLITE_ROW)
		status = row(db, st, elem);
	else if (rc == SQLITE_DONE)
		status = db_fail(db, COPSE_NOTFOUND, "%s", missing);
	else
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

struct id_elem {
	int64_t id;
	void *elem;
};

static int cmp_id_elem(const void *a, const void *b)
{
	int64_t x = ((const struct id_elem *)a)->id, y = ((const struct id_elem *)b)->id;

	return x < y ? -1 : x > y;
}

/* Walk the elements in id order beside the rows, which come in id order. */
int db_attach(struct db *db, const char *sql, void *v, size_t n, size_t size, size_t id_off,
	      db_row_fn add, const char *what)
{
	struct id_elem *byid;
	sqlite3_stmt *st;
	size_t i = 0;
	int status, rc = SQLITE_DONE;

	if (n == 0)
		return COPSE_OK;
	if (!(byid = malloc(n * sizeof *byid)))
		return db_nomem(db);
	for (size_t k = 0; k < n; k++) {
		byid[k].elem = (char *)v + k * size;
		memcpy(&byid[k].id, (char *)byid[k].elem + id_off, sizeof byid[k].id);
	}
	qsort(byid, n, sizeof *byid, cmp_id_elem);
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK) {
		free(byid);
		return status;
	}
	sqlite3_bind_int64(st, 1, byid[0].id);
	sqlite3_bind_int64(st, 2, byid[n - 1].id);
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		while (i < n - 1 && byid[i].id < id)
			i++;
		if (byid[i].id == id)
			status = add(db, st, byid[i].elem);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	free(byid);
	return status;
}

int db_row_id(struct db *db, sqlite3_stmt *st, void *elem)
{
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
	return COPSE_OK;
}

/* ---- transactions ---- */

int db_begin(struct db *db)
{
	int status;

	if (db->tx_depth > 0)
		return db_fail(db, COPSE_DB, "transaction already open");
	status = db_exec(db, "BEGIN IMMEDIATE");
	if (status == COPSE_OK)
		db->tx_depth = 1;
	return status;
}

int db_commit(struct db *db)
{
	int status = db_exec(db, "COMMIT");

	if (status != COPSE_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	}
	db->tx_depth = 0;
	return status;
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->tx_depth = 0;
}

int db_write_begin(struct db *db)
{
	if (db->tx_depth > 0) {
		db->tx_depth++;
		return COPSE_OK;
	}
	return db_begin(db);
}

int db_write_end(struct db *db, int status)
{
	if (db->tx_depth > 1) {
		db->tx_depth--;
		return status;
	}
	if (status == COPSE_OK)
		return db_commit(db);
	db_rollback(db);
	return status;
}

/* ---- open and migrate ---- */

static void set_login(struct db *db)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(db->login, sizeof db->login, "%s", pw->pw_name);
	else
		snprintf(db->login, sizeof db->login, "uid%ld", (long)getuid());
}

const char *db_login(const struct db *db)
{
	return db->login;
}

void db_set_login(struct db *db, const char *login)
{
	snprintf(db->login, sizeof db->login, "%s", login ? login : "");
}

/* Create the parent directory of path (one level of XDG dirs may be
 * missing, so go up the chain). */
static int make_parent_dirs(const char *path)
{
	char *dup = xstrdup(path), *p;
	int rc = 0;

	if (!dup)
		return -1;
	for (p = dup + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dup, 0700) != 0 && errno != EEXIST) {
			rc = -1;
			*p = '/';
			break;
		}
		*p = '/';
	}
	free(dup);
	return rc;
}

static int is_known_schema(struct db *db, int64_t version)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (version > 0)
		return 1;
	/* user_version 0: empty file, or some other SQLite database. */
	if (db_prepare(db, "SELECT count(*) FROM sqlite_schema", &st) != COPSE_OK)
		return -1;
	if (db_step_int(db, st, &n) != COPSE_OK)
		return -1;
	return n == 0;
}

static int migrate(struct db *db)
{
	sqlite3_stmt *st;
	int64_t version;
	int status, known;

	if ((status = db_prepare(db, "PRAGMA user_version", &st)) != COPSE_OK)
		return status;
	if ((status = db_step_int(db, st, &version)) != COPSE_OK)
		return status;
	if (version > (int64_t)ARRAY_SIZE(migrations))
		return db_fail(db, COPSE_SCHEMA,
			       "%s: database schema version %lld is newer than this "
			       "copse understands (%d); upgrade copse",
			       db->path, (long long)version, (int)ARRAY_SIZE(migrations));
	known = is_known_schema(db, version);
	if (known < 0)
		return db_sqlite_fail(db, SQLITE_NOTADB, db->path);
	if (!known)
		return db_fail(db, COPSE_NOTDB,
			       "%s: not a copse database (an SQLite file with other tables)",
			       db->path);
	while (version < (int64_t)ARRAY_SIZE(migrations)) {
		char pragma[64];

		if ((status = db_begin(db)) != COPSE_OK)
			return status;
		status = db_exec(db, migrations[version]);
		if (status == COPSE_OK) {
			snprintf(pragma, sizeof pragma, "PRAGMA user_version = %lld",
				 (long long)version + 1);
			status = db_exec(db, pragma);
		}
		if (status == COPSE_OK)
			status = db_prepare(db, "INSERT OR IGNORE INTO meta(key, value)"
					    " VALUES ('created', ?)", &st);
		if (status == COPSE_OK) {
			char now[ISO_LEN];

			time_now_iso(now);
			db_bind_text(st, 1, now);
			status = db_step_done(db, st, db->path);
		}
		if (status != COPSE_OK) {
			char msg[sizeof db->err];

			snprintf(msg, sizeof msg, "%s", db->err);
			db_rollback(db);
			return db_fail(db, status, "migration to schema %lld failed: %s",
				       (long long)version + 1, msg);
		}
		if ((status = db_commit(db)) != COPSE_OK)
			return status;
		version++;
	}
	return COPSE_OK;
}

static int collate_fold(void *ctx, int alen, const void *a, int blen, const void *b)
{
	(void)ctx;
	return text_collate(a, (size_t)alen, b, (size_t)blen);
}

static int configure(struct db *db, int readonly)
{
	int status;
	int one = 1;

	sqlite3_extended_result_codes(db->h, 1);
	/* Wait up to 8 s for another writer; COPSE_BUSY_TIMEOUT (ms) lets
	 * tests shorten that. */
	{
		const char *env = getenv("COPSE_BUSY_TIMEOUT");
		int ms = env && *env ? atoi(env) : 8000;
		sqlite3_busy_timeout(db->h, ms > 0 ? ms : 8000);
	}
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, &one);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &one);
	/* ORDER BY ... COLLATE FOLD sorts names and titles ignoring case and
	 * accents.  Used in queries only, never in the schema, so other
	 * SQLite tools can still read the file. */
	sqlite3_create_collation_v2(db->h, "FOLD", SQLITE_UTF8, NULL, collate_fold, NULL);
	/* Reading the schema is the first real access: it is where a file
	 * that is not SQLite shows itself. */
	if ((status = db_exec(db, "SELECT count(*) FROM sqlite_schema")) != COPSE_OK)
		return status;
	if ((status = db_exec(db, "PRAGMA foreign_keys = ON")) != COPSE_OK)
		return status;
	if (!readonly && strcmp(db->path, ":memory:") != 0) {
		/* journal_mode=WAL is persistent; changing it needs a write
		 * lock, so only ask when it is not WAL yet. */
		sqlite3_stmt *st;
		int is_wal = 0;

		if ((status = db_prepare(db, "PRAGMA journal_mode", &st)) != COPSE_OK)
			return status;
		if (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *m = sqlite3_column_text(st, 0);
			is_wal = m && strcmp((const char *)m, "wal") == 0;
		}
		sqlite3_finalize(st);
		if (!is_wal && (status = db_exec(db, "PRAGMA journal_mode = WAL")) != COPSE_OK)
			return status;
		if ((status = db_exec(db, "PRAGMA synchronous = NORMAL")) != COPSE_OK)
			return status;
	}
	return COPSE_OK;
}

int db_open(const char *path, int flags, struct db **out, char *err, size_t errlen)
{
	struct db *db;
	int oflags, rc, status;
	int memory = strcmp(path, ":memory:") == 0;

	*out = NULL;
	db = calloc(1, sizeof *db);
	if (!db || !(db->path = xstrdup(path))) {
		free(db);
		if (err)
			snprintf(err, errlen, "%s: out of memory", path);
		return COPSE_NOMEM;
	}
	set_login(db);
	if (flags & DB_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else
		oflags = SQLITE_OPEN_READWRITE | ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
	oflags |= SQLITE_OPEN_NOMUTEX;
	if (!memory && (flags & DB_CREATE) && access(path, F_OK) != 0)
		make_parent_dirs(path);
	if (!memory && !(flags & DB_CREATE) && access(path, F_OK) != 0) {
		status = db_fail(db, COPSE_NOTFOUND,
				 "%s: no such database (create it with 'copse init')", path);
		goto fail;
	}
	rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CANTOPEN && access(path, F_OK) == 0 &&
		    access(path, R_OK | W_OK) != 0)
			status = db_fail(db, COPSE_PERM, "%s: permission denied", path);
		else if ((rc & 0xff) == SQLITE_CANTOPEN)
			status = db_fail(db, COPSE_IO, "%s: cannot open database (%s)", path,
					 errno ? strerror(errno) : "unable to open");
		else
			status = db_sqlite_fail(db, rc, path);
		goto fail;
	}
	status = configure(db, 1);   /* WAL only after the schema is known to be ours */
	if (status == COPSE_OK && !(flags & DB_READONLY))
		status = migrate(db);
	if (status == COPSE_OK && !(flags & DB_READONLY))
		status = configure(db, 0);
	if (status != COPSE_OK)
		goto fail;
	*out = db;
	return COPSE_OK;
fail:
	if (err)
		snprintf(err, errlen, "%s", db->err);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
	return status;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	if (db->h) {
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(db->h);
	}
	free(db->path);
	free(db);
}

/* ---- meta ---- */

int db_meta_get(struct db *db, const char *key, char **value)
{
	sqlite3_stmt *st;
	int status, rc;

	*value = NULL;
	if ((status = db_prepare(db, "SELECT value FROM meta WHERE key = ?", &st)) != COPSE_OK)
		return status;
	db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = col_str(st, 0);
		status = *value ? COPSE_OK : COPSE_NOMEM;
	} else if (rc == SQLITE_DONE) {
		status = db_fail(db, COPSE_NOTFOUND, "setting %s: not set", key);
	} else {
		status = db_sqlite_fail(db, rc, db->path);
	}
	sqlite3_finalize(st);
	return status;
}

int db_meta_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int status;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "INSERT INTO meta(key, value) VALUES (?, ?) "
			    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
	if (status == COPSE_OK) {
		db_bind_text(st, 1, key);
		db_bind_text(st, 2, value);
		status = db_step_done(db, st, db->path);
	}
	return db_write_end(db, status);
}

char *db_community_name(struct db *db)
{
	char *name = NULL;

	if (db_meta_get(db, "name", &name) != COPSE_OK || str_empty(name)) {
		free(name);
		return xstrdup("copse");
	}
	return name;
}

int64_t db_data_version(struct db *db)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_is_empty(struct db *db)
{
	sqlite3_stmt *st;
	int64_t n = 1;

	if (db_prepare(db, "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting)"
		       " + (SELECT count(*) FROM entry) + (SELECT count(*) FROM topic)",
		       &st) != COPSE_OK)
		return 0;
	if (db_step_int(db, st, &n) != COPSE_OK)
		return 0;
	return n == 0;
}

/* ---- backup ---- */

int db_backup(struct db *db, const char *path)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	int rc;

	if (access(path, F_OK) == 0)
		return db_fail(db, COPSE_INVALID, "%s: file exists; not overwriting it", path);
	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(dst);
		return db_fail(db, COPSE_IO, "%s: cannot create backup file", path);
	}
	bk = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!bk) {
		int status = db_fail(db, COPSE_DB, "%s: backup failed: %s", path,
				     sqlite3_errmsg(dst));
		sqlite3_close(dst);
		unlink(path);
		return status;
	}
	/* Copy in steps so writers are not shut out for the whole copy;
	 * retry politely while another process holds the lock. */
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		int status = db_fail(db, status_of_sqlite(rc) == COPSE_OK ? COPSE_IO :
				     status_of_sqlite(rc), "%s: backup failed: %s", path,
				     sqlite3_errstr(rc));
		sqlite3_close(dst);
		unlink(path);
		return status;
	}
	rc = sqlite3_close(dst);
	return rc == SQLITE_OK ? COPSE_OK : db_fail(db, COPSE_IO, "%s: backup failed", path);
}

/* ---- tags ---- */

int db_clean_tags(struct db *db, struct strv *tags, const char *kind)
{
	struct strv clean;
	int status = COPSE_OK;

	strv_init(&clean);
	for (size_t i = 0; i < tags->n; i++) {
		char *t = xstrdup(tags->v[i]);
		int dup = 0;

		if (!t) {
			status = db_nomem(db);
			break;
		}
		str_trim(t);
		if (*t == '#')
			memmove(t, t + 1, strlen(t));
		if (strchr(t, ',')) {
			status = db_fail(db, COPSE_INVALID,
					 "%s tag '%s': must not contain a comma", kind, t);
			free(t);
			break;
		}
		for (size_t j = 0; j < clean.n; j++)
			if (strcasecmp(clean.v[j], t) == 0)
				dup = 1;
		if (*t && !dup && strv_push(&clean, t) != 0)
			status = db_nomem(db);
		free(t);
		if (status != COPSE_OK)
			break;
	}
	if (status != COPSE_OK) {
		strv_done(&clean);
		return status;
	}
	strv_done(tags);
	*tags = clean;
	return COPSE_OK;
}
