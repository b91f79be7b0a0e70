/* test_db.c - opening, migrating and guarding the database file. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/db.h"
#include "copse/entry.h"
#include "copse/member.h"
#include "copse/trash.h"
#include "copse/util.h"
#include "fixture.h"
#include "harness.h"
#include "schema.h"
#include "store.h"

static char tmpdir[256];

static void make_tmpdir(void)
{
	const char *base = getenv("COPSE_TEST_TMP");

	snprintf(tmpdir, sizeof tmpdir, "%s/test_db.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(tmpdir)) {
		printf("# mkdtemp %s failed\n", tmpdir);
		exit(1);
	}
}

static void rm_tmpdir(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
}

static void path_in_tmp(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", tmpdir, name);
}

static int read_bytes(const char *path, struct buf *b)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	buf_init(b);
	if (!fp)
		return -1;
	rc = buf_read_file(b, fp);
	fclose(fp);
	return rc;
}

static int same_bytes(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->s, b->s, a->len) == 0);
}

static char *text_of(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *s = NULL;

	if (db_prepare(db, sql, &st) != COPSE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		s = store_col_str(st, 0);
	sqlite3_finalize(st);
	return s;
}

/* Make an SQLite file with raw SQL, bypassing copse. */
static int raw_sqlite(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open(path, &h);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

static int64_t add_member(struct db *db, const char *name, int *status)
{
	struct member m;
	int64_t id = 0;

	member_init(&m);
	m.name = xstrdup(name);
	*status = member_add(db, &m);
	if (*status == COPSE_OK)
		id = m.id;
	member_done(&m);
	return id;
}

TEST(memory_migrates_to_current_schema)
{
	struct db *db = NULL;
	char err[256] = "";
	const char *tables[] = { "meta", "member", "member_tag", "member_status_log",
				 "connection", "meeting", "attendance", "note", "action",
				 "entry", "entry_tag", "revision", "topic", "topic_vote",
				 "assessment", "activity", "visit", "presence",
				 "entry_fts", "note_fts", "trash", "meeting_revision",
				 "entry_source", "entry_head_fts", "topic_fts", "member_fts" };

	CHECK_INT(db_open(":memory:", DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db) {
		printf("# %s\n", err);
		return;
	}
	CHECK_INT(count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(DB_SCHEMA_VERSION, 9);
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char sql[160];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE"
			 " type = 'table' AND name = '%s'", tables[i]);
		if (count(db, sql) != 1)
			FAILF("table %s missing", tables[i]);
	}
	CHECK(db_is_empty(db));
	CHECK_STR(db_path(db), ":memory:");
	db_close(db);
	db_close(NULL);
}

/* What the health report counts by month (notes, entries, topics and
 * introductions since a day) is read from an index led by the time, a
 * range of it, not every row of the table. */
TEST(rows_by_time_are_indexed)
{
	struct db *db = NULL;
	char err[256] = "";
	const char *idx[][2] = { { "note", "created" }, { "entry", "created" },
				 { "topic", "created" }, { "connection", "at" } };

	CHECK_INT(db_open(":memory:", DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++) {
		char sql[256];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema s,"
			 " pragma_index_info(s.name) i WHERE s.type = 'index'"
			 " AND s.tbl_name = '%s' AND i.seqno = 0 AND i.name = '%s'",
			 idx[i][0], idx[i][1]);
		if (count(db, sql) < 1)
			FAILF("no index on %s(%s ...)", idx[i][0], idx[i][1]);
	}
	db_close(db);
}

TEST(newer_schema_refused_and_untouched)
{
	char path[300], err[512] = "";
	struct buf before, after;
	struct db *db = NULL;

	char sql[160];

	/* one version past this copse's, whatever that is */
	snprintf(sql, sizeof sql, "CREATE TABLE future(x); INSERT INTO future VALUES (1);"
		 " PRAGMA user_version = %d;", DB_SCHEMA_VERSION + 1);
	path_in_tmp(path, sizeof path, "newer.db");
	CHECK_INT(raw_sqlite(path, sql), SQLITE_OK);
	CHECK_INT(read_bytes(path, &before), 0);
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_SCHEMA);
	CHECK(db == NULL);
	CHECK(strstr(err, "newer") != NULL);
	CHECK(strstr(err, path) != NULL);
	CHECK_INT(read_bytes(path, &after), 0);
	if (!same_bytes(&before, &after))
		FAILF("%s changed: %zu bytes before, %zu after (header byte 18/19: %d/%d -> %d/%d)",
		      path, before.len, after.len,
		      before.len > 19 ? before.s[18] : -1, before.len > 19 ? before.s[19] : -1,
		      after.len > 19 ? after.s[18] : -1, after.len > 19 ? after.s[19] : -1);
	buf_done(&before);
	buf_done(&after);
}

