/* exchange.c - export and import of the whole community as one JSON
 * document, written and read with SQLite's JSON functions.
 *
 * The document's format is defined once, in man/copse.1 (EXPORT FORMAT),
 * where users read it.  The table sections[] below (one entry per array:
 * its table, its order, each field's type and allowed values) is what
 * makes that page true: change the two together.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/exchange.h"
#include "copse/json.h"
#include "copse/md.h"
#include "copse/text.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/suggest.h"
#include "copse/topic.h"
#include "copse/trash.h"
#include "copse/util.h"
#include "store.h"

#define EXPORT_FORMAT_VERSION 3

enum ftype {
	F_INT,       /* integer, required */
	F_ID,        /* the id of a row (a positive integer), required */
	F_IDN,       /* a positive integer or null */
	F_TEXT,      /* string, required */
	F_TEXTN,     /* string or null */
	F_MD,        /* Markdown (a string) that copse can lay out (md_check) */
	F_TIME,      /* a time as copse stores it: "YYYY-MM-DDTHH:MM:SSZ" */
	F_TIMEN,     /* such a time or null */
	F_DATE,      /* a calendar date "YYYY-MM-DD" */
	F_DATEN,     /* such a date or null */
	F_JSON,      /* a JSON object stored as text (assessment metrics) */
	F_VERSION,   /* integer; 1 when a document of format 1 lacks it */
};

struct field {
	const char *name;              /* JSON key = column name */
	enum ftype type;
	const char *const *allowed;    /* NULL-terminated values, or NULL */
};

/* Values of older documents read as today's. */
static const struct renamed {
	const char *section, *field, *was, *now;
} renamed[] = {
	{ "entries", "status", "archived", "retired" },   /* before format 3 */
};

static const struct renamed *renamed_of(const char *section, const char *field)
{
	for (size_t i = 0; i < ARRAY_SIZE(renamed); i++)
		if (strcmp(renamed[i].section, section) == 0 && strcmp(renamed[i].field, field) == 0)
			return &renamed[i];
	return NULL;
}

/* Extra work for one imported item after its row went in (tags). */
typedef int (*import_extra_fn)(struct db *db, const char *section, long idx,
			       const char *item, sqlite3_stmt *row);

struct section {
	const char *key;               /* JSON key of the array */
	const char *table;
	const char *order;             /* ORDER BY for export */
	const struct field *fields;    /* terminated by name == NULL */
	const char *export_extra;      /* more json_object arguments, or NULL */
	import_extra_fn import_extra;
};

static const char *const member_statuses[] = { MEMBER_STATUSES, NULL };
static const char *const member_roles[] = { MEMBER_ROLES, NULL };
static const char *const connection_kinds[] = { CONNECTION_KINDS, NULL };
static const char *const meeting_statuses[] = { MEETING_STATUSES, NULL };
static const char *const attend_statuses[] = { ATTEND_STATUSES, NULL };
static const char *const note_kinds[] = { NOTE_KINDS, NULL };
static const char *const entry_kinds[] = { ENTRY_KINDS, NULL };
static const char *const entry_statuses[] = { ENTRY_STATUSES, NULL };
static const char *const topic_statuses[] = { TOPIC_STATUSES, NULL };
static const char *const trash_kinds[] = { TRASH_KINDS, NULL };
static const char *const levels[] = { "core", "active", "peripheral", "inactive", NULL };
static const char *const cycles[] = { "immediate", "potential", "applied", "realized",
				      "reframing", NULL };

