/* cli-meeting.c - the meeting commands and what comes out of a meeting:
 * meeting add, list, show, edit, minutes, history; attend; note add,
 * edit, delete; action add, list, done, reopen, edit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/db.h"
#include "copse/meeting.h"
#include "copse/minutes.h"
#include "copse/noteline.h"
#include "copse/status.h"
#include "cli-cmd.h"
#include "cli-print.h"

static int meeting_apply(struct cli *c, struct meeting *m)
{
	const char *v;
	char iso[ISO_LEN];
	int rc;

	if ((v = cli_opt(c, "title")))
		cli_set_str(&m->title, v);
	if ((v = cli_opt(c, "at"))) {
		if ((rc = cli_parse_when("at", v, iso)) != 0)
			return rc;
		cli_set_str(&m->starts, iso);
	}
	if ((v = cli_opt(c, "end"))) {
		if (!*v) {
			cli_set_str(&m->ends, NULL);
		} else {
			if ((rc = cli_parse_when("end", v, iso)) != 0)
				return rc;
			cli_set_str(&m->ends, iso);
		}
	}
	if ((v = cli_opt(c, "location")))
		cli_set_str(&m->location, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&m->status, v);
	if ((v = cli_opt(c, "agenda-file")) && (rc = cli_read_field(&m->agenda, v)) != 0)
		return rc;
	return 0;
}

static int get_meeting(struct cli *c, const char *arg, struct meeting *m)
{
	int64_t id;
	int rc, status;

	memset(m, 0, sizeof *m);
	if ((rc = cli_parse_id(arg, "meeting", &id)) != 0)
		return rc;
	if ((status = meeting_get(c->db, id, m)) != COPSE_OK)
		return cli_fail(c, status);
	return 0;
}

/* The id of meeting arg, which must exist; an exit status. */
static int meeting_id_of(struct cli *c, const char *arg, int64_t *id)
{
	struct meeting m;
	int rc = get_meeting(c, arg, &m);

	*id = m.id;
	meeting_done(&m);
	return rc;
}

int cmd_meeting_add(struct cli *c)
{
	struct meeting m;
	int rc;

	memset(&m, 0, sizeof m);
	cli_set_str(&m.title, c->pos[0]);
	if ((rc = meeting_apply(c, &m)) == 0) {
		int status = meeting_add(c->db, &m);
		rc = print_id(c, status, m.id);
	}
	meeting_done(&m);
	return rc;
}

static void snap_meeting(struct json *j, const void *m)
{
	json_begin_object(j);
	print_json_meeting(j, m);
	json_end_object(j);
}

int cmd_meeting_edit(struct cli *c)
{
	struct cli_edit ed;
	struct meeting m;
	int rc;

	if ((rc = get_meeting(c, c->pos[0], &m)) == 0) {
		cli_edit_start(&ed, "meeting", m.id, print_snapshot(snap_meeting, &m), m.agenda);
		if ((rc = meeting_apply(c, &m)) == 0 &&
		    cli_edit_save(c, &ed, print_snapshot(snap_meeting, &m), m.agenda,
				  "agenda-file", &rc))
			rc = cli_check(c, meeting_update(c->db, &m));
		cli_edit_done(&ed);
	}
	meeting_done(&m);
	return rc;
}

int cmd_meeting_list(struct cli *c)
{
	struct meeting_filter f = { 0, NULL };
	struct meeting *v;
	size_t n;
	int status = meeting_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_meeting(&j, &v[i]);
			json_end_object(&j);
		}
		json_end_array(&j);
		meeting_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 6, ">ID", "WHEN", "STATUS", ">ATTENDED", ">NOTES", "TITLE");
	t.empty = "no meetings";
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_time(c, v[i].starts, PRINT_WHEN), print_safe(c, v[i].status),
				print_fmt(c, "%d", v[i].n_attended), print_fmt(c, "%d", v[i].n_notes),
				str_empty(v[i].location) ? print_safe(c, v[i].title)
				: print_fmt(c, "%s (%s)", print_safe(c, v[i].title),
					    print_safe(c, v[i].location)));
	print_table_out(c, &t, 1);
	meeting_list_free(v, n);
	return 0;
}

