/* cli.c - the command line (SPEC §5): parse argv and run one command
 * through the store's verbs; how it prints is cli-print.c.
 *
 * Parsing is GNU style without getopt: options anywhere, "--opt=value" or
 * "--opt value", "--" ends options.  Each command declares its arguments
 * (which are ids, which are members) and its options (which take a value)
 * in the table; the same table writes --help, so the two cannot drift.
 * A first pass finds the command words (it needs to know which options
 * take a value, from all the commands); the second pass parses with the
 * command's own options and rejects the rest.
 */
#include <errno.h>
#include <langinfo.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-cmd.h"
#include "cli-print.h"
#include "copse/app.h"
#include "copse/cli.h"
#include "copse/db.h"
#include "copse/demo.h"
#include "copse/entry.h"
#include "copse/exchange.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/status.h"
#include "copse/text.h"
#include "copse/topic.h"
#include "copse/util.h"

#ifndef COPSE_VERSION
#define COPSE_VERSION "0.0.0"
#endif

#define MAX_ARGS 2
#define MAX_OPTS 8
#define EXIT_USAGE 2

/* What a positional argument or an option's value is. */
enum arg_kind {
	ARG_TEXT,       /* a word as given: a name, a title, a file */
	ARG_ID,         /* the id of a record (a positive number), checked
			 * before the database is opened */
	ARG_MEMBER,     /* a member id or handle, which the command looks up */
};

/* How many words a positional argument takes, and how --help writes it. */
enum {
	ARG_MANY = 1 << 0,   /* repeats: every word left ("MEMBER...") */
	ARG_REST = 1 << 1,   /* one text of every word left ("TEXT") */
	ARG_STDIN = 1 << 2,  /* "-" reads standard input ("TEXT|-") */
};

struct arg {
	const char *name;            /* its word in --help and in "missing NAME" */
	enum arg_kind kind;
	const char *what;            /* ARG_ID: what it is the id of, for
				      * "meeting 'x': not an id" */
	int flags;                   /* ARG_MANY, ARG_REST, ARG_STDIN */
};

struct opt {
	const char *name;            /* "--NAME" */
	const char *value;           /* its value's word in --help ("S");
				      * NULL: a flag, which takes no value */
	enum arg_kind kind;          /* what the value is */
	const char *what;            /* ARG_ID: what it is the id of */
	int wrap;                    /* --help starts a new line before it */
};

struct cmd {
	const char *name, *sub;
	struct arg args[MAX_ARGS];   /* all required, in order */
	struct opt opts[MAX_OPTS];   /* its own options */
	const struct opt *fields;    /* the record's field options, shared by
				      * add and edit (ends with a NULL name) */
	const char *fields_of;       /* --help says "[options of FIELDS_OF]"
				      * instead of listing the fields */
	const char *required;        /* the name of an option that must be given */
	int (*run)(struct cli *);
};

/* An option given on the command line. */
struct given {
	const char *name;            /* the declaration's name */
	const char *value;           /* NULL for a flag */
};

/* ---- small helpers ---- */

/* "copse: MESSAGE" on stderr, then tail.  Messages quote names and paths
 * from the user or the database, so they are sanitised like everything
 * else that reaches a terminal. */
