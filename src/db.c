/* db.c - the database file: open, configure and migrate it (the steps are
 * in schema.c), errors, one statement at a time, transactions, settings
 * and backup. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/text.h"
#include "copse/util.h"
#include "schema.h"
#include "store.h"

/* ---- errors ---- */

int db_fail(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
	/* one line a problem, whatever the quoted text holds */
	for (char *p = db->err; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
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

int db_file_error(int rc)
{
	switch (status_of_sqlite(rc)) {
	case COPSE_BUSY: case COPSE_READONLY: case COPSE_FULL: case COPSE_IO: case COPSE_PERM:
		return 1;
	default:
		return 0;
	}
}

int db_sqlite_fail(struct db *db, int rc, const char *what)
{
	int status = status_of_sqlite(rc), e = 0;
	const char *detail;

	if (status == COPSE_OK)
		return COPSE_OK;
	/* An I/O error is often a full disk, a quota or a file-size limit:
	 * say so, it is something the user can act on. */
	if (db->h)
		e = sqlite3_system_errno(db->h);
	if (status == COPSE_IO && (e == ENOSPC || e == EDQUOT || e == EFBIG))
		status = COPSE_FULL;
	detail = db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	if (!detail || !*detail)
		detail = sqlite3_errstr(rc);
	switch (status) {
	case COPSE_BUSY:
		detail = "database is locked by another process; try again";
		break;
	case COPSE_FULL:
		detail = e == EFBIG ? "file size limit reached (ulimit -f); nothing was changed"
			: "disk is full; nothing was changed";
		break;
	case COPSE_READONLY:
		detail = db->readonly ? db->ro_why : "database is read-only";
		break;
	case COPSE_NOTDB:
		if ((rc & 0xff) == SQLITE_CORRUPT && what && *what && strcmp(what, db->path) != 0)
			return db_fail(db, status, "%s: the database is damaged (found reading %s); "
				       "restore it from a backup", db->path, what);
		detail = "not a copse database (file is not SQLite or is damaged)";
		break;
	default:
		break;
	}
	/* A locked, read-only, full or failing file is the database's
	 * problem, not the record's: name the file. */
	if (db_file_error(rc))
		what = db->path;
	if (what && *what)
		return db_fail(db, status, "%s: %s", what, detail);
	return db_fail(db, status, "%s", detail);
}

int db_nomem(struct db *db)
{
	return db_fail(db, COPSE_NOMEM, "out of memory");
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

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, what);
}

/* ---- transactions ---- */

int db_begin(struct db *db)
{
	int status;

	if (db->tx_depth > 0)
		return db_fail(db, COPSE_DB, "transaction already open");
	if (db->readonly)
		return db_fail(db, COPSE_READONLY, "%s: %s", db->path, db->ro_why);
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

int db_write_begin_brief(struct db *db)
{
	int status;

	if (db->tx_depth > 0)
		return db_write_begin(db);
	sqlite3_busy_timeout(db->h, db->busy_ms < DB_BRIEF_MS ? db->busy_ms : DB_BRIEF_MS);
	status = db_begin(db);
	sqlite3_busy_timeout(db->h, db->busy_ms);
	return status;
}

void db_write_wait(struct db *db, int ms)
{
	sqlite3_busy_timeout(db->h, ms < 0 || ms > db->busy_ms ? db->busy_ms : ms);
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

/* The schema version and the number of tables, read in one statement:
 * one snapshot, even while another process creates the schema. */
static int read_version(struct db *db, int64_t *version, int64_t *tables)
{
	sqlite3_stmt *st;
	int status, rc;

	status = db_prepare(db, "SELECT user_version, (SELECT count(*) FROM sqlite_schema)"
			    " FROM pragma_user_version", &st);
	if (status != COPSE_OK)
		return status;
	*version = *tables = 0;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int64(st, 0);
		*tables = sqlite3_column_int64(st, 1);
	} else {
		status = db_sqlite_fail(db, rc, db->path);
	}
	sqlite3_finalize(st);
	return status;
}

/* A version this copse can open: not newer than it knows, and not
 * version 0 (an empty file) with some other program's tables. */
static int check_version(struct db *db, int64_t version, int64_t tables)
{
	if (version > schema_nsteps)
		return db_fail(db, COPSE_SCHEMA,
			       "%s: database schema version %lld is newer than this "
			       "copse understands (%d); upgrade copse",
			       db->path, (long long)version, schema_nsteps);
	if (version == 0 && tables > 0)
		return db_fail(db, COPSE_NOTDB,
			       "%s: not a copse database (an SQLite file with other tables)",
			       db->path);
	return COPSE_OK;
}

static int migrate(struct db *db)
{
	sqlite3_stmt *st;
	int64_t version, tables;
	int status;

	if ((status = read_version(db, &version, &tables)) != COPSE_OK ||
	    (status = check_version(db, version, tables)) != COPSE_OK)
		return status;
	/* A step may rebuild a table (schema.c): dropping the old one must
	 * not cascade to the rows that refer to it, so foreign keys are off
	 * while steps run (the pragma is a no-op inside a transaction) and
	 * checked before each COMMIT instead.  configure() turns them on. */
	if (version < schema_nsteps && (status = db_exec(db, "PRAGMA foreign_keys = OFF")) != COPSE_OK)
		return status;
	while (version < schema_nsteps) {
		char pragma[64];
		int64_t broken = 0;

		if ((status = db_begin(db)) != COPSE_OK)
			return status;
		/* Another process may have migrated while this one waited for
		 * the write lock: read the version again under it. */
		status = read_version(db, &version, &tables);
		if (status == COPSE_OK && version >= schema_nsteps) {
			if ((status = db_commit(db)) != COPSE_OK)
				return status;
			break;
		}
		if (status == COPSE_OK)
			status = db_exec(db, schema_steps[version]);
		if (status == COPSE_OK)
			status = db_prepare(db, "SELECT count(*) FROM pragma_foreign_key_check", &st);
		if (status == COPSE_OK)
			status = db_step_int(db, st, &broken);
		if (status == COPSE_OK && broken)
			status = db_fail(db, COPSE_DB, "%lld rows refer to rows that do not exist",
					 (long long)broken);
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
			sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
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

/* A reader cannot migrate: the schema must be this copse's already. */
static int check_readonly_schema(struct db *db)
{
	int64_t version, tables;
	int status = read_version(db, &version, &tables);

	if (status != COPSE_OK || (status = check_version(db, version, tables)) != COPSE_OK)
		return status;
	if (version < schema_nsteps)
		return db_fail(db, COPSE_READONLY, "%s: made by an older copse, and upgrading it "
			       "needs write access (%s); someone who may write opens it once",
			       db->path, db->ro_why);
	return COPSE_OK;
}

static int collate_fold(void *ctx, int alen, const void *a, int blen, const void *b)
{
	(void)ctx;
	return text_collate(a, (size_t)alen, b, (size_t)blen);
}

/* copse_fold(text): the sort key of a title or name (text_fold), kept
 * in entry.title_key and member.name_key by triggers and compared with
 * a folded piece of text by the list filters. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s;
	char *key;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	s = sqlite3_value_text(argv[0]);
	key = s ? text_fold((const char *)s, (size_t)sqlite3_value_bytes(argv[0])) : NULL;
	if (!key) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

/* journal_mode = WAL on a new database.  The switch needs every other
 * connection's lock gone, and SQLite answers "busy" at once instead of
 * calling the busy handler when another process holds a read lock (16
 * processes opening a new file together: about one run in 50 failed).
 * So wait here, a few milliseconds at a time, up to the busy timeout;
 * another process may have switched it meanwhile. */
static int switch_to_wal(struct db *db)
{
	struct timespec t0, now, nap = { 0, 5 * 1000 * 1000 };
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		status = db_exec(db, "PRAGMA journal_mode = WAL");
		if (status != COPSE_BUSY)
			return status;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000 >= db->busy_ms)
			return status;
		nanosleep(&nap, NULL);
	}
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
		db->busy_ms = ms > 0 ? ms : 8000;
		sqlite3_busy_timeout(db->h, db->busy_ms);
	}
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, &one);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &one);
	/* ORDER BY ... COLLATE FOLD sorts names and titles ignoring case and
	 * accents.  Used in queries only, never in the schema, so other
	 * SQLite tools can still read the file. */
	sqlite3_create_collation_v2(db->h, "FOLD", SQLITE_UTF8, NULL, collate_fold, NULL);
	/* The schema does use copse_fold(), in the triggers that keep the
	 * sort keys: other tools read the file as before, and a write that
	 * changes a title needs copse (or fails, changing nothing). */
	sqlite3_create_function_v2(db->h, "copse_fold", 1,
				   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				   NULL, sql_fold, NULL, NULL, NULL);
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
		if (!is_wal && (status = switch_to_wal(db)) != COPSE_OK)
			return status;
		if ((status = db_exec(db, "PRAGMA synchronous = NORMAL")) != COPSE_OK)
			return status;
	}
	return COPSE_OK;
}