int cmd_meeting_show(struct cli *c)
{
	struct meeting m;
	struct attendance *att = NULL;
	struct note *notes = NULL;
	struct action *acts = NULL;
	size_t natt = 0, nnotes = 0, nacts = 0, nlines;
	struct action_filter af = { 0 };
	int rc, status;

	if ((rc = get_meeting(c, c->pos[0], &m)) != 0)
		return rc;
	af.meeting_id = m.id;
	if ((status = attend_list(c->db, m.id, &att, &natt)) != COPSE_OK ||
	    (status = note_list(c->db, m.id, &notes, &nnotes)) != COPSE_OK ||
	    (status = action_list(c->db, &af, &acts, &nacts)) != COPSE_OK) {
		rc = cli_fail(c, status);
		goto out;
	}
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_meeting(&j, &m);
		json_key(&j, "attendance");
		json_begin_array(&j);
		for (size_t i = 0; i < natt; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "member_id", att[i].member_id);
			json_kv_str(&j, "name", att[i].name);
			json_kv_str(&j, "handle", att[i].handle);
			json_kv_str(&j, "status", att[i].status);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_key(&j, "notes");
		json_begin_array(&j);
		for (size_t i = 0; i < nnotes; i++)
			print_json_note(&j, &notes[i]);
		json_end_array(&j);
		json_key(&j, "actions");
		json_begin_array(&j);
		for (size_t i = 0; i < nacts; i++)
			print_json_action(&j, &acts[i]);
		json_end_array(&j);
		json_end_object(&j);
		rc = print_json_end(&j, &b);
		goto out;
	}
	printf("Meeting %lld: %s\n", (long long)m.id, print_safe(c, m.title));
	print_field("When:", m.ends && *m.ends
		    ? print_fmt(c, "%s - %s", print_time(c, m.starts, PRINT_WHEN),
				print_time(c, m.ends, PRINT_WHEN))
		    : print_time(c, m.starts, PRINT_WHEN));
	print_field("Location:", print_safe(c, m.location));
	print_field("Status:", print_safe(c, m.status));
	if (!str_empty(m.agenda)) {
		printf("\nAgenda:\n");
		print_block(print_safe_lines(c, m.agenda));
	}
	printf("\nAttendance (%zu):\n", natt);
	if (natt) {
		struct print_table t;
		print_table_init(&t, "  ", 3, "NAME", "HANDLE", "STATUS");
		for (size_t i = 0; i < natt; i++)
			print_table_row(&t, print_safe(c, att[i].name),
					print_safe(c, att[i].handle),
					print_safe(c, att[i].status));
		print_table_out(c, &t, 0);
	}
	/* a line that made an action is listed under Actions only */
	nlines = 0;
	for (size_t i = 0; i < nnotes; i++)
		nlines += !action_of_note(acts, nacts, notes[i].id);
	printf("\nNotes (%zu):\n", nlines);
	if (nlines) {
		struct print_table t;
		print_table_init(&t, "  ", 4, "TIME", "AUTHOR", "KIND", "TEXT");
		for (size_t i = 0; i < nnotes; i++)
			if (!action_of_note(acts, nacts, notes[i].id))
				print_table_row(&t, print_time(c, notes[i].created, "%H:%M"),
						print_safe(c, notes[i].author),
						print_safe(c, notes[i].kind),
						print_safe_lines(c, notes[i].body));
		print_table_out(c, &t, 0);
	}
	printf("\nActions (%zu):\n", nacts);
	if (nacts) {
		struct print_table t;
		print_table_init(&t, "  ", 5, ">ID", "STATUS", "DUE", "OWNER", "TITLE");
		for (size_t i = 0; i < nacts; i++)
			print_table_row(&t, print_fmt(c, "%lld", (long long)acts[i].id),
					acts[i].done ? "done" : "open",
					print_safe(c, acts[i].due),
					print_safe(c, acts[i].owner_name),
					print_safe(c, acts[i].title));
		print_table_out(c, &t, 0);
	}