static void say(const char *tail, const char *fmt, va_list ap)
{
	char msg[1024], *clean;

	vsnprintf(msg, sizeof msg, fmt, ap);
	clean = text_sanitize(msg, strlen(msg), 0);
	fprintf(stderr, "copse: %s\n%s", clean ? clean : msg, tail);
	free(clean);
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("Try 'copse --help'.\n", fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

/* A failure with its own message: exit status from the status code. */
int cli_fail_msg(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("", fmt, ap);
	va_end(ap);
	return status_exit(status);
}

/* A store failure: the store's one-line message. */
int cli_fail(struct cli *c, int status)
{
	return cli_fail_msg(status, "%s", db_error(c->db));
}

/* The exit status of a store verb: 0, or its failure. */
int cli_check(struct cli *c, int status)
{
	return status == COPSE_OK ? 0 : cli_fail(c, status);
}

void cli_nomem(void)
{
	fputs("copse: out of memory\n", stderr);
	exit(1);
}

void *cli_keep(struct cli *c, void *p)
{
	if (!p)
		return NULL;
	if (c->ntmp == c->captmp) {
		size_t cap = c->captmp ? c->captmp * 2 : 64;
		void **v = realloc(c->tmp, cap * sizeof *v);
		if (!v)
			cli_nomem();
		c->tmp = v;
		c->captmp = cap;
	}
	c->tmp[c->ntmp++] = p;
	return p;
}

/* The option called name (len bytes) among n declarations (or up to
 * one with a NULL name); NULL when there is none. */
static const struct opt *opt_find(const struct opt *v, size_t n, const char *name, size_t len)
{
	for (size_t i = 0; v && i < n && v[i].name; i++)
		if (strlen(v[i].name) == len && strncmp(v[i].name, name, len) == 0)
			return &v[i];
	return NULL;
}

/* The option called name as given, or NULL. */
static struct given *given_find(struct cli *c, const char *name)
{
	for (int i = 0; i < c->ngiven; i++)
		if (strcmp(c->given[i].name, name) == 0)
			return &c->given[i];
	return NULL;
}

/* Option value by name (NULL when not given, or a flag). */
const char *cli_opt(struct cli *c, const char *name)
{
	const struct given *g = given_find(c, name);

	return g ? g->value : NULL;
}

int cli_flag(struct cli *c, const char *name)
{
	return given_find(c, name) != NULL;
}

/* Replace an owned string field. */
void cli_set_str(char **field, const char *v)
{
	char *dup = v ? xstrdup(v) : NULL;

	if (v && !dup)
		cli_nomem();
	free(*field);
	*field = dup;
}

int cli_parse_id(const char *s, const char *what, int64_t *id)
{
	if (str_to_id(s, id) != 0)
		return cli_usage("%s '%s': not an id (a positive number)", what, s);
	return 0;
}

/* Read a whole file, or stdin for "-".  Returns an exit status. */
int cli_read_input(const char *path, char **out, size_t *len)
{
	struct buf b;
	FILE *fp;
	int rc;

	buf_init(&b);
	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else if (!(fp = fopen(path, "rb"))) {
		return cli_fail_msg(COPSE_IO, "%s: %s", path, strerror(errno));
	}
	rc = buf_read_file(&b, fp);
	if (rc != 0) {
		int e = errno;
		buf_done(&b);
		if (fp != stdin)
			fclose(fp);
		return cli_fail_msg(COPSE_IO, "%s: %s", strcmp(path, "-") ? path : "stdin",
				    e ? strerror(e) : "read error");
	}
	if (fp != stdin)
		fclose(fp);
	if (len)
		*len = b.len;
	*out = buf_steal(&b);
	if (!*out)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	return 0;
}

/* Parse a local "YYYY-MM-DD HH:MM" into stored ISO UTC. */
int cli_parse_when(const char *optname, const char *v, char out[ISO_LEN])
{
	time_t t;

	if (time_parse(v, &t) != 0)
		return cli_fail_msg(COPSE_INVALID, "--%s '%s': not a date and time "
				    "(use \"YYYY-MM-DD HH:MM\")", optname, v);
	time_iso(t, out);
	return 0;
}

int cli_parse_date(const char *optname, const char *v, char out[11])
{
	if (date_parse(v, out) != 0)
		return cli_fail_msg(COPSE_INVALID, "--%s '%s': not a date (use YYYY-MM-DD)",
				    optname, v);
	return 0;
}

/* Replace *field with the text of file path ("-": stdin).  Returns an
 * exit status. */
int cli_read_field(char **field, const char *path)
{
	char *text;
	int rc = cli_read_input(path, &text, NULL);

	if (rc)
		return rc;
	free(*field);
	*field = text;
	return 0;
}

/* Replace a tag list with the comma-separated v.  Returns an exit status. */
int cli_set_tags(struct strv *sv, const char *v)
{
	strv_done(sv);
	if (strv_split(sv, v, ',') != 0)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	return 0;
}

/* Join positionals from index i with spaces. */
const char *cli_join_pos(struct cli *c, int i)
{
	struct buf b;

	buf_init(&b);
	for (int k = i; k < c->npos; k++) {
		if ((k > i && buf_putc(&b, ' ') != 0) || buf_puts(&b, c->pos[k]) != 0)
			cli_nomem();
	}
	return cli_keep(c, buf_steal(&b));
}

/* ---- init ---- */

int cmd_init(struct cli *c)
{
	const char *name = cli_opt(c, "name");
	int status;
	char *cname;

	if (name && str_empty(name))
		return cli_usage("init: --name must not be empty");
	if (cli_flag(c, "demo")) {
		if (!db_is_empty(c->db))
			return cli_fail_msg(COPSE_INVALID, "%s: the database is not empty; "
					    "--demo needs a new database", db_path(c->db));
		if ((status = demo_populate(c->db)) != COPSE_OK)
			return cli_fail(c, status);
	}
	if (name && (status = db_meta_set(c->db, "name", name)) != COPSE_OK)
		return cli_fail(c, status);
	cname = db_community_name(c->db);
	printf("%s: ready (%s)\n", print_safe(c, db_path(c->db)),
	       print_safe(c, cname ? cname : "copse"));
	free(cname);
	return 0;
}


/* ---- members ---- */

/* Apply the options given to m; returns an exit status (0 ok). */
static int member_apply(struct cli *c, struct member *m)
{
	const char *v;
	char day[11];
	int rc;

	if ((v = cli_opt(c, "name")))
		cli_set_str(&m->name, v);
	if ((v = cli_opt(c, "handle")))
		cli_set_str(&m->handle, v);
	if ((v = cli_opt(c, "email")))
		cli_set_str(&m->email, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&m->status, v);
	if ((v = cli_opt(c, "role")))
		cli_set_str(&m->role, v);
	if ((v = cli_opt(c, "joined"))) {
		if (!*v) {
			cli_set_str(&m->joined, NULL);
		} else {
			if ((rc = cli_parse_date("joined", v, day)) != 0)
				return rc;
			cli_set_str(&m->joined, day);
		}
	}
	if ((v = cli_opt(c, "expertise")) && (rc = cli_set_tags(&m->expertise, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "interest")) && (rc = cli_set_tags(&m->interest, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "bio-file")) && (rc = cli_read_field(&m->bio, v)) != 0)
		return rc;
	return 0;
}

/* The id of MEMBER (an id or a handle); a store status. */
int cli_member_id(struct cli *c, const char *key, int64_t *id)
{
	struct member m;
	int status;

	member_init(&m);
	status = member_find(c->db, key, &m);
	*id = m.id;
	member_done(&m);
	return status;
}

int cmd_member_add(struct cli *c)
{
	struct member m;
	int rc;

	member_init(&m);
	cli_set_str(&m.name, c->pos[0]);
	if ((rc = member_apply(c, &m)) == 0) {
		int status = member_add(c->db, &m);
		rc = print_id(c, status, m.id);
	}
	member_done(&m);
	return rc;
}

int cmd_member_edit(struct cli *c)
{
	struct member m;
	int rc;

	member_init(&m);
	if ((rc = cli_check(c, member_find(c->db, c->pos[0], &m))) == 0 &&
	    (rc = member_apply(c, &m)) == 0)
		rc = cli_check(c, member_update(c->db, &m));
	member_done(&m);
	return rc;
}

int cmd_member_list(struct cli *c)
{
	struct member_filter f = { cli_opt(c, "status"), cli_opt(c, "tag"), NULL };
	struct member *v;
	size_t n;
	int status = member_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_member(&j, &v[i]);
			json_end_object(&j);
		}
		json_end_array(&j);
		member_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 6, ">ID", "NAME", "HANDLE", "STATUS", "ROLE", "EXPERTISE");
	t.maxw[1] = 32;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_safe(c, v[i].name), print_safe(c, v[i].handle),
				print_safe(c, v[i].status), print_safe(c, v[i].role),
				print_joined(c, &v[i].expertise));
	print_table_out(c, &t, 1);
	member_list_free(v, n);
	return 0;
}