TEST(non_sqlite_file_refused_and_untouched)
{
	char path[300], wal[320], err[512] = "";
	struct buf before, after;
	struct db *db = NULL;
	FILE *fp;

	path_in_tmp(path, sizeof path, "notes.txt");
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	for (int i = 0; i < 200; i++)
		fprintf(fp, "line %d: this is not a database at all\n", i);
	fclose(fp);
	CHECK_INT(read_bytes(path, &before), 0);
	CHECK_INT(db_open(path, DB_CREATE, &db, err, sizeof err), COPSE_NOTDB);
	CHECK(db == NULL);
	CHECK(strstr(err, "not a copse database") != NULL);
	CHECK_INT(read_bytes(path, &after), 0);
	CHECK(same_bytes(&before, &after));
	snprintf(wal, sizeof wal, "%s-wal", path);
	CHECK(access(wal, F_OK) != 0);
	buf_done(&before);
	buf_done(&after);
}

TEST(other_sqlite_database_refused)
{
	char path[300], err[512] = "";
	struct buf before, after;
	struct db *db = NULL;

	path_in_tmp(path, sizeof path, "other.db");
	CHECK_INT(raw_sqlite(path, "CREATE TABLE recipes(name, steps);"
			     " INSERT INTO recipes VALUES ('bread', 'knead');"), SQLITE_OK);
	CHECK_INT(read_bytes(path, &before), 0);
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_NOTDB);
	CHECK(db == NULL);
	CHECK(strstr(err, "other tables") != NULL);
	CHECK_INT(read_bytes(path, &after), 0);
	CHECK(same_bytes(&before, &after));    /* not even switched to WAL */
	buf_done(&before);
	buf_done(&after);
	CHECK_INT(raw_sqlite(path, "SELECT * FROM recipes"), SQLITE_OK);
}

TEST(missing_file_without_create)
{
	char path[300], err[512] = "";
	struct db *db = NULL;

	path_in_tmp(path, sizeof path, "absent.db");
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_NOTFOUND);
	CHECK(access(path, F_OK) != 0);
}