out:
	attendance_list_free(att, natt);
	note_list_free(notes, nnotes);
	action_list_free(acts, nacts);
	meeting_done(&m);
	return rc;
}

int cmd_meeting_minutes(struct cli *c)
{
	struct buf md;
	int64_t id;
	int status;

	if (cli_parse_id(c->pos[0], "meeting", &id) != 0)
		return 2;
	buf_init(&md);
	if ((status = minutes_markdown(c->db, id, &md)) != COPSE_OK) {
		buf_done(&md);
		return cli_fail(c, status);
	}
	fputs(print_safe_lines(c, md.s), stdout);
	buf_done(&md);
	return 0;
}

int cmd_meeting_history(struct cli *c)
{
	struct meeting_revision *v = NULL;
	size_t n = 0;
	int64_t id;
	int status;

	if (cli_parse_id(c->pos[0], "meeting", &id) != 0)
		return 2;
	if ((status = meeting_history(c->db, id, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "meeting_id", v[i].meeting_id);
			json_kv_int(&j, "version", v[i].version);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "agenda", v[i].agenda);
			json_kv_str(&j, "author", v[i].author);
			json_kv_str(&j, "at", v[i].at);
			json_end_object(&j);
		}
		json_end_array(&j);
		meeting_revision_list_free(v, n);
		return print_json_end(&j, &b);
	}
	for (size_t i = 0; i < n; i++) {
		printf("%sVersion %d, %s by %s: %s\n", i ? "\n" : "", v[i].version,
		       print_time(c, v[i].at, PRINT_WHEN),
		       str_empty(v[i].author) ? "?" : print_safe(c, v[i].author),
		       print_safe(c, v[i].title));
		if (!str_empty(v[i].agenda))
			print_block(print_safe_lines(c, v[i].agenda));
	}
	meeting_revision_list_free(v, n);
	return 0;
}

/* ---- attendance and notes ---- */

int cmd_attend(struct cli *c)
{
	const char *st = cli_opt(c, "status") ? cli_opt(c, "status") : "attended";
	int64_t meeting_id, *ids;
	int rc, status = COPSE_OK, n = c->npos - 1;

	if ((rc = meeting_id_of(c, c->pos[0], &meeting_id)) != 0)
		return rc;
	ids = cli_keep(c, calloc((size_t)n, sizeof *ids));
	if (!ids)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	/* Resolve every member first: an unknown one changes nothing. */
	for (int i = 0; i < n && status == COPSE_OK; i++)
		status = cli_member_id(c, c->pos[i + 1], &ids[i]);
	if (status == COPSE_OK && n > 1)
		status = db_begin(c->db);
	for (int i = 0; i < n && status == COPSE_OK; i++)
		status = attend_set(c->db, meeting_id, ids[i], st);
	if (n > 1 && status == COPSE_OK)
		status = db_commit(c->db);
	else if (n > 1)
		db_rollback(c->db);     /* keeps the failing verb's message */
	return cli_check(c, status);
}

/* Strip one trailing newline (text piped from echo or a file). */
static void chomp(char *s)
{
	size_t n = strlen(s);

	if (n && s[n - 1] == '\n')
		s[--n] = '\0';
	if (n && s[n - 1] == '\r')
		s[--n] = '\0';
}

/* The text of positionals from i on, or stdin for a lone "-" (one
 * trailing newline dropped); an exit status. */
static int text_arg(struct cli *c, int i, char **text)
{
	int rc;

	if (c->npos == i + 1 && strcmp(c->pos[i], "-") == 0) {
		if ((rc = cli_read_input("-", text, NULL)) != 0)
			return rc;
		cli_keep(c, *text);
		chomp(*text);
	} else {
		*text = (char *)cli_join_pos(c, i);
	}
	return 0;
}