int cmd_member_show(struct cli *c)
{
	struct member m;
	struct connection *k = NULL;
	size_t nk = 0;
	int status;

	member_init(&m);
	if ((status = member_find(c->db, c->pos[0], &m)) != COPSE_OK ||
	    (status = member_connections(c->db, m.id, &k, &nk)) != COPSE_OK) {
		member_done(&m);
		return cli_fail(c, status);
	}
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_member(&j, &m);
		json_key(&j, "connections");
		json_begin_array(&j);
		for (size_t i = 0; i < nk; i++)
			print_json_connection(&j, &k[i]);
		json_end_array(&j);
		json_end_object(&j);
		connection_list_free(k, nk);
		member_done(&m);
		return print_json_end(&j, &b);
	}
	printf("Member %lld: %s\n", (long long)m.id, print_safe(c, m.name));
	print_field("Handle:", print_safe(c, m.handle));
	print_field("Email:", print_safe(c, m.email));
	print_field("Status:", print_safe(c, m.status));
	print_field("Role:", print_safe(c, m.role));
	print_field("Joined:", print_safe(c, m.joined));
	print_field("Expertise:", print_joined(c, &m.expertise));
	print_field("Interest:", print_joined(c, &m.interest));
	if (nk) {
		struct print_table t;

		printf("Connections:\n");
		print_table_init(&t, "  ", 4, "KIND", "WITH", "WHEN", "NOTE");
		for (size_t i = 0; i < nk; i++) {
			const char *other = k[i].a == m.id ? k[i].b_name : k[i].a_name;
			print_table_row(&t, print_safe(c, k[i].kind), print_safe(c, other),
					print_time(c, k[i].at, "%Y-%m-%d"),
					print_safe(c, k[i].note));
		}
		print_table_out(c, &t, 0);
	}
	if (!str_empty(m.bio)) {
		printf("Bio:\n");
		print_block(print_safe_lines(c, m.bio));
	}
	connection_list_free(k, nk);
	member_done(&m);
	return 0;
}

int cmd_member_link(struct cli *c)
{
	int64_t a = 0, b = 0, id = 0;
	int status;

	status = cli_member_id(c, c->pos[0], &a);
	if (status == COPSE_OK)
		status = cli_member_id(c, c->pos[1], &b);
	if (status == COPSE_OK)
		status = member_link(c->db, a, b,
				     cli_opt(c, "kind") ? cli_opt(c, "kind") : "introduced",
				     cli_opt(c, "note") ? cli_opt(c, "note") : "", &id);
	return print_id(c, status, id);
}

/* ---- meetings ---- */

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

int cmd_meeting_edit(struct cli *c)
{
	struct meeting m;
	int rc;

	if ((rc = get_meeting(c, c->pos[0], &m)) == 0 &&
	    (rc = meeting_apply(c, &m)) == 0)
		rc = cli_check(c, meeting_update(c->db, &m));
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
	size_t natt = 0, nnotes = 0, nacts = 0;
	struct action_filter af = { 0, 0, 0, NULL };
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
	printf("\nNotes (%zu):\n", nnotes);
	if (nnotes) {
		struct print_table t;
		print_table_init(&t, "  ", 4, "TIME", "AUTHOR", "KIND", "TEXT");
		for (size_t i = 0; i < nnotes; i++)
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
	if (c->npos == 2 && strcmp(c->pos[1], "-") == 0) {
		if ((rc = cli_read_input("-", &text, NULL)) != 0)
			return rc;
		cli_keep(c, text);
		chomp(text);
	} else {
		text = (char *)cli_join_pos(c, 1);
	}
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

/* ---- actions ---- */

int cmd_action_add(struct cli *c)
{
	struct action a;
	const char *v;
	char day[11];
	int rc = 0, status;

	memset(&a, 0, sizeof a);
	cli_set_str(&a.title, c->pos[0]);
	if ((v = cli_opt(c, "due"))) {
		if ((rc = cli_parse_date("due", v, day)) != 0)
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
	struct action_filter f = { cli_flag(c, "open"), 0, 0, NULL };
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

int cmd_action_done(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "action", &id)) != 0)
		return rc;
	return cli_check(c, action_set_done(c->db, id, 1));
}

/* ---- entries ---- */

static int entry_apply(struct cli *c, struct entry *e)
{
	const char *v;
	int rc;

	if ((v = cli_opt(c, "title")))
		cli_set_str(&e->title, v);
	if ((v = cli_opt(c, "kind")))
		cli_set_str(&e->kind, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&e->status, v);
	if ((v = cli_opt(c, "tags")) && (rc = cli_set_tags(&e->tags, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "file")) && (rc = cli_read_field(&e->body, v)) != 0)
		return rc;
	return 0;
}

static int get_entry(struct cli *c, const char *arg, struct entry *e)
{
	int64_t id;
	int rc, status;

	entry_init(e);
	if ((rc = cli_parse_id(arg, "entry", &id)) != 0)
		return rc;
	if ((status = entry_get(c->db, id, e)) != COPSE_OK)
		return cli_fail(c, status);
	return 0;
}

int cmd_entry_add(struct cli *c)
{
	struct entry e;
	int rc;

	entry_init(&e);
	cli_set_str(&e.title, c->pos[0]);
	if ((rc = entry_apply(c, &e)) == 0) {
		int status = entry_add(c->db, &e);
		rc = print_id(c, status, e.id);
	}
	entry_done(&e);
	return rc;
}

int cmd_entry_edit(struct cli *c)
{
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) == 0 &&
	    (rc = entry_apply(c, &e)) == 0)
		rc = cli_check(c, entry_update(c->db, &e));
	entry_done(&e);
	return rc;
}