/* Open db->h as db->readonly says; the message names the file. */
static int open_handle(struct db *db)
{
	int rc = dbfile_open(db, &db->h);

	if (rc == SQLITE_OK)
		return COPSE_OK;
	if ((rc & 0xff) == SQLITE_CANTOPEN)
		return db_fail(db, COPSE_IO, "%s: cannot open database (%s)", db->path,
			       errno ? strerror(errno) : "unable to open");
	return db_sqlite_fail(db, rc, db->path);
}

int db_open(const char *path, int flags, struct db **out, char *err, size_t errlen)
{
	struct db *db;
	int status = COPSE_OK;
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
	if (!memory && (flags & DB_CREATE))
		status = dbfile_create(db);
	else if (!memory && access(path, F_OK) != 0)
		status = db_fail(db, COPSE_NOTFOUND,
				 "%s: no such database (create it with 'copse init')", path);
	if (status != COPSE_OK)
		goto fail;
	if (flags & DB_READONLY)
		snprintf(db->ro_why, sizeof db->ro_why, "opened read-only");
	if (flags & DB_READONLY)
		db->readonly = 1;
	else if (!memory && (status = dbfile_check_write(db)) != COPSE_OK)
		goto fail;
	if ((status = open_handle(db)) != COPSE_OK)
		goto fail;
	status = configure(db, 1);   /* WAL only after the schema is known to be ours */
	if (status == COPSE_OK && !db->readonly)
		status = migrate(db);
	else if (status == COPSE_OK)
		status = check_readonly_schema(db);
	if (status == COPSE_OK && !db->readonly)
		status = configure(db, 0);
	if (status != COPSE_OK)
		goto fail;
	if (!memory && !db->readonly)
		dbfile_fix_group(db);
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

const char *db_readonly(const struct db *db)
{
	return db->readonly ? db->ro_why : NULL;
}

int db_created(const struct db *db)
{
	return db->created;
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
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		*value = xstrdup(t ? (const char *)t : "");
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
		sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
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

/* An immutable reader opens the file again, normally when a writer has
 * made -wal and -shm (db-file.c). */
static void reopen(struct db *db)
{
	sqlite3 *old = db->h, *h;

	if (dbfile_open(db, &h) != SQLITE_OK) {
		sqlite3_close(h);
		return;
	}
	db->h = h;
	db->search_ready = 0;                /* a new handle: search registers again */
	if (configure(db, 1) != COPSE_OK) {
		sqlite3_close(h);
		db->h = old;
		return;
	}
	sqlite3_close(old);
	db->dv_base += (int64_t)1 << 32;     /* the views load again */
}

int64_t db_data_version(struct db *db)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (dbfile_refresh(db) && db->tx_depth == 0)
		reopen(db);
	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0) + db->dv_base;
	sqlite3_finalize(st);
	return v;
}