/* note add MEETING [--kind K] TEXT|-
 * Without --kind the text is a quick line, exactly as typed in a meeting:
 * "d: ..." decision, "? ..." question, "a: @handle ..." action item. */
int cmd_note_add(struct cli *c)
{
	const char *kind = cli_opt(c, "kind");
	int64_t meeting_id;
	char *text;
	int rc, status;

	if ((rc = meeting_id_of(c, c->pos[0], &meeting_id)) != 0)
		return rc;
	if ((rc = text_arg(c, 1, &text)) != 0)
		return rc;
	if (str_empty(text))
		return cli_fail_msg(COPSE_INVALID, "note: the text is empty");
	if (kind) {
		struct note n;

		memset(&n, 0, sizeof n);
		n.meeting_id = meeting_id;
		cli_set_str(&n.kind, kind);
		cli_set_str(&n.body, text);
		status = note_add(c->db, &n);
		rc = print_id(c, status, n.id);
		note_done(&n);
	} else {
		int64_t note_id = 0, action_id = 0;

		status = note_add_line(c->db, meeting_id, text, &note_id, &action_id);
		rc = print_id(c, status, note_id ? note_id : action_id);
	}
	return rc;
}

/* note edit ID TEXT|-: the text replaces the note's (its kind stays);
 * checked against the version read, like every edit. */
/* The line an "a: @who ..." made says what its action says: edited
 * alone, the two would part (the minutes list the action, the trash
 * the line).  INVALID, pointing to action edit, for such a line. */
static int note_of_action(struct cli *c, const struct note *n)
{
	struct action_filter f;
	struct action *v = NULL;
	const struct action *a;
	size_t nv = 0;
	int64_t of;
	int status;

	memset(&f, 0, sizeof f);
	f.meeting_id = n->meeting_id;
	if ((status = action_list(c->db, &f, &v, &nv)) != COPSE_OK)
		return status;
	a = action_of_note(v, nv, n->id);
	of = a ? a->id : 0;
	action_list_free(v, nv);
	if (!of)
		return COPSE_OK;
	return db_fail(c->db, COPSE_INVALID, "note %lld is the line of action %lld: change it"
		       " with copse action edit %lld", (long long)n->id, (long long)of,
		       (long long)of);
}

int cmd_note_edit(struct cli *c)
{
	struct note n;
	int64_t id;
	char *text;
	int rc, status;

	if ((rc = cli_parse_id(c->pos[0], "note", &id)) != 0 || (rc = text_arg(c, 1, &text)) != 0)
		return rc;
	if (str_empty(text))
		return cli_fail_msg(COPSE_INVALID, "note: the text is empty");
	if ((status = note_get(c->db, id, &n)) == COPSE_OK &&
	    (status = note_of_action(c, &n)) == COPSE_OK) {
		if (n.body && strcmp(n.body, text) == 0) {
			note_done(&n);
			printf("note %lld: no changes\n", (long long)id);
			return 0;
		}
		cli_set_str(&n.body, text);
		status = note_update(c->db, &n);
	}
	note_done(&n);
	return cli_check(c, status);
}

int cmd_note_delete(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "note", &id)) != 0)
		return rc;
	return cli_check(c, note_delete(c->db, id));
}

/* ---- actions ---- */

/* --due as an a: line reads it: YYYY-MM-DD, today, tomorrow or a
 * weekday (the next such day).  Returns an exit status. */
static int parse_due(const char *v, char out[11])
{
	char err[160];

	if (noteline_due(v, copse_now(), out, err, sizeof err) != COPSE_OK)
		return cli_fail_msg(COPSE_INVALID, "%s", err);
	return 0;
}