int cmd_entry_list(struct cli *c)
{
	struct entry_filter f = { cli_opt(c, "tag"), cli_opt(c, "kind"), NULL, 0 };
	struct entry *v;
	size_t n;
	int status = entry_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_entry(&j, &v[i], 0);
			json_end_object(&j);
		}
		json_end_array(&j);
		entry_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">ID", "KIND", "UPDATED", "TITLE", "TAGS");
	t.maxw[3] = 48;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_safe(c, v[i].kind),
				print_time(c, v[i].updated, "%Y-%m-%d"),
				print_safe(c, v[i].title), print_joined(c, &v[i].tags));
	print_table_out(c, &t, 1);
	entry_list_free(v, n);
	return 0;
}

static int wiki_exists(const char *title, void *ctx)
{
	struct db *db = ctx;
	struct entry e;
	int found;

	entry_init(&e);
	found = entry_find_title(db, title, &e) == COPSE_OK;
	entry_done(&e);
	return found;
}

int cmd_entry_show(struct cli *c)
{
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) != 0)
		return rc;
	if (cli_flag(c, "raw") && !c->tty) {
		fwrite(e.body ? e.body : "", 1, e.body ? strlen(e.body) : 0, stdout);
	} else if (cli_flag(c, "raw")) {
		/* The stored bytes, exactly, go to pipes and files; a terminal
		 * gets them with control characters made visible, so nothing
		 * from the database is ever sent to it as an escape sequence. */
		char *safe = text_sanitize(e.body, e.body ? strlen(e.body) : 0,
					   TEXT_KEEP_NEWLINE);
		if (!safe)
			cli_nomem();
		fputs(safe, stdout);
		free(safe);
	} else if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;
		struct entry *bl = NULL;
		size_t nbl = 0;
		int status = entry_backlinks(c->db, e.title, &bl, &nbl);

		if (status != COPSE_OK) {
			entry_done(&e);
			return cli_fail(c, status);
		}
		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_entry(&j, &e, 1);
		json_key(&j, "backlinks");
		json_begin_array(&j);
		for (size_t i = 0; i < nbl; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "id", bl[i].id);
			json_kv_str(&j, "title", bl[i].title);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
		entry_list_free(bl, nbl);
		rc = print_json_end(&j, &b);
	} else {
		int ansi = c->tty && !getenv("NO_COLOR");
		struct md_opts mo = { print_width(), c->ascii, wiki_exists, c->db };
		struct md_doc doc = { 0 };
		struct buf b;
		const char *tags = print_joined(c, &e.tags);

		buf_init(&b);
		if (md_render(e.body ? e.body : "", e.body ? strlen(e.body) : 0, &mo, &doc) != 0 ||
		    md_doc_text(&doc, ansi ? MD_ANSI : MD_PLAIN, &b) != 0) {
			md_doc_free(&doc);
			buf_done(&b);
			entry_done(&e);
			return cli_fail_msg(COPSE_NOMEM, "out of memory rendering entry %lld",
					    (long long)e.id);
		}
		md_doc_free(&doc);
		printf(ansi ? "\033[1m%s\033[0m\n" : "%s\n", print_safe(c, e.title));
		printf("%s%s%s · %s · %s · version %d%s\n\n", ansi ? "\033[2m" : "",
		       print_safe(c, e.kind), *tags ? print_fmt(c, " · %s", tags) : "",
		       print_safe(c, e.author), print_time(c, e.updated, "%Y-%m-%d"), e.version,
		       ansi ? "\033[0m" : "");
		print_buf(&b);
		buf_done(&b);
	}
	entry_done(&e);
	return rc;
}

int cmd_entry_history(struct cli *c)
{
	struct revision *v;
	size_t n;
	int64_t id;
	int rc, status;

	/* entry_history of an unknown id is an empty list: say so instead. */
	{
		struct entry e;

		rc = get_entry(c, c->pos[0], &e);
		id = e.id;
		entry_done(&e);
		if (rc)
			return rc;
	}
	if ((status = entry_history(c->db, id, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			struct strv tags;

			strv_init(&tags);
			strv_split(&tags, v[i].tags, ',');
			json_begin_object(&j);
			json_kv_int(&j, "entry_id", v[i].entry_id);
			json_kv_int(&j, "version", v[i].version);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "kind", v[i].kind);
			json_kv_strv(&j, "tags", &tags);
			json_kv_str(&j, "author", v[i].author);
			json_kv_str(&j, "at", v[i].at);
			json_kv_str(&j, "body", v[i].body);
			json_end_object(&j);
			strv_done(&tags);
		}
		json_end_array(&j);
		revision_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">VERSION", "WHEN", "AUTHOR", ">BYTES", "TITLE");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%d", v[i].version),
				print_time(c, v[i].at, PRINT_WHEN), print_safe(c, v[i].author),
				print_fmt(c, "%zu", strlen(v[i].body ? v[i].body : "")),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	revision_list_free(v, n);
	return 0;
}

/* ---- topics ---- */

int cmd_topic_add(struct cli *c)
{
	struct topic t;
	const char *v;
	int rc = 0;

	memset(&t, 0, sizeof t);
	cli_set_str(&t.title, c->pos[0]);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&t.status, v);
	if ((v = cli_opt(c, "file")))
		rc = cli_read_field(&t.body, v);
	if (rc == 0) {
		int status = topic_add(c->db, &t);
		rc = print_id(c, status, t.id);
	}
	topic_done(&t);
	return rc;
}