int db_is_empty(struct db *db)
{
	sqlite3_stmt *st;
	int64_t n = 1;

	/* one row of each is enough to know: no count over a large table */
	if (db_prepare(db, "SELECT EXISTS (SELECT 1 FROM member) OR EXISTS (SELECT 1 FROM meeting)"
		       " OR EXISTS (SELECT 1 FROM entry) OR EXISTS (SELECT 1 FROM topic)",
		       &st) != COPSE_OK)
		return 0;
	if (db_step_int(db, st, &n) != COPSE_OK)
		return 0;
	return n == 0;
}

/* ---- backup ---- */

/* The message for a backup that failed with SQLite result rc on dst. */
static int backup_fail(struct db *db, sqlite3 *dst, int rc, const char *path)
{
	int e = dst ? sqlite3_system_errno(dst) : 0;
	int status = status_of_sqlite(rc);

	if (e == EFBIG || e == ENOSPC || e == EDQUOT || (rc & 0xff) == SQLITE_FULL)
		return db_fail(db, COPSE_FULL, "%s: %s; no backup was written", path,
			       e == EFBIG ? err_text(e) : "disk is full");
	if ((rc & 0xff) == SQLITE_INTERRUPT)
		return db_fail(db, COPSE_IO, "%s: interrupted; no backup was written", path);
	return db_fail(db, status == COPSE_OK ? COPSE_IO : status, "%s: backup failed: %s",
		       path, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
}

int db_backup(struct db *db, const char *path, const volatile sig_atomic_t *stop)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	struct stat sb;
	char *tmp = NULL;
	int rc, fd, status = COPSE_OK;

	if (lstat(path, &sb) == 0)
		return db_fail(db, COPSE_INVALID, "%s: %s exists; not overwriting it", path,
			       S_ISLNK(sb.st_mode) ? "a symbolic link" : "file");
	/* Copy into a new file of our own and give it its name at the end:
	 * a backup that fails or is killed never leaves a file in the way. */
	fd = file_create_beside(path, strcmp(db->path, ":memory:") ? db->path : NULL, &tmp);
	if (fd < 0)
		return db_fail(db, err_from_errno(errno), "%s: cannot create the backup: %s",
			       path, err_text(errno));
	close(fd);
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		status = backup_fail(db, dst, rc, path);
		goto done;
	}
	/* One read transaction on the source for the whole copy: its pages
	 * are one snapshot, so other processes' writes (WAL lets them go on)
	 * do not restart the copy at every step. */
	rc = sqlite3_exec(db->h, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		status = db_sqlite_fail(db, rc, db->path);
		goto done;
	}
	bk = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!bk) {
		status = backup_fail(db, dst, sqlite3_errcode(dst), path);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		goto done;
	}
	do {
		rc = stop && *stop ? SQLITE_INTERRUPT : sqlite3_backup_step(bk, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	if (rc != SQLITE_DONE) {
		status = backup_fail(db, dst, rc, path);
		goto done;
	}
	rc = sqlite3_close(dst);
	dst = NULL;
	if (rc != SQLITE_OK) {
		status = backup_fail(db, NULL, rc, path);
		goto done;
	}
	if (file_publish_new(tmp, path) != 0)
		status = errno == EEXIST
			? db_fail(db, COPSE_INVALID, "%s: file exists; not overwriting it", path)
			: db_fail(db, err_from_errno(errno), "%s: %s; no backup was written", path,
				  err_text(errno));
done:
	sqlite3_close(dst);
	if (status != COPSE_OK)
		unlink(tmp);
	free(tmp);
	return status;
}