int cmd_action_add(struct cli *c)
{
	struct action a;
	const char *v;
	char day[11];
	int rc = 0, status;

	memset(&a, 0, sizeof a);
	cli_set_str(&a.title, c->pos[0]);
	if ((v = cli_opt(c, "due"))) {
		if ((rc = parse_due(v, day)) != 0)
			goto out;
		cli_set_str(&a.due, day);
	}
	if ((v = cli_opt(c, "meeting")) && (rc = meeting_id_of(c, v, &a.meeting_id)) != 0)
		goto out;
	status = cli_member_id(c, cli_opt(c, "owner"), &a.owner_id);
	if (status == COPSE_OK)
		status = action_add(c->db, &a);
	rc = print_id(c, status, a.id);
out:
	action_done(&a);
	return rc;
}

int cmd_action_list(struct cli *c)
{
	struct action_filter f = { .open_only = cli_flag(c, "open") };
	struct action *v;
	size_t n;
	int status, rc;

	if (cli_opt(c, "owner") &&
	    (status = cli_member_id(c, cli_opt(c, "owner"), &f.owner_id)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_opt(c, "meeting") &&
	    (rc = meeting_id_of(c, cli_opt(c, "meeting"), &f.meeting_id)) != 0)
		return rc;
	if ((status = action_list(c->db, &f, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++)
			print_json_action(&j, &v[i]);
		json_end_array(&j);
		action_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 6, ">ID", "STATUS", "DUE", "OWNER", ">MEETING", "TITLE");
	t.empty = "no actions";
	t.maxw[3] = 24;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				v[i].done ? "done" : "open", print_safe(c, v[i].due),
				print_safe(c, v[i].owner_name),
				v[i].meeting_id ? print_fmt(c, "%lld", (long long)v[i].meeting_id) : "",
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	action_list_free(v, n);
	return 0;
}

/* action done / reopen: an action already so says so and changes
 * nothing (exit 0, like an edit with no changes). */
static int set_done(struct cli *c, int done)
{
	struct action a;
	int64_t id;
	int rc, status, already;

	if ((rc = cli_parse_id(c->pos[0], "action", &id)) != 0)
		return rc;
	if ((status = action_get(c->db, id, &a)) != COPSE_OK)
		return cli_fail(c, status);
	already = (a.done != NULL) == (done != 0);
	action_done(&a);
	if (already) {
		printf("action %lld: already %s\n", (long long)id, done ? "done" : "open");
		return 0;
	}
	return cli_check(c, action_set_done(c->db, id, done));
}

int cmd_action_done(struct cli *c)
{
	return set_done(c, 1);
}

int cmd_action_reopen(struct cli *c)
{
	return set_done(c, 0);
}

static void snap_action(struct json *j, const void *a)
{
	print_json_action(j, a);
}

/* action edit ID [--title T] [--owner MEMBER] [--due YYYY-MM-DD|""] */
int cmd_action_edit(struct cli *c)
{
	struct cli_edit ed;
	struct action a;
	const char *v;
	char day[11];
	int64_t id;
	int rc, status;

	if ((rc = cli_parse_id(c->pos[0], "action", &id)) != 0)
		return rc;
	if (!cli_opt(c, "title") && !cli_opt(c, "owner") && !cli_opt(c, "due"))
		return cli_usage("action edit: nothing to change (give --title, --owner or --due)");
	if ((v = cli_opt(c, "due")) && *v && (rc = parse_due(v, day)) != 0)
		return rc;
	if ((status = action_get(c->db, id, &a)) != COPSE_OK)
		goto out;
	cli_edit_start(&ed, "action", id, print_snapshot(snap_action, &a), NULL);
	if ((v = cli_opt(c, "title")))
		cli_set_str(&a.title, v);
	if ((v = cli_opt(c, "due")))
		cli_set_str(&a.due, *v ? day : NULL);
	if ((v = cli_opt(c, "owner")))
		status = cli_member_id(c, v, &a.owner_id);
	if (status == COPSE_OK && !cli_edit_save(c, &ed, print_snapshot(snap_action, &a), NULL,
						 NULL, &rc)) {
		cli_edit_done(&ed);
		action_done(&a);
		return rc;
	}
	if (status == COPSE_OK)
		status = action_update(c->db, &a);
	cli_edit_done(&ed);
out:
	action_done(&a);
	return cli_check(c, status);
}