int cmd_topic_list(struct cli *c)
{
	struct topic_filter f = { cli_opt(c, "status"), NULL };
	struct topic *v;
	size_t n;
	int status = topic_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_topic(&j, &v[i]);
			json_end_object(&j);
		}
		json_end_array(&j);
		topic_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">ID", ">VOTES", "STATUS", "AUTHOR", "TITLE");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_fmt(c, "%d%s", v[i].votes, v[i].voted ? "*" : ""),
				print_safe(c, v[i].status), print_safe(c, v[i].author),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	topic_list_free(v, n);
	return 0;
}

int cmd_topic_vote(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	return cli_check(c, topic_vote(c->db, id));
}

/* ---- search ---- */

int cmd_search(struct cli *c)
{
	const char *q = cli_join_pos(c, 0);
	struct search_hit *v;
	size_t n;
	int status;

	if (str_empty(q))
		return cli_usage("search: the query is empty");
	if ((status = search_run(c->db, q, 100, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_str(&j, "kind", v[i].kind);
			json_kv_int(&j, "id", v[i].id);
			json_kv_id(&j, "meeting_id", v[i].meeting_id);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "snippet", v[i].snippet);
			json_key(&j, "rank");
			json_double(&j, v[i].rank);
			json_end_object(&j);
		}
		json_end_array(&j);
		search_hit_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 4, "KIND", ">ID", "TITLE", "MATCH");
	t.maxw[2] = 40;
	for (size_t i = 0; i < n; i++) {
		const char *title = strcmp(v[i].kind, "note") == 0
			? print_fmt(c, "%s (meeting %lld)", print_safe(c, v[i].title),
				    (long long)v[i].meeting_id)
			: print_safe(c, v[i].title);
		print_table_row(&t, print_safe(c, v[i].kind),
				print_fmt(c, "%lld", (long long)v[i].id), title,
				print_safe(c, v[i].snippet));
	}
	print_table_out(c, &t, 1);
	search_hit_list_free(v, n);
	return 0;
}

/* ---- export, import, backup ---- */

/* Write b to path: 0, or an errno. */
static int write_file(const char *path, const struct buf *b)
{
	FILE *fp = fopen(path, "wb");
	int ok;

	if (!fp)
		return errno;
	ok = fwrite(b->s, 1, b->len, fp) == b->len;
	if (fclose(fp) != 0)
		ok = 0;
	return ok ? 0 : errno ? errno : EIO;
}