static const struct field member_fields[] = {
	{ "id", F_ID, NULL }, { "name", F_TEXT, NULL }, { "handle", F_TEXTN, NULL },
	{ "email", F_TEXTN, NULL }, { "status", F_TEXT, member_statuses },
	{ "role", F_TEXT, member_roles }, { "joined", F_DATEN, NULL },
	{ "bio", F_MD, NULL }, { "created", F_TIME, NULL }, { "updated", F_TIME, NULL },
	{ "version", F_INT, NULL }, { NULL, 0, NULL },
};
static const struct field status_change_fields[] = {
	{ "id", F_ID, NULL }, { "member_id", F_ID, NULL }, { "status", F_TEXT, NULL },
	{ "at", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field devnote_fields[] = {
	{ "id", F_ID, NULL }, { "member_id", F_ID, NULL }, { "author", F_TEXT, NULL },
	{ "body", F_MD, NULL }, { "created", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field participation_fields[] = {
	{ "member_id", F_ID, NULL }, { "day", F_DATE, NULL }, { "level", F_TEXT, levels },
	{ "reason", F_TEXT, NULL }, { NULL, 0, NULL },
};
static const struct field connection_fields[] = {
	{ "id", F_ID, NULL }, { "a", F_ID, NULL }, { "b", F_ID, NULL },
	{ "kind", F_TEXT, connection_kinds }, { "note", F_TEXT, NULL },
	{ "at", F_TIME, NULL }, { "by", F_TEXT, NULL }, { NULL, 0, NULL },
};
static const struct field dismissed_fields[] = {
	{ "a", F_ID, NULL }, { "b", F_ID, NULL }, { "by", F_TEXT, NULL },
	{ "at", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field meeting_fields[] = {
	{ "id", F_ID, NULL }, { "title", F_TEXT, NULL }, { "starts", F_TIME, NULL },
	{ "ends", F_TIMEN, NULL }, { "location", F_TEXT, NULL }, { "agenda", F_MD, NULL },
	{ "status", F_TEXT, meeting_statuses }, { "created", F_TIME, NULL },
	{ "updated", F_TIME, NULL }, { "version", F_INT, NULL }, { NULL, 0, NULL },
};
static const struct field attendance_fields[] = {
	{ "meeting_id", F_ID, NULL }, { "member_id", F_ID, NULL },
	{ "status", F_TEXT, attend_statuses }, { "updated", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field note_fields[] = {
	{ "id", F_ID, NULL }, { "meeting_id", F_ID, NULL }, { "author", F_TEXT, NULL },
	{ "kind", F_TEXT, note_kinds }, { "body", F_MD, NULL }, { "created", F_TIME, NULL },
	{ "updated", F_TIME, NULL }, { "version", F_INT, NULL }, { NULL, 0, NULL },
};
static const struct field action_fields[] = {
	{ "id", F_ID, NULL }, { "title", F_TEXT, NULL }, { "owner_id", F_IDN, NULL },
	{ "due", F_DATEN, NULL }, { "done", F_TIMEN, NULL }, { "meeting_id", F_IDN, NULL },
	{ "note_id", F_IDN, NULL }, { "author", F_TEXT, NULL }, { "created", F_TIME, NULL },
	{ "version", F_VERSION, NULL }, { NULL, 0, NULL },
};
static const struct field meeting_revision_fields[] = {
	{ "meeting_id", F_ID, NULL }, { "version", F_INT, NULL }, { "title", F_TEXT, NULL },
	{ "agenda", F_MD, NULL }, { "author", F_TEXT, NULL }, { "at", F_TIME, NULL },
	{ NULL, 0, NULL },
};
static const struct field trash_fields[] = {
	{ "id", F_ID, NULL }, { "kind", F_TEXT, trash_kinds }, { "object_id", F_ID, NULL },
	{ "title", F_TEXT, NULL }, { "what", F_TEXT, NULL }, { "data", F_JSON, NULL },
	{ "login", F_TEXT, NULL }, { "at", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field entry_fields[] = {
	{ "id", F_ID, NULL }, { "title", F_TEXT, NULL }, { "kind", F_TEXT, entry_kinds },
	{ "body", F_MD, NULL }, { "author", F_TEXT, NULL },
	{ "status", F_TEXT, entry_statuses }, { "source_meeting_id", F_IDN, NULL },
	{ "source_note_id", F_IDN, NULL }, { "created", F_TIME, NULL },
	{ "updated", F_TIME, NULL }, { "version", F_INT, NULL }, { NULL, 0, NULL },
};
static const struct field revision_fields[] = {
	{ "entry_id", F_ID, NULL }, { "version", F_INT, NULL }, { "title", F_TEXT, NULL },
	{ "kind", F_TEXT, NULL }, { "body", F_MD, NULL }, { "tags", F_TEXT, NULL },
	{ "author", F_TEXT, NULL }, { "at", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field entry_use_fields[] = {
	{ "id", F_ID, NULL }, { "entry_id", F_ID, NULL }, { "login", F_TEXT, NULL },
	{ "outcome", F_TEXT, NULL }, { "at", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field entry_source_fields[] = {
	{ "id", F_ID, NULL }, { "entry_id", F_ID, NULL }, { "note_id", F_IDN, NULL },
	{ "author", F_TEXT, NULL }, { NULL, 0, NULL },
};
static const struct field entry_read_fields[] = {
	{ "entry_id", F_ID, NULL }, { "login", F_TEXT, NULL }, { "at", F_TIME, NULL },
	{ NULL, 0, NULL },
};
static const struct field topic_fields[] = {
	{ "id", F_ID, NULL }, { "title", F_TEXT, NULL }, { "body", F_MD, NULL },
	{ "status", F_TEXT, topic_statuses }, { "author", F_TEXT, NULL },
	{ "created", F_TIME, NULL }, { "updated", F_TIME, NULL }, { "version", F_INT, NULL },
	{ NULL, 0, NULL },
};
static const struct field vote_fields[] = {
	{ "topic_id", F_ID, NULL }, { "login", F_TEXT, NULL }, { "at", F_TIME, NULL },
	{ NULL, 0, NULL },
};
static const struct field topic_meeting_fields[] = {
	{ "topic_id", F_ID, NULL }, { "meeting_id", F_ID, NULL }, { NULL, 0, NULL },
};
static const struct field topic_entry_fields[] = {
	{ "topic_id", F_ID, NULL }, { "entry_id", F_ID, NULL }, { NULL, 0, NULL },
};
static const struct field assessment_fields[] = {
	{ "id", F_ID, NULL }, { "day", F_DATE, NULL }, { "domain", F_INT, NULL },
	{ "community", F_INT, NULL }, { "practice", F_INT, NULL }, { "stories", F_MD, NULL },
	{ "summary", F_TEXT, NULL }, { "author", F_TEXT, NULL }, { "metrics", F_JSON, NULL },
	{ "created", F_TIME, NULL }, { NULL, 0, NULL },
};
static const struct field value_story_fields[] = {
	{ "id", F_ID, NULL }, { "assessment_id", F_ID, NULL }, { "cycle", F_TEXT, cycles },
	{ "body", F_MD, NULL }, { NULL, 0, NULL },
};
static const struct field activity_fields[] = {
	{ "id", F_ID, NULL }, { "at", F_TIME, NULL }, { "login", F_TEXT, NULL },
	{ "verb", F_TEXT, NULL }, { "object", F_TEXT, NULL }, { "object_id", F_IDN, NULL },
	{ "summary", F_TEXT, NULL }, { NULL, 0, NULL },
};

static int import_member_tags(struct db *db, const char *section, long idx,
			      const char *item, sqlite3_stmt *row);
static int import_entry_tags(struct db *db, const char *section, long idx,
			     const char *item, sqlite3_stmt *row);

/* In dependency order: a row only refers to rows of earlier sections. */
static const struct section sections[] = {
	{ "members", "member", "id", member_fields,
	  "'expertise', json((SELECT json_group_array(tag) FROM (SELECT tag FROM member_tag"
	  "   WHERE member_id = t.id AND kind = 'expertise' ORDER BY tag))),"
	  " 'interest', json((SELECT json_group_array(tag) FROM (SELECT tag FROM member_tag"
	  "   WHERE member_id = t.id AND kind = 'interest' ORDER BY tag)))",
	  import_member_tags },
	{ "status_changes", "member_status_log", "id", status_change_fields, NULL, NULL },
	{ "devnotes", "devnote", "id", devnote_fields, NULL, NULL },
	{ "participation", "participation", "member_id, day", participation_fields, NULL, NULL },
	{ "connections", "connection", "id", connection_fields, NULL, NULL },
	{ "dismissed_suggestions", "suggestion_dismissed", "a, b", dismissed_fields, NULL, NULL },
	{ "meetings", "meeting", "id", meeting_fields, NULL, NULL },
	{ "meeting_revisions", "meeting_revision", "meeting_id, version", meeting_revision_fields,
	  NULL, NULL },
	{ "attendance", "attendance", "meeting_id, member_id", attendance_fields, NULL, NULL },
	{ "notes", "note", "id", note_fields, NULL, NULL },
	{ "actions", "action", "id", action_fields, NULL, NULL },
	{ "entries", "entry", "id", entry_fields,
	  "'tags', json((SELECT json_group_array(tag) FROM (SELECT tag FROM entry_tag"
	  "   WHERE entry_id = t.id ORDER BY tag)))",
	  import_entry_tags },
	{ "revisions", "revision", "entry_id, version", revision_fields, NULL, NULL },
	{ "entry_uses", "entry_use", "id", entry_use_fields, NULL, NULL },
	{ "entry_sources", "entry_source", "id", entry_source_fields, NULL, NULL },
	{ "entry_reads", "entry_read", "rowid", entry_read_fields, NULL, NULL },
	{ "topics", "topic", "id", topic_fields, NULL, NULL },
	{ "votes", "topic_vote", "topic_id, login", vote_fields, NULL, NULL },
	{ "topic_meetings", "topic_meeting", "topic_id, meeting_id", topic_meeting_fields,
	  NULL, NULL },
	{ "topic_entries", "topic_entry", "topic_id, entry_id", topic_entry_fields, NULL, NULL },
	{ "assessments", "assessment", "id", assessment_fields, NULL, NULL },
	{ "value_stories", "value_story", "id", value_story_fields, NULL, NULL },
	{ "activity", "activity", "id", activity_fields, NULL, NULL },
	{ "trash", "trash", "id", trash_fields, NULL, NULL },
};

/* The tables whose ids are never given out twice (AUTOINCREMENT): the
 * highest id each ever gave is exported as "sequences", so an imported
 * database does not give out a deleted row's id either. */
#define SEQUENCE_TABLES "'member', 'meeting', 'note', 'action', 'entry', 'topic', 'trash'"

/* ---- export ---- */

/* "SELECT json_object('a', t."a", ...) FROM table t ORDER BY ..." */
static int export_sql(const struct section *s, struct buf *sql)
{
	int rc = buf_puts(sql, "SELECT json_object(");

	for (const struct field *f = s->fields; rc == 0 && f->name; f++) {
		if (f != s->fields)
			rc |= buf_puts(sql, ", ");
		if (f->type == F_JSON)
			rc |= buf_printf(sql, "'%s', json(t.\"%s\")", f->name, f->name);
		else
			rc |= buf_printf(sql, "'%s', t.\"%s\"", f->name, f->name);
	}
	if (rc == 0 && s->export_extra)
		rc |= buf_printf(sql, ", %s", s->export_extra);
	if (rc == 0)
		rc |= buf_printf(sql, ") FROM \"%s\" t ORDER BY %s", s->table, s->order);
	return rc;
}

/* Append one line of SQL-computed JSON text (first column of a one-row
 * statement, which is finalised). */
static int put_scalar(struct db *db, sqlite3_stmt *st, struct buf *out)
{
	int rc = sqlite3_step(st), status = COPSE_OK;

	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (buf_puts(out, t ? t : "null") != 0)
			status = db_nomem(db);
	} else {
		status = db_sqlite_fail(db, rc, "export");
	}
	sqlite3_finalize(st);
	return status;
}

static int export_section(struct db *db, const struct section *s, struct buf *out)
{
	struct buf sql;
	sqlite3_stmt *st;
	int status, rc, n = 0;

	buf_init(&sql);
	if (export_sql(s, &sql) != 0) {
		buf_done(&sql);
		return db_nomem(db);
	}
	status = db_prepare(db, sql.s, &st);
	buf_done(&sql);
	if (status != COPSE_OK)
		return status;
	if (buf_printf(out, ",\n  \"%s\": [", s->key) != 0)
		status = db_nomem(db);
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *obj = (const char *)sqlite3_column_text(st, 0);

		if (buf_puts(out, n++ ? ",\n    " : "\n    ") != 0 ||
		    buf_puts(out, obj ? obj : "null") != 0)
			status = db_nomem(db);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, s->key);
	sqlite3_finalize(st);
	if (status == COPSE_OK && buf_puts(out, n ? "\n  ]" : "]") != 0)
		status = db_nomem(db);
	return status;
}

int exchange_export_json(struct db *db, struct buf *out)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status = COPSE_OK, own_tx = 0;
	size_t start = out->len;

	time_now_iso(now);
	/* One read transaction: the document is a consistent snapshot. */
	if (db->tx_depth == 0 && sqlite3_get_autocommit(db->h)) {
		if ((status = db_exec(db, "BEGIN")) != COPSE_OK)
			return status;
		own_tx = 1;
	}
	if (buf_printf(out, "{\n  \"format\": \"copse\",\n  \"version\": %d,\n  \"exported\": ",
		       EXPORT_FORMAT_VERSION) != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT json_quote(?)", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, now);
		status = put_scalar(db, st, out);
	}
	if (status == COPSE_OK && buf_puts(out, ",\n  \"meta\": ") != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT json_group_object(key, value) FROM"
				    " (SELECT key, value FROM meta WHERE key <> '" SUGGEST_KEPT_KEY "'"
				    "  ORDER BY key)", &st);
	if (status == COPSE_OK)
		status = put_scalar(db, st, out);
	if (status == COPSE_OK && buf_puts(out, ",\n  \"sequences\": ") != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT json_group_object(name, seq) FROM"
				    " (SELECT name, max(seq) AS seq FROM sqlite_sequence"
				    "  WHERE name IN (" SEQUENCE_TABLES ") GROUP BY name ORDER BY name)",
				    &st);
	if (status == COPSE_OK)
		status = put_scalar(db, st, out);
	for (size_t i = 0; status == COPSE_OK && i < ARRAY_SIZE(sections); i++)
		status = export_section(db, &sections[i], out);
	if (status == COPSE_OK && buf_puts(out, "\n}\n") != 0)
		status = db_nomem(db);
	/* SQLite writes stored bytes as they are: make them valid UTF-8
	 * and free of control characters */
	if (status == COPSE_OK && json_make_safe(out, start) != 0)
		status = db_nomem(db);
	if (own_tx)
		sqlite3_exec(db->h, status == COPSE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if (status != COPSE_OK) {
		out->len = start;
		if (out->s)
			out->s[start] = '\0';
	}
	return status;
}

/* ---- import ---- */

/* Text of column i of a one-row statement, or NULL. */
static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static const char *type_name(enum ftype t)
{
	switch (t) {
	case F_INT: case F_VERSION: return "an integer";
	case F_ID: return "a positive integer";
	case F_IDN: return "a positive integer or null";
	case F_TEXT: case F_MD: return "a string";
	case F_TEXTN: return "a string or null";
	case F_TIME: return "a time (\"YYYY-MM-DDTHH:MM:SSZ\")";
	case F_TIMEN: return "a time (\"YYYY-MM-DDTHH:MM:SSZ\") or null";
	case F_DATE: return "a date (\"YYYY-MM-DD\")";
	case F_DATEN: return "a date (\"YYYY-MM-DD\") or null";
	case F_JSON: return "an object";
	}
	return "?";
}

static int nullable(enum ftype t)
{
	return t == F_IDN || t == F_TEXTN || t == F_TIMEN || t == F_DATEN;
}

/* The JSON type a field needs: "integer", "text" or "object". */
static const char *json_type_of(enum ftype t)
{
	switch (t) {
	case F_INT: case F_ID: case F_IDN: case F_VERSION: return "integer";
	case F_JSON: return "object";
	default: return "text";
	}
}

/* Is s a time as copse stores it, or a calendar date? */
static int good_time(const char *s)
{
	char iso[ISO_LEN];
	time_t t;

	if (time_parse(s, &t) != 0)
		return 0;
	time_iso(t, iso);
	return strcmp(iso, s) == 0;
}

static int good_date(const char *s)
{
	char d[11];

	return date_parse(s, d) == 0 && strcmp(d, s) == 0;
}

/* Is s[0, n) UTF-8?  An escaped lone surrogate ("\ud800") comes out of
 * SQLite's JSON functions as bytes that are not. */
static int utf8_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = text_decode(s + i, n - i, &cp);

		if (cp == 0xfffd && k == 1)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* Does the JSON text hold a "\u0000" escape (a NUL character, which
 * would cut a string short)? */
static int has_nul_escape(const char *json)
{
	for (const char *p = json; *p; p++) {
		if (*p != '\\')
			continue;
		if (p[1] == 'u' && strncmp(p + 2, "0000", 4) == 0)
			return 1;
		if (p[1])
			p++;       /* the escaped character */
	}
	return 0;
}

/* *bad: how many members of the `type` (array|object) at path of json
 * (len bytes, or -1: up to its NUL) are not strings; 0 also when there is
 * nothing at path, -1 when it is not a `type`. */
static int count_non_strings(struct db *db, const char *json, int len, const char *path,
			     const char *type, int64_t *bad)
{
	sqlite3_stmt *st;
	int status;

	status = db_prepare(db, "SELECT CASE coalesce(json_type(?1, ?2), 'null')"
			    " WHEN 'null' THEN 0 WHEN ?3 THEN"
			    "  (SELECT count(*) FROM json_each(?1, ?2) WHERE type <> 'text')"
			    " ELSE -1 END", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, json, len, SQLITE_STATIC);
	store_bind_text(st, 2, path);
	store_bind_text(st, 3, type);
	return db_step_int(db, st, bad);
}

/* Each tag of item's array at path as copse stores tags: what the command
 * line would refuse or change (store_clean_tags) is refused. */
static int check_tags(struct db *db, const char *section, long idx, const char *item,
		      const char *path, const char *key)
{
	sqlite3_stmt *st;
	struct strset seen;
	int status, rc;

	if ((status = db_prepare(db, "SELECT value FROM json_each(?1, ?2)", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, item);
	store_bind_text(st, 2, path);
	strset_init(&seen, 1);
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = col_text(st, 0);
		size_t n = t ? strlen(t) : 0;
		const char *why = NULL;

		if (!t || str_empty(t))
			why = "must not be empty";
		else if ((size_t)sqlite3_column_bytes(st, 0) != n)
			why = "must not contain a NUL character";
		else if (!utf8_ok(t, n))
			why = "holds a lone surrogate, which is no character";
		else if (strchr(t, ','))
			why = "must not contain a comma";
		else if (isspace((unsigned char)t[0]) || isspace((unsigned char)t[n - 1]))
			why = "must not begin or end with a space";
		else if (t[0] == '#')
			why = "must not begin with '#'";
		else if ((rc = strset_add(&seen, t)) < 0)
			status = db_nomem(db);
		else if (rc == 0)
			why = "is there twice";
		if (why)
			status = db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s: tag '%.60s' %s",
					 section, idx, key, t ? t : "", why);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "import");
	strset_done(&seen);
	sqlite3_finalize(st);
	return status;
}

/* Check item's array of strings at $.key and insert them with ins
 * (?1 = the item, ?2 = the row's id; the statement reads the array with
 * json_each). */
static int import_tag_array(struct db *db, const char *section, long idx, const char *item,
			    int64_t id, const char *key, const char *ins_sql)
{
	sqlite3_stmt *st;
	char path[64];
	int status, rc;
	int64_t bad = 0;

	snprintf(path, sizeof path, "$.%s", key);
	if ((status = count_non_strings(db, item, -1, path, "array", &bad)) != COPSE_OK)
		return status;
	if (bad)
		return db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s must be an array of strings",
			       section, idx, key);
	if ((status = check_tags(db, section, idx, item, path, key)) != COPSE_OK)
		return status;
	if ((status = db_prepare(db, ins_sql, &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, item);
	store_bind_text(st, 2, path);
	sqlite3_bind_int64(st, 3, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && db_file_error(rc))
		status = db_sqlite_fail(db, rc, "import");
	else if (rc != SQLITE_DONE)
		status = db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s: %s", section, idx, key,
				 sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	return status;
}

/* The row's "id" is the first field of members and entries. */
static int import_member_tags(struct db *db, const char *section, long idx,
			      const char *item, sqlite3_stmt *row)
{
	int64_t id = sqlite3_column_int64(row, 1);
	int status;

	status = import_tag_array(db, section, idx, item, id, "expertise",
				  "INSERT INTO member_tag(member_id, kind, tag)"
				  " SELECT ?3, 'expertise', value FROM json_each(?1, ?2)");
	if (status == COPSE_OK)
		status = import_tag_array(db, section, idx, item, id, "interest",
					  "INSERT INTO member_tag(member_id, kind, tag)"
					  " SELECT ?3, 'interest', value FROM json_each(?1, ?2)");
	return status;
}

static int import_entry_tags(struct db *db, const char *section, long idx,
			     const char *item, sqlite3_stmt *row)
{
	int64_t id = sqlite3_column_int64(row, 1);

	return import_tag_array(db, section, idx, item, id, "tags",
				"INSERT INTO entry_tag(entry_id, tag)"
				" SELECT ?3, value FROM json_each(?1, ?2)");
}

/* Check the fields read by `get` (json_type, json_extract pairs) against
 * the section's spec: types, numbers in range, ids positive, times and
 * dates as copse writes them, Markdown copse can lay out, allowed values. */
static int check_fields(struct db *db, const struct section *s, long idx, sqlite3_stmt *get)
{
	int i = 0;

	for (const struct field *f = s->fields; f->name; f++, i++) {
		const char *type = col_text(get, 2 * i);
		const char *v = col_text(get, 2 * i + 1);
		int ok;

		if (!type || strcmp(type, "null") == 0) {
			if (nullable(f->type) || (f->type == F_VERSION && !type))
				continue;
			return db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s is missing",
				       s->key, idx, f->name);
		}
		ok = strcmp(type, json_type_of(f->type)) == 0;
		/* an integer too large for 64 bits comes back as a real */
		if (ok && strcmp(type, "integer") == 0 &&
		    sqlite3_column_type(get, 2 * i + 1) != SQLITE_INTEGER)
			return db_fail(db, COPSE_INVALID,
				       "import: %s[%ld]: %s is too large a number (at most %lld)",
				       s->key, idx, f->name, (long long)INT64_MAX);
		if (ok && (f->type == F_ID || f->type == F_IDN))
			ok = sqlite3_column_int64(get, 2 * i + 1) > 0;
		if (ok && (f->type == F_TIME || f->type == F_TIMEN))
			ok = v && good_time(v);
		if (ok && (f->type == F_DATE || f->type == F_DATEN))
			ok = v && good_date(v);
		if (!ok)
			return db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s must be %s",
				       s->key, idx, f->name, type_name(f->type));
		if (v && !utf8_ok(v, (size_t)sqlite3_column_bytes(get, 2 * i + 1)))
			return db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s holds a lone"
				       " surrogate (\\ud800-\\udfff), which is no character",
				       s->key, idx, f->name);
		if (f->type == F_MD) {
			char label[96];
			snprintf(label, sizeof label, "import: %s[%ld]: %s", s->key, idx, f->name);
			if (store_check_md(db, label, v) != COPSE_OK)
				return COPSE_INVALID;
		}
		if (f->allowed && !store_one_of(col_text(get, 2 * i + 1), f->allowed))
			return db_fail(db, COPSE_INVALID,
				       "import: %s[%ld]: %s '%.60s' is not valid (must be one of %s)",
				       s->key, idx, f->name, col_text(get, 2 * i + 1),
				       store_list_str(f->allowed));
	}
	return COPSE_OK;
}

static int import_section(struct db *db, const struct section *s, const char *doc, int len)
{
	struct buf get_sql, ins_sql;
	sqlite3_stmt *each = NULL, *get = NULL, *ins = NULL;
	char path[64];
	int status, rc, nf = 0, i;
	int64_t ok = 0;

	snprintf(path, sizeof path, "$.%s", s->key);
	/* Missing section: nothing to import.  Present: must be an array. */
	status = db_prepare(db, "SELECT CASE coalesce(json_type(?1, ?2), 'null')"
			    " WHEN 'null' THEN 2 WHEN 'array' THEN 1 ELSE 0 END", &each);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(each, 1, doc, len, SQLITE_STATIC);
	store_bind_text(each, 2, path);
	status = db_step_int(db, each, &ok);   /* finalises */
	each = NULL;
	if (status != COPSE_OK)
		return status;
	if (ok == 2)
		return COPSE_OK;
	if (ok == 0)
		return db_fail(db, COPSE_INVALID, "import: %s: must be an array", s->key);

	buf_init(&get_sql);
	buf_init(&ins_sql);
	rc = buf_puts(&get_sql, "SELECT ");
	rc |= buf_printf(&ins_sql, "INSERT INTO \"%s\"(", s->table);
	for (const struct field *f = s->fields; f->name; f++, nf++) {
		if (f->type == F_VERSION)
			rc |= buf_printf(&get_sql, "%sjson_type(?1, '$.%s'),"
					 " coalesce(json_extract(?1, '$.%s'), 1)",
					 nf ? ", " : "", f->name, f->name);
		else if (renamed_of(s->key, f->name))
			rc |= buf_printf(&get_sql, "%sjson_type(?1, '$.%s'),"
					 " CASE json_extract(?1, '$.%s') WHEN '%s' THEN '%s'"
					 " ELSE json_extract(?1, '$.%s') END",
					 nf ? ", " : "", f->name, f->name,
					 renamed_of(s->key, f->name)->was,
					 renamed_of(s->key, f->name)->now, f->name);
		else
			rc |= buf_printf(&get_sql, "%sjson_type(?1, '$.%s'), json_extract(?1, '$.%s')",
					 nf ? ", " : "", f->name, f->name);
		rc |= buf_printf(&ins_sql, "%s\"%s\"", nf ? ", " : "", f->name);
	}
	rc |= buf_puts(&ins_sql, ") VALUES (");
	for (i = 0; i < nf; i++)
		rc |= buf_printf(&ins_sql, "%s?", i ? ", " : "");
	rc |= buf_puts(&ins_sql, ")");
	if (rc != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = db_prepare(db, get_sql.s, &get);
	if (status == COPSE_OK)
		status = db_prepare(db, ins_sql.s, &ins);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT key, type, value FROM json_each(?1, ?2)", &each);
	buf_done(&get_sql);
	buf_done(&ins_sql);
	if (status != COPSE_OK)
		goto done;
	sqlite3_bind_text(each, 1, doc, len, SQLITE_STATIC);
	store_bind_text(each, 2, path);
	while ((rc = sqlite3_step(each)) == SQLITE_ROW) {
		long idx = (long)sqlite3_column_int64(each, 0);
		const char *type = col_text(each, 1);
		const char *item = col_text(each, 2);

		if (!type || strcmp(type, "object") != 0 || !item) {
			status = db_fail(db, COPSE_INVALID, "import: %s[%ld]: must be an object",
					 s->key, idx);
			break;
		}
		sqlite3_reset(get);
		store_bind_text(get, 1, item);
		if ((rc = sqlite3_step(get)) != SQLITE_ROW) {
			status = db_sqlite_fail(db, rc, "import");
			break;
		}
		if (has_nul_escape(item)) {
			status = db_fail(db, COPSE_INVALID, "import: %s[%ld]: a string holds a NUL"
					 " character (\\u0000); copse keeps text only", s->key, idx);
			break;
		}
		if ((status = check_fields(db, s, idx, get)) != COPSE_OK)
			break;
		sqlite3_reset(ins);
		for (i = 0; i < nf; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(get, 2 * i + 1));
		if ((rc = sqlite3_step(ins)) != SQLITE_DONE && db_file_error(rc)) {
			status = db_sqlite_fail(db, rc, "import");
			break;
		}
		if (rc != SQLITE_DONE) {
			const char *why = sqlite3_errmsg(db->h);

			if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
				why = "refers to a row that is not in the file";
			status = db_fail(db, COPSE_INVALID, "import: %s[%ld]: %s", s->key, idx, why);
			break;
		}
		if (s->import_extra &&
		    (status = s->import_extra(db, s->key, idx, item, get)) != COPSE_OK)
			break;
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "import");
done:
	sqlite3_finalize(each);
	sqlite3_finalize(get);
	sqlite3_finalize(ins);
	return status;
}

/* Check that the document is JSON, a copse export, and a version we know. */
static int import_check(struct db *db, const char *doc, int len)
{
	sqlite3_stmt *st;
	int status, rc;
	int64_t valid = 0;

	/* JSON is UTF-8 (RFC 8259); SQLite would take other bytes in strings
	 * as they are, and they could come back from export only changed */
	if (!utf8_ok(doc, (size_t)len))
		return db_fail(db, COPSE_INVALID, "import: not UTF-8 text");
	/* json_valid alone first: the other JSON functions raise an error
	 * on malformed input. */
	if ((status = db_prepare(db, "SELECT json_valid(?1)", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	if ((status = db_step_int(db, st, &valid)) != COPSE_OK)
		return status;
	if (!valid || len == 0)
		return db_fail(db, COPSE_INVALID, "import: not valid JSON");
	status = db_prepare(db, "SELECT 1, json_type(?1),"
			    " json_extract(?1, '$.format'), json_type(?1, '$.version'),"
			    " json_extract(?1, '$.version')", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		status = db_sqlite_fail(db, rc, "import");
	} else if (!col_text(st, 1) || strcmp(col_text(st, 1), "object") != 0 ||
		   !col_text(st, 2) || strcmp(col_text(st, 2), "copse") != 0) {
		status = db_fail(db, COPSE_INVALID,
				 "import: not a copse export (no \"format\": \"copse\")");
	} else if (!col_text(st, 3) || strcmp(col_text(st, 3), "integer") != 0 ||
		   sqlite3_column_int64(st, 4) < 1) {
		status = db_fail(db, COPSE_INVALID, "import: \"version\" must be a positive integer");
	} else if (sqlite3_column_int64(st, 4) > EXPORT_FORMAT_VERSION) {
		status = db_fail(db, COPSE_INVALID,
				 "import: format version %lld is newer than this copse reads (%d);"
				 " upgrade copse", (long long)sqlite3_column_int64(st, 4),
				 EXPORT_FORMAT_VERSION);
	}
	sqlite3_finalize(st);
	return status;
}

static int import_meta(struct db *db, const char *doc, int len)
{
	sqlite3_stmt *st;
	int64_t bad = 0;
	int status;

	if ((status = count_non_strings(db, doc, len, "$.meta", "object", &bad)) != COPSE_OK)
		return status;
	if (bad)
		return db_fail(db, COPSE_INVALID, "import: meta: must be an object of strings");
	if ((status = db_prepare(db, "SELECT json_extract(?1, '$.meta')", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	bad = sqlite3_step(st) == SQLITE_ROW && col_text(st, 0) && has_nul_escape(col_text(st, 0));
	sqlite3_finalize(st);
	if (bad)
		return db_fail(db, COPSE_INVALID, "import: meta: a string holds a NUL character"
			       " (\\u0000); copse keeps text only");
	if ((status = db_prepare(db, "SELECT key, value FROM json_each(?1, '$.meta')", &st)) !=
	    COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	while (!bad && sqlite3_step(st) == SQLITE_ROW)
		bad = !utf8_ok(col_text(st, 0), (size_t)sqlite3_column_bytes(st, 0)) ||
		      !utf8_ok(col_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
	sqlite3_finalize(st);
	if (bad)
		return db_fail(db, COPSE_INVALID, "import: meta: a string holds a lone surrogate"
			       " (\\ud800-\\udfff), which is no character");
	/* what copse derives (the kept suggestions) is made again, not taken */
	status = db_prepare(db, "INSERT OR REPLACE INTO meta(key, value)"
			    " SELECT key, value FROM json_each(?1, '$.meta')"
			    " WHERE key <> '" SUGGEST_KEPT_KEY "'", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	return db_step_done(db, st, "import: meta");
}

/* "sequences": {"meeting": 12, ...}: no id up to these is given out
 * again.  Only raises what the imported rows already set. */
static int import_sequences(struct db *db, const char *doc, int len)
{
	sqlite3_stmt *st;
	int64_t bad = 0;
	int status;

	status = db_prepare(db, "SELECT CASE coalesce(json_type(?1, '$.sequences'), 'null')"
			    " WHEN 'null' THEN 0 WHEN 'object' THEN"
			    "  (SELECT count(*) FROM json_each(?1, '$.sequences')"
			    "   WHERE type <> 'integer' OR value < 0"
			    "      OR key NOT IN (" SEQUENCE_TABLES "))"
			    " ELSE -1 END", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	if ((status = db_step_int(db, st, &bad)) != COPSE_OK)
		return status;
	if (bad)
		return db_fail(db, COPSE_INVALID, "import: sequences: must be an object of"
			       " non-negative integers for %s", SEQUENCE_TABLES);
	status = db_prepare(db, "INSERT INTO sqlite_sequence(name, seq)"
			    " SELECT key, 0 FROM json_each(?1, '$.sequences')"
			    " WHERE key NOT IN (SELECT name FROM sqlite_sequence)", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	if ((status = db_step_done(db, st, "import: sequences")) != COPSE_OK)
		return status;
	status = db_prepare(db, "UPDATE sqlite_sequence SET seq = max(seq, (SELECT value"
			    "  FROM json_each(?1, '$.sequences') WHERE key = name))"
			    " WHERE name IN (SELECT key FROM json_each(?1, '$.sequences'))", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	return db_step_done(db, st, "import: sequences");
}

/* The [[wiki links]] of one imported entry. */
struct entry_links {
	int64_t id;
	struct strv links;
};

static void links_free(struct entry_links *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strv_done(&v[i].links);
	free(v);
}

/* Read the links of every entry in the document before the import's
 * transaction, so the write lock is never held while Markdown is parsed.
 * Items that are no entry are skipped here (the import refuses them). */
static int read_links(struct db *db, const char *doc, int len, struct entry_links **out,
		      size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int status, rc;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT json_extract(value, '$.id'), json_extract(value, '$.body')"
			    " FROM json_each(?1, '$.entries') WHERE json_type(?1, '$.entries') = 'array'"
			    " AND json_type(value, '$.id') = 'integer'"
			    " AND json_type(value, '$.body') = 'text'", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_text(st, 1, doc, len, SQLITE_STATIC);
	while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entry_links *e;

		if (store_grow((void **)out, &cap, *n, sizeof **out) != 0) {
			status = db_nomem(db);
			break;
		}
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		strv_init(&e->links);
		if (md_wiki_links(col_text(st, 1), &e->links) != 0)
			status = db_nomem(db);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "import");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		links_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

int exchange_import_json(struct db *db, const char *json, size_t len)
{
	struct entry_links *links = NULL;
	size_t nlinks = 0;
	int status;

	if (!json)
		json = "";
	if (len > 0x7fffffff)
		return db_fail(db, COPSE_INVALID, "import: document is too large");
	if ((status = import_check(db, json, (int)len)) != COPSE_OK)
		return status;
	if ((status = read_links(db, json, (int)len, &links, &nlinks)) != COPSE_OK)
		return status;
	if ((status = db_write_begin(db)) != COPSE_OK) {
		links_free(links, nlinks);
		return status;
	}
	if (!db_is_empty(db))
		status = db_fail(db, COPSE_INVALID,
				 "database is not empty; import needs an empty one");
	if (status == COPSE_OK)
		status = import_meta(db, json, (int)len);
	for (size_t i = 0; status == COPSE_OK && i < ARRAY_SIZE(sections); i++)
		status = import_section(db, &sections[i], json, (int)len);
	if (status == COPSE_OK)
		status = import_sequences(db, json, (int)len);
	/* a document from before agenda revisions: each agenda as it is */
	if (status == COPSE_OK)
		status = db_exec(db, "INSERT INTO meeting_revision(meeting_id, version, title,"
				 " agenda, author, at) SELECT id, version, title, agenda, '', updated"
				 " FROM meeting m WHERE NOT EXISTS (SELECT 1 FROM meeting_revision r"
				 " WHERE r.meeting_id = m.id)");
	/* entries in the trash of an older document, as schema 4 has them */
	if (status == COPSE_OK)
		status = db_exec(db, "UPDATE trash SET data = json_set(data,"
				 " '$.rows.entry[0].uses',"
				 "   coalesce(json_array_length(data, '$.rows.entry_use'), 0),"
				 " '$.rows.entry[0].status',"
				 "   CASE json_extract(data, '$.rows.entry[0].status')"
				 "   WHEN 'archived' THEN 'retired'"
				 "   ELSE json_extract(data, '$.rows.entry[0].status') END)"
				 " WHERE kind = 'entry'");
	for (size_t i = 0; status == COPSE_OK && i < nlinks; i++)
		status = entry_links_save(db, links[i].id, &links[i].links);
	links_free(links, nlinks);
	return db_write_end(db, status);
}