TEST(file_is_wal_with_foreign_keys)
{
	char path[300], err[512] = "";
	struct db *db = NULL;
	char *mode;

	path_in_tmp(path, sizeof path, "sub/dir/wal.db");   /* parents created */
	CHECK_INT(db_open(path, DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db) {
		printf("# %s\n", err);
		return;
	}
	mode = text_of(db, "PRAGMA journal_mode");
	CHECK_STR(mode, "wal");
	free(mode);
	CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
	/* a note for a meeting that does not exist is refused by the schema */
	CHECK_INT(db_exec(db, "INSERT INTO note(meeting_id, author, body, created, updated)"
			  " VALUES (999, 'x', 'y', 'z', 'z')"), COPSE_INVALID);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	db_close(db);

	/* reopening keeps the data and the schema version */
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_OK);
	CHECK_INT(count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	db_close(db);
}

/* A database of schema 1 with rows in every rebuilt table moves to
 * schema 2 keeping every row, link and search index, and from then on
 * an id freed by deleting the newest row is not given out again. */
TEST(schema_1_migrates_keeping_rows)
{
	struct db *db = NULL;
	char path[300], err[256] = "", *sql;
	int status;

	path_in_tmp(path, sizeof path, "v1.db");
	sql = malloc(strlen(schema_steps[0]) + 2000);
	if (!sql)
		return;
	sprintf(sql, "%s;PRAGMA user_version = 1;"
		"INSERT INTO member VALUES (1,'Zoe','zoe',NULL,'active','member',NULL,'',"
		"  '2024-01-01T00:00:00Z','2024-01-01T00:00:00Z',1);"
		"INSERT INTO member VALUES (2,'Bob',NULL,NULL,'prospect','member',NULL,'',"
		"  '2024-01-01T00:00:00Z','2024-01-01T00:00:00Z',1);"
		"INSERT INTO member_tag VALUES (1,'expertise','tea');"
		"INSERT INTO meeting VALUES (1,'Circle','2024-01-02T18:00:00Z',NULL,'','# Plan',"
		"  'held','2024-01-01T00:00:00Z','2024-01-01T00:00:00Z',3);"
		"INSERT INTO attendance VALUES (1,1,'attended','2024-01-02T18:00:00Z');"
		"INSERT INTO note VALUES (1,1,'zoe','note','kettle whistles',"
		"  '2024-01-02T18:05:00Z','2024-01-02T18:05:00Z',1);"
		"INSERT INTO action VALUES (1,'Buy tea',1,NULL,NULL,1,1,'zoe','2024-01-02T18:06:00Z');"
		"INSERT INTO entry VALUES (1,'Tea first','lesson','brew slowly','zoe','published',"
		"  1,1,'2024-01-03T00:00:00Z','2024-01-03T00:00:00Z',1);"
		"INSERT INTO topic VALUES (1,'Tea','','open','zoe','2024-01-03T00:00:00Z',"
		"  '2024-01-03T00:00:00Z',1);"
		"INSERT INTO topic_meeting VALUES (1,1);"
		"INSERT INTO activity VALUES (1,'2024-01-01T00:00:00Z','coord','edited','meeting',"
		"  1,'Circle');", schema_steps[0]);
	CHECK_INT(raw_sqlite(path, sql), SQLITE_OK);
	free(sql);
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_OK);
	if (!db) {
		printf("# %s\n", err);
		return;
	}
	CHECK_INT(count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM member_tag"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM attendance"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM action WHERE owner_id = 1 AND meeting_id = 1"
			" AND note_id = 1 AND version = 1"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE source_note_id = 1"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM topic_meeting"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* the agenda as it was is its first revision, by the last editor */
	CHECK_INT(count(db, "SELECT count(*) FROM meeting_revision WHERE meeting_id = 1"
			" AND version = 3 AND agenda = '# Plan' AND author = 'coord'"), 1);
	/* search still finds both, and the triggers keep it in step */
	CHECK_INT(count(db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'kettle'"), 1);
	CHECK_INT(db_exec(db, "UPDATE note SET body = 'pot boils' WHERE id = 1"), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'pot'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'brew'"), 1);
	/* schema 7 indexes what was there: an entry's title, topics,
	 * members with their tags */
	CHECK_INT(count(db, "SELECT count(*) FROM entry_head_fts WHERE entry_head_fts MATCH 'tea'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM topic_fts WHERE topic_fts MATCH 'tea'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'tea'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'zoe'"), 1);
	/* the foreign keys point at the rebuilt tables: deleting the
	 * meeting still takes its notes along */
	CHECK_INT(db_exec(db, "DELETE FROM meeting WHERE id = 1"), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM action WHERE meeting_id IS NULL"), 1);
	/* ids are never given out twice */
	CHECK_INT(db_exec(db, "DELETE FROM member WHERE id = 2"), COPSE_OK);
	CHECK_INT(add_member(db, "Cy", &status), 3);
	db_close(db);
}

/* A database of schema 3 moves to schema 4: "archived" entries become
 * "retired" (in the trash too), the use count is stored, a harvested
 * entry's note is its first source, and the entry counter keeps the ids
 * of deleted entries out of use. */
TEST(schema_3_migrates_entries)
{
	struct db *db = NULL;
	char path[300], err[256] = "";
	struct buf sql;
	struct entry e;
	int status;

	path_in_tmp(path, sizeof path, "v3.db");
	buf_init(&sql);
	for (int i = 0; i < 3; i++)
		buf_printf(&sql, "%s;", schema_steps[i]);
	buf_puts(&sql, "PRAGMA user_version = 3;"
		 "INSERT INTO meeting VALUES (1,'Circle','2024-01-02T18:00:00Z',NULL,'','',"
		 "  'held','2024-01-01T00:00:00Z','2024-01-01T00:00:00Z',1);"
		 "INSERT INTO note VALUES (1,1,'zoe','decision','brew slowly',"
		 "  '2024-01-02T18:05:00Z','2024-01-02T18:05:00Z',1);"
		 "INSERT INTO entry VALUES (1,'Tea first','lesson','brew','zoe','published',"
		 "  1,1,'2024-01-03T00:00:00Z','2024-01-03T00:00:00Z',1);"
		 "INSERT INTO entry VALUES (2,'Old way','lesson','boil','zoe','archived',"
		 "  NULL,NULL,'2024-01-03T00:00:00Z','2024-01-03T00:00:00Z',2);"
		 "INSERT INTO entry VALUES (9,'Gone','lesson','x','zoe','published',"
		 "  NULL,NULL,'2024-01-03T00:00:00Z','2024-01-03T00:00:00Z',1);"
		 "INSERT INTO entry_use VALUES (1,1,'zoe','worked','2024-01-04T00:00:00Z');"
		 "INSERT INTO entry_use VALUES (2,1,'sam','','2024-01-05T00:00:00Z');"
		 "DELETE FROM entry WHERE id = 9;"
		 "INSERT INTO trash(kind, object_id, title, what, data, login, at) VALUES"
		 " ('entry', 9, 'Gone', '', '{\"rows\":{\"entry\":[{\"id\":9,\"title\":\"Gone\","
		 "\"kind\":\"lesson\",\"body\":\"x\",\"author\":\"zoe\",\"status\":\"archived\","
		 "\"source_meeting_id\":null,\"source_note_id\":null,\"created\":\"2024-01-03T00:00:00Z\","
		 "\"updated\":\"2024-01-03T00:00:00Z\",\"version\":1}],\"entry_use\":[]}}',"
		 " 'zoe', '2099-01-01T00:00:00Z');");
	CHECK_INT(raw_sqlite(path, sql.s), SQLITE_OK);
	buf_done(&sql);
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_OK);
	if (!db) {
		printf("# %s\n", err);
		return;
	}
	CHECK_INT(count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE id = 2 AND status = 'retired'"), 1);
	CHECK_INT(count(db, "SELECT uses FROM entry WHERE id = 1"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_source WHERE entry_id = 1"
			" AND note_id = 1 AND author = 'zoe'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'boil'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* the deleted entry comes back from the trash as it was, retired */
	CHECK_INT(trash_restore(db, "entry", 9), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE id = 9 AND status = 'retired'"
			" AND uses = 0"), 1);
	/* a new entry takes a new id, and the count follows the reports */
	entry_init(&e);
	e.title = xstrdup("New");
	status = entry_add(db, &e);
	CHECK_INT(status, COPSE_OK);
	CHECK_INT(e.id, 10);
	CHECK_INT(entry_use_add(db, e.id, "fine", NULL), COPSE_OK);
	CHECK_INT(count(db, "SELECT uses FROM entry WHERE id = 10"), 1);
	entry_done(&e);
	db_close(db);
}

/* Stands in for db.c's copse_fold() while building an old database by
 * hand (the triggers of schema 5 call it). */
static void fake_fold(sqlite3_context *cx, int n, sqlite3_value **v)
{
	(void)n;
	sqlite3_result_value(cx, v[0]);
}

/* A database of schema 7 moves on: the side tables whose rows go to the
 * trash with a member or an entry never give an id out twice, counting
 * the ids of rows in the trash, so what is there can always come back;
 * their rows, indexes and triggers are kept. */
TEST(schema_7_side_tables_never_reuse_ids)
{
	static const char *const tables[] = {
		"member_status_log", "devnote", "connection", "entry_use", "entry_source",
	};
	struct db *db = NULL;
	sqlite3 *h = NULL;
	char path[300], err[256] = "";
	struct buf sql;
	int64_t id = 0;

	path_in_tmp(path, sizeof path, "v7.db");
	buf_init(&sql);
	for (int i = 0; i < 7; i++)
		buf_printf(&sql, "%s;", schema_steps[i]);
	buf_puts(&sql, "PRAGMA user_version = 7;"
		 "INSERT INTO member(id, name, created, updated) VALUES"
		 " (1, 'Zoë', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
		 "INSERT INTO member_status_log(id, member_id, status, at) VALUES"
		 " (1, 1, 'prospect', '2024-01-01T00:00:00Z');"
		 "INSERT INTO entry(id, title, author, created, updated) VALUES"
		 " (1, 'Tea first', 'zoe', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
		 "INSERT INTO entry_use(id, entry_id, login, outcome, at) VALUES"
		 " (1, 1, 'zoe', 'worked', '2024-01-02T00:00:00Z');"
		 "INSERT INTO trash(kind, object_id, title, what, data, login, at) VALUES"
		 " ('entry', 2, 'Gone', '', '{\"rows\":{\"entry_use\":[{\"id\":4},{\"id\":3}]}}',"
		 "  'zoe', '2099-01-01T00:00:00Z'),"
		 " ('member', 2, 'Cy', '', '{\"rows\":{\"member_status_log\":[{\"id\":7}]}}',"
		 "  'zoe', '2099-01-01T00:00:00Z');");
	CHECK_INT(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_create_function(h, "copse_fold", 1, SQLITE_UTF8, NULL, fake_fold, NULL, NULL);
	CHECK_INT(sqlite3_exec(h, sql.s, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	buf_done(&sql);
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_OK);
	if (!db) {
		printf("# %s\n", err);
		return;
	}
	CHECK_INT(count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char q[200];

		snprintf(q, sizeof q, "SELECT count(*) FROM sqlite_master WHERE name = '%s'"
			 " AND sql LIKE '%%AUTOINCREMENT%%'", tables[i]);
		if (count(db, q) != 1)
			FAILF("%s: ids may be given out again", tables[i]);
	}
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
			" ('member_status_log_member', 'connection_a', 'connection_b', 'connection_by',"
			"  'entry_use_entry', 'entry_source_entry', 'entry_source_note')"), 7);
	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log WHERE id = 1"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use WHERE id = 1 AND outcome = 'worked'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* new rows take ids beyond those in the trash; the use count follows */
	CHECK_INT(entry_use_add(db, 1, "again", &id), COPSE_OK);
	CHECK_INT(id, 5);
	CHECK_INT(count(db, "SELECT uses FROM entry WHERE id = 1"), 2);
	CHECK_INT(count(db, "SELECT seq FROM sqlite_sequence WHERE name = 'member_status_log'"), 7);
	db_close(db);
}

TEST(failing_write_leaves_nothing)
{
	struct db *db = NULL;
	struct member m;
	char err[256];
	int status;

	CHECK_INT(db_open(":memory:", DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db)
		return;
	/* Make the last step of member_add (its activity row) fail. */
	CHECK_INT(db_exec(db, "CREATE TEMP TRIGGER boom BEFORE INSERT ON activity"
			  " BEGIN SELECT RAISE(ABORT, 'boom'); END"), COPSE_OK);
	member_init(&m);
	m.name = xstrdup("Zoë");
	m.handle = xstrdup("zoe");
	strv_push(&m.expertise, "mediation");
	status = member_add(db, &m);
	CHECK(status != COPSE_OK);
	CHECK(strstr(db_error(db), "boom") != NULL);
	member_done(&m);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM member_tag"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log"), 0);
	/* no transaction left open: the next write works */
	CHECK_INT(db_exec(db, "DROP TRIGGER boom"), COPSE_OK);
	CHECK(add_member(db, "Zoë", &status) > 0);
	CHECK_INT(status, COPSE_OK);

	/* an outer transaction rolled back takes the verbs with it */
	CHECK_INT(db_begin(db), COPSE_OK);
	CHECK(add_member(db, "Bob", &status) > 0);
	CHECK(add_member(db, "Cy", &status) > 0);
	db_rollback(db);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 1);
	CHECK_INT(db_begin(db), COPSE_OK);
	CHECK(add_member(db, "Bob", &status) > 0);
	CHECK_INT(db_commit(db), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 2);
	db_close(db);
}

TEST(meta_get_set)
{
	struct db *db = NULL;
	char err[256], *v = NULL;

	CHECK_INT(db_open(":memory:", DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db)
		return;
	CHECK_INT(db_meta_get(db, "name", &v), COPSE_NOTFOUND);
	CHECK(v == NULL);
	CHECK_STR(db_error(db), "setting name: not set");
	v = db_community_name(db);
	CHECK_STR(v, "copse");
	free(v);
	CHECK_INT(db_meta_set(db, "name", "Daily Nonviolence — 非暴力"), COPSE_OK);
	CHECK_INT(db_meta_set(db, "name", "Daily Nonviolence' ;--"), COPSE_OK);
	CHECK_INT(db_meta_get(db, "name", &v), COPSE_OK);
	CHECK_STR(v, "Daily Nonviolence' ;--");
	free(v);
	v = db_community_name(db);
	CHECK_STR(v, "Daily Nonviolence' ;--");
	free(v);
	CHECK_INT(db_meta_get(db, "created", &v), COPSE_OK);   /* set by migration */
	CHECK(v && strlen(v) == 20);
	free(v);
	db_close(db);
}

TEST(status_table)
{
	CHECK_STR(status_message(COPSE_OK), "success");
	CHECK_INT(status_exit(COPSE_OK), 0);
	CHECK_INT(status_exit(COPSE_USAGE), 2);
	CHECK_INT(status_exit(COPSE_NOTFOUND), 1);
	CHECK_INT(status_exit(COPSE_CONFLICT), 1);
	CHECK_INT(status_exit(COPSE_BUSY), 1);
	CHECK_INT(status_exit(COPSE_DB), 1);
	CHECK_STR(status_message(COPSE_NOTDB), "not a copse database");
	CHECK_STR(status_message(COPSE_SCHEMA), "database was made by a newer copse");
	CHECK_STR(status_message(-1), "unknown error");
	CHECK_STR(status_message(1000), "unknown error");
	CHECK_INT(status_exit(1000), 1);
	for (int s = COPSE_OK; s <= COPSE_DB; s++)
		if (!status_message(s) || !*status_message(s))
			FAILF("status %d has no message", s);
}

TEST(data_version_sees_other_connections)
{
	char path[300], err[512] = "";
	struct db *a = NULL, *b = NULL;
	int64_t v0, v1;
	int status;

	path_in_tmp(path, sizeof path, "two.db");
	CHECK_INT(db_open(path, DB_CREATE, &a, err, sizeof err), COPSE_OK);
	CHECK_INT(db_open(path, 0, &b, err, sizeof err), COPSE_OK);
	if (!a || !b) {
		db_close(a);
		db_close(b);
		return;
	}
	v0 = db_data_version(a);
	CHECK(v0 >= 0);
	add_member(a, "own write", &status);
	CHECK_INT(status, COPSE_OK);
	CHECK_INT(db_data_version(a), v0);     /* own commits don't count */
	add_member(b, "Zoë from elsewhere", &status);
	CHECK_INT(status, COPSE_OK);
	v1 = db_data_version(a);
	CHECK(v1 != v0);
	CHECK_INT(db_data_version(a), v1);     /* stable until the next change */
	CHECK_INT(count(a, "SELECT count(*) FROM member"), 2);
	db_close(a);
	db_close(b);
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1e3 + (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

TEST(busy_writer_fails_after_timeout)
{
	char path[300], err[512] = "";
	struct db *a = NULL, *b = NULL;
	struct timespec t0;
	double ms;
	int status;

	setenv("COPSE_BUSY_TIMEOUT", "200", 1);
	path_in_tmp(path, sizeof path, "busy.db");
	CHECK_INT(db_open(path, DB_CREATE, &a, err, sizeof err), COPSE_OK);
	CHECK_INT(db_open(path, 0, &b, err, sizeof err), COPSE_OK);
	unsetenv("COPSE_BUSY_TIMEOUT");
	if (!a || !b) {
		db_close(a);
		db_close(b);
		return;
	}
	CHECK_INT(db_begin(a), COPSE_OK);      /* BEGIN IMMEDIATE: holds the write lock */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(add_member(b, "Blocked", &status), 0);
	ms = ms_since(&t0);
	CHECK_INT(status, COPSE_BUSY);
	CHECK(strstr(db_error(b), "locked") != NULL);
	if (ms < 150 || ms > 3000)
		FAILF("busy wait took %.0f ms, expected about 200", ms);
	/* readers are not blocked by a writer (WAL) */
	CHECK_INT(count(b, "SELECT count(*) FROM member"), 0);
	db_rollback(a);
	CHECK(add_member(b, "Now free", &status) > 0);
	CHECK_INT(status, COPSE_OK);
	db_close(a);
	db_close(b);
}

/* "What's new" shows what happened since the last visit: activity_list
 * gives only later rows, newest first, and visit_touch hands back the
 * time of the visit before. */
TEST(activity_since_last_visit)
{
	struct db *db = NULL;
	struct activity *v = NULL;
	char err[256], *prev = NULL;
	size_t n = 0;
	int status;

	CHECK_INT(db_open(":memory:", DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db)
		return;
	db_set_login(db, "ann");
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	CHECK(prev == NULL);                    /* first visit */
	add_member(db, "Early", &status);
	setenv("COPSE_NOW", "2025-03-02T09:00:00Z", 1);
	add_member(db, "Middle", &status);
	setenv("COPSE_NOW", "2025-03-03T09:00:00Z", 1);
	add_member(db, "Late", &status);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	CHECK_STR(prev, "2025-03-01T09:00:00Z");
	free(prev);
	setenv("COPSE_NOW", "2025-03-04T09:00:00Z", 1);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	CHECK_STR(prev, "2025-03-03T09:00:00Z");
	free(prev);

	CHECK_INT(activity_list(db, "2025-03-01T09:00:00Z", 0, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(v[0].summary, "Late");
		CHECK_STR(v[1].summary, "Middle");
		CHECK_STR(v[1].verb, "added");
		CHECK_STR(v[1].login, "ann");
	}
	activity_list_free(v, n);
	CHECK_INT(activity_list(db, NULL, 1, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].summary, "Late");
	activity_list_free(v, n);
	unsetenv("COPSE_NOW");
	db_close(db);
}

int main(void)
{
	harness_init();
	unsetenv("COPSE_NOW");
	make_tmpdir();
	RUN(memory_migrates_to_current_schema);
	RUN(rows_by_time_are_indexed);
	RUN(newer_schema_refused_and_untouched);
	RUN(non_sqlite_file_refused_and_untouched);
	RUN(other_sqlite_database_refused);
	RUN(missing_file_without_create);
	RUN(file_is_wal_with_foreign_keys);
	RUN(schema_1_migrates_keeping_rows);
	RUN(schema_3_migrates_entries);
	RUN(schema_7_side_tables_never_reuse_ids);
	RUN(failing_write_leaves_nothing);
	RUN(meta_get_set);
	RUN(status_table);
	RUN(data_version_sees_other_connections);
	RUN(busy_writer_fails_after_timeout);
	RUN(activity_since_last_visit);
	rm_tmpdir();
	return harness_done();
}