int cmd_export(struct cli *c)
{
	const char *path = cli_opt(c, "json");
	struct stat sb;
	struct buf b;
	int status, e;

	buf_init(&b);
	if ((status = exchange_export_json(c->db, &b)) != COPSE_OK) {
		buf_done(&b);
		return cli_fail(c, status);
	}
	if (strcmp(path, "-") == 0) {
		print_buf(&b);
		buf_done(&b);
		return 0;
	}
	/* Write beside the target and rename: a failed export never leaves
	 * a half-written file where the old one was.  Devices, pipes and
	 * other special files are written in place. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		e = write_file(path, &b);
	} else {
		const char *tmp = print_fmt(c, "%s.tmp.%ld", path, (long)getpid());

		if ((e = write_file(tmp, &b)) == 0 && rename(tmp, path) != 0)
			e = errno;
		if (e)
			unlink(tmp);
	}
	buf_done(&b);
	if (e)
		return cli_fail_msg(e == ENOSPC ? COPSE_FULL : COPSE_IO, "%s: %s", path,
				    strerror(e));
	return 0;
}

int cmd_import(struct cli *c)
{
	const char *path = cli_opt(c, "json");
	char *text;
	size_t len;
	int rc, status;

	if ((rc = cli_read_input(path, &text, &len)) != 0)
		return rc;
	status = exchange_import_json(c->db, text, len);
	free(text);
	return cli_check(c, status);
}

int cmd_backup(struct cli *c)
{
	return cli_check(c, db_backup(c->db, c->pos[0]));
}

/* ---- the command table ----
 * One entry per command: its words, its arguments and options, the code
 * that runs it.  --help is written from it, the parser reads it, and the
 * id arguments are checked from it before the database is opened.
 */

/* The options of a member's fields: member add and member edit. */
static const struct opt member_fields[] = {
	{ .name = "handle", .value = "H" },
	{ .name = "email", .value = "E" },
	{ .name = "status", .value = "S" },
	{ .name = "role", .value = "R" },
	{ .name = "expertise", .value = "t1,t2", .wrap = 1 },
	{ .name = "interest", .value = "t1,t2" },
	{ .name = "joined", .value = "YYYY-MM-DD" },
	{ .name = "bio-file", .value = "F|-", .wrap = 1 },
	{ .name = NULL },
};

/* The options of a meeting's fields: meeting add and meeting edit. */
static const struct opt meeting_fields[] = {
	{ .name = "at", .value = "\"YYYY-MM-DD HH:MM\"" },
	{ .name = "end", .value = "\"YYYY-MM-DD HH:MM\"" },
	{ .name = "location", .value = "L", .wrap = 1 },
	{ .name = "status", .value = "planned|held|cancelled" },
	{ .name = "agenda-file", .value = "F|-" },
	{ .name = NULL },
};

#define JSON_OPT { .name = "json" }
#define ID_ARG(of) { .name = "ID", .kind = ARG_ID, .what = of }
#define MEETING_ARG { .name = "MEETING", .kind = ARG_ID, .what = "meeting" }
#define MEETING_OPT { .name = "meeting", .value = "ID", .kind = ARG_ID, .what = "meeting" }
#define OWNER_OPT { .name = "owner", .value = "MEMBER", .kind = ARG_MEMBER }

static const struct cmd cmds[] = {
	{ .name = "init", .run = cmd_init,
	  .opts = { { .name = "demo" }, { .name = "name", .value = "NAME" } } },

	{ .name = "member", .sub = "add", .run = cmd_member_add,
	  .args = { { .name = "NAME" } },
	  .fields = member_fields },
	{ .name = "member", .sub = "list", .run = cmd_member_list,
	  .opts = { { .name = "status", .value = "S" }, { .name = "tag", .value = "T" },
		    JSON_OPT } },
	{ .name = "member", .sub = "show", .run = cmd_member_show,
	  .args = { { .name = "MEMBER", .kind = ARG_MEMBER } },
	  .opts = { JSON_OPT } },
	{ .name = "member", .sub = "edit", .run = cmd_member_edit,
	  .args = { { .name = "MEMBER", .kind = ARG_MEMBER } },
	  .opts = { { .name = "name", .value = "NAME" } },
	  .fields = member_fields, .fields_of = "member add" },
	{ .name = "member", .sub = "link", .run = cmd_member_link,
	  .args = { { .name = "A", .kind = ARG_MEMBER }, { .name = "B", .kind = ARG_MEMBER } },
	  .opts = { { .name = "kind", .value = "introduced|mentors|works-with" },
		    { .name = "note", .value = "TEXT" } } },

	{ .name = "meeting", .sub = "add", .run = cmd_meeting_add,
	  .args = { { .name = "TITLE" } },
	  .fields = meeting_fields, .required = "at" },
	{ .name = "meeting", .sub = "list", .run = cmd_meeting_list,
	  .opts = { JSON_OPT } },
	{ .name = "meeting", .sub = "show", .run = cmd_meeting_show,
	  .args = { ID_ARG("meeting") },
	  .opts = { JSON_OPT } },
	{ .name = "meeting", .sub = "edit", .run = cmd_meeting_edit,
	  .args = { ID_ARG("meeting") },
	  .opts = { { .name = "title", .value = "T" } },
	  .fields = meeting_fields, .fields_of = "meeting add" },
	{ .name = "attend", .run = cmd_attend,
	  .args = { MEETING_ARG, { .name = "MEMBER", .kind = ARG_MEMBER, .flags = ARG_MANY } },
	  .opts = { { .name = "status",
		      .value = "attended|absent|invited|accepted|declined" } } },
	{ .name = "note", .sub = "add", .run = cmd_note_add,
	  .args = { MEETING_ARG, { .name = "TEXT", .flags = ARG_REST | ARG_STDIN } },
	  .opts = { { .name = "kind", .value = "note|decision|question" } } },

	{ .name = "action", .sub = "add", .run = cmd_action_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { OWNER_OPT, { .name = "due", .value = "YYYY-MM-DD" }, MEETING_OPT },
	  .required = "owner" },
	{ .name = "action", .sub = "list", .run = cmd_action_list,
	  .opts = { { .name = "open" }, OWNER_OPT, MEETING_OPT, JSON_OPT } },
	{ .name = "action", .sub = "done", .run = cmd_action_done,
	  .args = { ID_ARG("action") } },

	{ .name = "entry", .sub = "add", .run = cmd_entry_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { { .name = "kind", .value = "K" }, { .name = "tags", .value = "t1,t2" },
		    { .name = "status", .value = "S" }, { .name = "file", .value = "F|-" } } },
	{ .name = "entry", .sub = "list", .run = cmd_entry_list,
	  .opts = { { .name = "tag", .value = "T" }, { .name = "kind", .value = "K" },
		    JSON_OPT } },
	{ .name = "entry", .sub = "show", .run = cmd_entry_show,
	  .args = { ID_ARG("entry") },
	  .opts = { { .name = "raw" }, JSON_OPT } },
	{ .name = "entry", .sub = "edit", .run = cmd_entry_edit,
	  .args = { ID_ARG("entry") },
	  .opts = { { .name = "title", .value = "T" }, { .name = "kind", .value = "K" },
		    { .name = "tags", .value = "t1,t2" }, { .name = "status", .value = "S" },
		    { .name = "file", .value = "F|-", .wrap = 1 } } },
	{ .name = "entry", .sub = "history", .run = cmd_entry_history,
	  .args = { ID_ARG("entry") },
	  .opts = { JSON_OPT } },

	{ .name = "topic", .sub = "add", .run = cmd_topic_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { { .name = "status", .value = "S" }, { .name = "file", .value = "F|-" } } },
	{ .name = "topic", .sub = "list", .run = cmd_topic_list,
	  .opts = { { .name = "status", .value = "S" }, JSON_OPT } },
	{ .name = "topic", .sub = "vote", .run = cmd_topic_vote,
	  .args = { ID_ARG("topic") } },

	{ .name = "search", .run = cmd_search,
	  .args = { { .name = "QUERY", .flags = ARG_MANY } },
	  .opts = { JSON_OPT } },
	{ .name = "export", .run = cmd_export,
	  .opts = { { .name = "json", .value = "FILE|-" } }, .required = "json" },
	{ .name = "import", .run = cmd_import,
	  .opts = { { .name = "json", .value = "FILE|-" } }, .required = "json" },
	{ .name = "backup", .run = cmd_backup,
	  .args = { { .name = "FILE" } } },
};

/* No command: the full-screen app. */
static const struct cmd app_cmd = { .name = NULL };

static const struct opt global_opts[] = {
	{ .name = "db", .value = "PATH" },
	{ .name = "help" },
	{ .name = "version" },
	{ .name = NULL },
};

/* The option of cmd called name (len bytes), or NULL. */
static const struct opt *cmd_opt(const struct cmd *k, const char *name, size_t len)
{
	const struct opt *o = opt_find(k->opts, MAX_OPTS, name, len);

	return o ? o : opt_find(k->fields, SIZE_MAX, name, len);
}

/* Pass 1 does not know the command yet, so an option takes a value when
 * it takes one in every command that has it.  (--json is a flag for the
 * lists and shows and a file for export and import, which have no
 * sub-command: read as a flag, it finds the same command words.) */
static int takes_value(const char *name, size_t len)
{
	const struct opt *o = opt_find(global_opts, SIZE_MAX, name, len);
	int seen = 0;

	if (o)
		return o->value != NULL;
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		if (!(o = cmd_opt(&cmds[i], name, len)))
			continue;
		if (!o->value)
			return 0;
		seen = 1;
	}
	return seen;
}

