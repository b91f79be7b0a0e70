/* db.h - the store's database: one SQLite file, opened, migrated and
 * written in transactions.
 *
 * Only the store (db.c, db-file.c, schema.c, store.c, member.c,
 * meeting.c, entry.c, topic.c, tag.c, activity.c, health.c, exchange.c) talks to
 * SQLite.  Views,
 * the CLI and the demo call the domain verbs declared in member.h,
 * meeting.h, entry.h, topic.h, activity.h, health.h and exchange.h, and
 * never see SQL.
 *
 * Every function that can fail returns an enum copse_status and leaves a
 * one-line message naming the thing and the reason in db_error(db).
 * Every write runs in one BEGIN IMMEDIATE transaction: on failure nothing
 * is left half-written.
 *
 * Records.  Every struct the verbs fill (struct member, meeting, note,
 * action, entry, topic, activity ...) is plain data that owns its strings
 * and comes with the same three functions:
 *   x_init(r)          zero it (and its tag vectors)
 *   x_done(r)          free what it owns, leaving r as x_init did; r may
 *                      be NULL or zeroed
 *   x_list_free(v, n)  x_done each of the n elements, then free v; v may
 *                      be NULL
 * A verb that fills a caller's struct (x_get, x_find) starts with
 * x_init, so the caller frees it with x_done whatever the verb returned.
 * A verb that gives a list (x_list ...) sets *out to a new array, caller
 * frees with x_list_free; on failure *out is NULL and *n 0.  Strings
 * passed in (filters, titles) are borrowed for the call.
 */
#ifndef COPSE_DB_H
#define COPSE_DB_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "copse/status.h"

struct db;

enum db_flags {
	DB_CREATE = 1,     /* create the file (and its directory) if missing:
			    * 0600, never through a symlink */
	DB_READONLY = 2,   /* open read-only; no migration */
};

#define DB_SCHEMA_VERSION 9

/* Open (and migrate forward) the database at path; ":memory:" works.
 * A user who may not write the file or its directory gets it read-only
 * (db_readonly says why), and never leaves files behind that would lock
 * its owner out (db-file.c).
 * On failure *out is NULL and err (if not NULL) gets a message such as
 * "/x/copse.db: not a copse database (file is not SQLite or is damaged)". */
int db_open(const char *path, int flags, struct db **out, char *err, size_t errlen);
void db_close(struct db *db);                  /* accepts NULL */

const char *db_error(const struct db *db);     /* last failure message */
/* NULL when this user may write the database, else why they may only
 * read it, for a message after "PATH: " ("read-only for you: the file
 * is not writable for you (owner alice, mode 0644); ...").  Every write
 * then fails with COPSE_READONLY and that message.  Borrowed. */
const char *db_readonly(const struct db *db);
/* 1 when db_open created the file (a new, empty database). */
int db_created(const struct db *db);
/* Set the message db_error() gives and return status, for code that
 * composes verbs and reports its own failures (the demo). */
int db_fail(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *db_path(const struct db *db);

/* The acting user: the login of getpwuid(getuid()), never $USER.
 * Tests may override it with db_set_login. Borrowed string. */
const char *db_login(const struct db *db);
void db_set_login(struct db *db, const char *login);

/* Community-wide settings in the meta table: "name", "created" ...
 * db_meta_get: caller frees *value; NOTFOUND if unset. */
int db_meta_get(struct db *db, const char *key, char **value);
int db_meta_set(struct db *db, const char *key, const char *value);
/* Convenience: the community's name or "copse" when unset; caller frees. */
char *db_community_name(struct db *db);

/* Changes when another connection commits (PRAGMA data_version); -1 on
 * error.  The app polls it once a second to refresh. */
int64_t db_data_version(struct db *db);

/* 1 when the database holds no members, meetings, entries or topics. */
int db_is_empty(struct db *db);

/* Online backup to path (SQLite backup API), safe while others write:
 * one snapshot, copied under a read transaction.  INVALID when path
 * already exists (a file, a symlink): a backup never overwrites and
 * never follows a link.  The copy is written to a new temporary file
 * beside path, named path only when complete; it is never more readable
 * than the database (util.h: file_create_beside).  When *stop becomes
 * non-zero (a signal; stop may be NULL) the copy ends with nothing
 * written. */
int db_backup(struct db *db, const char *path, const volatile sig_atomic_t *stop);

/* Share the database with the Unix group (copse init --group): its
 * directory becomes the group's, group-writable and setgid, the file
 * (and -wal, -shm) the group's and 0660, never world-readable.  The
 * caller must be in the group.  PERM names the file and the command
 * that fixes it when only its owner or root may; INVALID for no such
 * group or a directory everybody may write in.  note (may be NULL)
 * gets a warning when members cannot reach the directory ("" if none). */
int db_share_group(struct db *db, const char *group, char *note, size_t n);

/* Explicit transactions for callers that group several verbs (the demo,
 * attendance for several members).  Verbs nest safely: inside db_begin
 * they do not start their own transaction, and a failing verb leaves the
 * rollback to the caller. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* How long this connection's next writes wait for another process's
 * write lock: ms (at most the busy timeout, COPSE_BUSY_TIMEOUT), or the
 * busy timeout again for ms < 0.  Past it a write fails with BUSY,
 * changing nothing.  The meeting floor sends a line with a short wait,
 * so typing never stalls behind someone else's transaction. */
void db_write_wait(struct db *db, int ms);

#endif