/* The number of positional arguments cmd needs, and at most takes (-1:
 * any number). */
static int nargs(const struct cmd *k)
{
	int n = 0;

	while (n < MAX_ARGS && k->args[n].name)
		n++;
	return n;
}

static int max_args(const struct cmd *k)
{
	int n = nargs(k);

	return n && k->args[n - 1].flags & (ARG_MANY | ARG_REST) ? -1 : n;
}

/* " --name VALUE" in --help: in brackets unless it is required. */
static void help_opt(struct buf *line, const struct cmd *k, const struct opt *o)
{
	int req = k->required && strcmp(k->required, o->name) == 0;

	buf_puts(line, o->wrap ? "\n      " : " ");
	buf_printf(line, "%s--%s%s%s%s", req ? "" : "[", o->name, o->value ? " " : "",
		   o->value ? o->value : "", req ? "" : "]");
}

static void help(void)
{
	printf("Usage: copse [--db PATH] [COMMAND [ARGS]]\n"
	       "copse keeps a community of practice - members, meetings, minutes,\n"
	       "actions, a repertoire of lessons learned and topics - in one SQLite\n"
	       "file.  With no command it opens the full-screen app.\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		const struct cmd *k = &cmds[i];
		struct buf line;

		buf_init(&line);
		buf_printf(&line, "  %s%s%s", k->name, k->sub ? " " : "", k->sub ? k->sub : "");
		for (int a = 0; a < nargs(k); a++) {
			const struct arg *g = &k->args[a];

			buf_printf(&line, " %s%s%s", g->name, g->flags & ARG_MANY ? "..." : "",
				   g->flags & ARG_STDIN ? "|-" : "");
		}
		for (int o = 0; o < MAX_OPTS && k->opts[o].name; o++)
			help_opt(&line, k, &k->opts[o]);
		if (k->fields_of)
			buf_printf(&line, " [options of %s]", k->fields_of);
		else
			for (const struct opt *o = k->fields; o && o->name; o++)
				help_opt(&line, k, o);
		printf("%s\n", line.s);
		buf_done(&line);
	}
	printf("\nOptions:\n"
	       "  --db PATH   the database (default: $COPSE_DB, else\n"
	       "              $XDG_DATA_HOME/copse/copse.db, else\n"
	       "              ~/.local/share/copse/copse.db; created on first use)\n"
	       "  --json      JSON output for list, show, history and search\n"
	       "  -h, --help  show this help and exit\n"
	       "  --version   show the version and exit\n"
	       "Options may come before or after the arguments; '--' ends options.\n"
	       "MEMBER is a member id or handle; MEETING and ID are ids.  TEXT or F\n"
	       "given as '-' is read from standard input.  'note add' without --kind\n"
	       "reads the text as a quick line: 'd: ...' decision, '? ...' question,\n"
	       "'a: @handle ... [due YYYY-MM-DD]' action item, else a note.\n"
	       "Times are local (TZ); COPSE_NOW fixes \"now\".\n\n"
	       "Exit status: 0 success, 1 failure, 2 usage error.\n"
	       "See copse(1) for the full manual.\n");
}

/* The database path without --db (see cli.h).  Caller frees; NULL on
 * ENOMEM. */
static char *default_db_path(void)
{
	const char *env = getenv("COPSE_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct buf b;

	if (env && *env)
		return xstrdup(env);
	buf_init(&b);
	if (xdg && *xdg == '/') {
		if (buf_printf(&b, "%s/copse/copse.db", xdg) != 0)
			return NULL;
		return buf_steal(&b);
	}
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir ? pw->pw_dir : ".";
	}
	if (buf_printf(&b, "%s/.local/share/copse/copse.db", home) != 0)
		return NULL;
	return buf_steal(&b);
}

static int is_option(const char *a)
{
	return a[0] == '-' && a[1] != '\0';
}

/* Pass 2: parse argv for cmd; skip the command words (argv indexes w0, w1).
 * Returns 0, or an exit status (-1: help or version printed, exit 0). */
static int parse_args(struct cli *c, int argc, char **argv, int w0, int w1)
{
	int only_pos = 0;

	c->pos = cli_keep(c, calloc((size_t)argc + 1, sizeof *c->pos));
	c->given = cli_keep(c, calloc((size_t)argc + 1, sizeof *c->given));
	if (!c->pos || !c->given)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *name, *eq, *value = NULL;
		const struct opt *o, *global = NULL;
		struct given *g;
		size_t len;

		if (only_pos || !is_option(a)) {
			if (i != w0 && i != w1)
				c->pos[c->npos++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (a[1] != '-') {
			if (strcmp(a, "-h") == 0) {
				help();
				return -1;
			}
			return cli_usage("unknown option '%s'", a);
		}
		name = a + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		if (!(o = cmd_opt(c->cmd, name, len)) &&
		    !(o = global = opt_find(global_opts, SIZE_MAX, name, len))) {
			if (c->cmd->name)
				return cli_usage("%s%s%s: unknown option '--%.*s'", c->cmd->name,
						 c->cmd->sub ? " " : "",
						   c->cmd->sub ? c->cmd->sub : "", (int)len, name);
			return cli_usage("unknown option '--%.*s'", (int)len, name);
		}
		if (o->value) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else
				return cli_usage("option '--%.*s' needs a value", (int)len, name);
		} else if (eq) {
			return cli_usage("option '--%.*s' takes no value", (int)len, name);
		}
		if (global) {
			if (len == 4 && strncmp(name, "help", 4) == 0) {
				help();
				return -1;
			}
			if (len == 7 && strncmp(name, "version", 7) == 0) {
				printf("copse %s\n", COPSE_VERSION);
				return -1;
			}
			if (!*value)
				return cli_usage("option '--db' needs a file name");
			c->db_opt = value;
			continue;
		}
		/* given twice: the last one counts */
		if (!(g = given_find(c, o->name)))
			g = &c->given[c->ngiven++];
		g->name = o->name;
		g->value = value;
	}
	return 0;
}

/* The positionals and options against the command's declarations: the
 * count, the required option, the ids.  Returns 0 or an exit status. */
static int check_args(struct cli *c)
{
	const struct cmd *k = c->cmd;
	const char *sub = k->sub ? k->sub : "", *sp = k->sub ? " " : "";
	int n = nargs(k), max = max_args(k), rc;
	int64_t id;

	if (c->npos < n)
		return cli_usage("%s%s%s: missing %s", k->name, sp, sub, k->args[c->npos].name);
	if (max >= 0 && c->npos > max)
		return cli_usage("%s%s%s: unexpected argument '%s'", k->name, sp, sub,
				 c->pos[max]);
	if (k->required && !cli_opt(c, k->required)) {
		const struct opt *o = cmd_opt(k, k->required, strlen(k->required));

		return cli_usage("%s%s%s: --%s %s is required", k->name, sp, sub, o->name,
				 o->value);
	}
	/* Ids are checked before the database is opened. */
	for (int i = 0; i < n; i++)
		if (k->args[i].kind == ARG_ID && (rc = cli_parse_id(c->pos[i], k->args[i].what, &id)))
			return rc;
	for (int i = 0; i < c->ngiven; i++) {
		const char *name = c->given[i].name;
		const struct opt *o = cmd_opt(k, name, strlen(name));

		if (o->kind == ARG_ID && (rc = cli_parse_id(c->given[i].value, o->what, &id)))
			return rc;
	}
	return 0;
}

static void ctx_done(struct cli *c)
{
	for (size_t i = 0; i < c->ntmp; i++)
		free(c->tmp[i]);
	free(c->tmp);
	c->tmp = NULL;
	c->ntmp = c->captmp = 0;
}

static int run(struct cli *c, int argc, char **argv)
{
	int words[2] = { -1, -1 }, nwords = 0, only_pos = 0, rc, status;
	const struct cmd *cmd = NULL;
	char err[600];
	char *path;

	/* Pass 1: the command words. */
	for (int i = 1; i < argc && nwords < 2; i++) {
		const char *a = argv[i];

		if (only_pos || !is_option(a)) {
			words[nwords++] = i;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help();
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			printf("copse %s\n", COPSE_VERSION);
			return 0;
		} else if (a[1] == '-' && !strchr(a, '=') && takes_value(a + 2, strlen(a + 2))) {
			i++;
		}
	}
	if (nwords == 0) {
		cmd = &app_cmd;
	} else {
		const char *name = argv[words[0]];
		int known = 0, has_sub = 0;

		for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
			if (strcmp(cmds[i].name, name) != 0)
				continue;
			known = 1;
			if (!cmds[i].sub) {
				cmd = &cmds[i];
				break;
			}
			has_sub = 1;
			if (nwords > 1 && strcmp(cmds[i].sub, argv[words[1]]) == 0) {
				cmd = &cmds[i];
				break;
			}
		}
		if (!known)
			return cli_usage("unknown command '%s'", name);
		if (!cmd) {
			struct buf subs;

			buf_init(&subs);
			for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
				if (strcmp(cmds[i].name, name) == 0)
					buf_printf(&subs, "%s%s", subs.len ? "|" : "", cmds[i].sub);
			if (nwords > 1)
				rc = cli_usage("%s: unknown sub-command '%s' (%s)", name,
					       argv[words[1]], subs.s ? subs.s : "");
			else
				rc = cli_usage("%s: missing sub-command (%s)", name,
					       subs.s ? subs.s : "");
			buf_done(&subs);
			return rc;
		}
		if (!has_sub)
			words[1] = -1;
	}
	c->cmd = cmd;
	if ((rc = parse_args(c, argc, argv, words[0], words[1])) != 0)
		return rc < 0 ? 0 : rc;
	if (cmd->name && (rc = check_args(c)) != 0)
		return rc;
	c->tty = isatty(STDOUT_FILENO);
	{
		const char *cs = nl_langinfo(CODESET);
		c->ascii = c->tty && !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
	}
	path = c->db_opt ? xstrdup(c->db_opt) : default_db_path();
	if (!path)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	cli_keep(c, path);
	err[0] = '\0';
	status = db_open(path, DB_CREATE, &c->db, err, sizeof err);
	if (status != COPSE_OK)
		return cli_fail_msg(status, "%s", err[0] ? err : status_message(status));
	if (!cmd->name)
		return app_run(c->db);
	return cmd->run(c);
}

int cli_main(int argc, char **argv)
{
	struct cli c;
	int rc;

	memset(&c, 0, sizeof c);
	rc = run(&c, argc, argv);
	db_close(c.db);
	ctx_done(&c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == 0)
			rc = cli_fail_msg(errno == ENOSPC ? COPSE_FULL : COPSE_IO,
					  "writing output: %s", strerror(errno ? errno : EIO));
	}
	return rc;
}
