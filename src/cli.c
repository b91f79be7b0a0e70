/* cli.c - the command line (SPEC §5): parse argv and run one command
 * from the table below.  The commands are in cli-member.c, cli-meeting.c,
 * cli-entry.c, cli-topic.c and cli-db.c (see cli-cmd.h); how they print
 * is cli-print.c.
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
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-cmd.h"
#include "cli-print.h"
#include "copse/app.h"
#include "copse/cli.h"
#include "copse/db.h"
#include "copse/status.h"
#include "copse/text.h"
#include "copse/util.h"

#ifndef COPSE_VERSION
#define COPSE_VERSION "0.0.0"
#endif

#define MAX_ARGS 3
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
	ARG_OPTIONAL = 1 << 3, /* may be left out, and so may those after
				* it ("[REV]") */
	ARG_DASH = 1 << 4,   /* a word "-x" is text, not an option (a search
			      * for -anger); -h is still help */
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
	int pair;                    /* takes two words ("--story KIND TEXT") */
	int many;                    /* may be given several times, each kept */
};

struct cmd {
	const char *name, *sub;
	struct arg args[MAX_ARGS];   /* in order; required up to the first
				      * ARG_OPTIONAL */
	struct opt opts[MAX_OPTS];   /* its own options */
	const struct opt *fields;    /* the record's field options, shared by
				      * add and edit (ends with a NULL name) */
	const char *fields_of;       /* --help says "[options of FIELDS_OF]"
				      * instead of listing the fields */
	const char *required;        /* the name of an option that must be given */
	const char *either;          /* ... or the other of two ("json markdown"):
				      * exactly one must be given */
	int quiet;                   /* open the database read-only, never create
				      * it, and end quietly (exit 0) when it
				      * cannot be opened (brief) */
	int (*run)(struct cli *);
};

/* An option given on the command line. */
struct given {
	const char *name;            /* the declaration's name */
	const char *value;           /* NULL for a flag */
	const char *value2;          /* a pair's second word */
};

/* ---- failures and the strings a command keeps (cli-cmd.h) ---- */

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

/* ---- options and arguments (cli-cmd.h) ---- */

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

int cli_opt_pair(struct cli *c, const char *name, int k, const char **v1, const char **v2)
{
	for (int i = 0; i < c->ngiven; i++)
		if (strcmp(c->given[i].name, name) == 0 && k-- == 0) {
			*v1 = c->given[i].value;
			*v2 = c->given[i].value2;
			return 1;
		}
	return 0;
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
	size_t line;
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
	/* a NUL would cut the text short there */
	if ((line = str_nul_line(b.s ? b.s : "", b.len)) > 0) {
		buf_done(&b);
		return cli_fail_msg(COPSE_INVALID, "%s: line %zu holds a NUL byte; copse keeps"
				    " text only, nothing saved", strcmp(path, "-") ? path : "stdin",
				    line);
	}
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

void cli_edit_start(struct cli_edit *ed, const char *kind, int64_t id, char *snapshot,
		    const char *text)
{
	ed->kind = kind;
	ed->id = id;
	ed->before = snapshot;
	ed->had_text = !str_empty(text);
}

/* A text option (opt: "file", "agenda-file", "bio-file") that gives an
 * empty text where there was one is refused unless --empty says so, so
 * that /dev/null or an empty pipe never wipes what someone wrote.  An
 * edit that changes nothing saves nothing (no new version, no revision:
 * nobody else gets a false conflict) and says so. */
int cli_edit_save(struct cli *c, struct cli_edit *ed, char *snapshot, const char *text,
		  const char *opt, int *rc)
{
	int same = print_same(ed->before, snapshot);

	free(snapshot);
	*rc = 0;
	if (opt && ed->had_text && cli_opt(c, opt) && str_empty(text) && !cli_flag(c, "empty")) {
		*rc = cli_fail_msg(COPSE_INVALID, "%s %lld: --%s gives an empty text; to empty it,"
				   " add --empty", ed->kind, (long long)ed->id, opt);
		return 0;
	}
	if (same) {
		printf("%s %lld: no changes\n", ed->kind, (long long)ed->id);
		return 0;
	}
	return 1;
}

void cli_edit_done(struct cli_edit *ed)
{
	free(ed->before);
	ed->before = NULL;
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
	  .opts = { { .name = "demo" }, { .name = "group", .value = "GROUP" },
		    { .name = "name", .value = "NAME" }, { .name = "window", .value = "DAYS" } } },

	{ .name = "member", .sub = "add", .run = cmd_member_add,
	  .args = { { .name = "NAME" } },
	  .fields = member_fields },
	{ .name = "member", .sub = "list", .run = cmd_member_list,
	  .opts = { { .name = "status", .value = "S" }, { .name = "tag", .value = "T" },
		    { .name = "knows", .value = "TOPIC" }, JSON_OPT } },
	{ .name = "member", .sub = "show", .run = cmd_member_show,
	  .args = { { .name = "MEMBER", .kind = ARG_MEMBER } },
	  .opts = { JSON_OPT } },
	{ .name = "member", .sub = "edit", .run = cmd_member_edit,
	  .args = { { .name = "MEMBER", .kind = ARG_MEMBER } },
	  .opts = { { .name = "name", .value = "NAME" }, { .name = "empty" } },
	  .fields = member_fields, .fields_of = "member add" },
	{ .name = "member", .sub = "link", .run = cmd_member_link,
	  .args = { { .name = "A", .kind = ARG_MEMBER }, { .name = "B", .kind = ARG_MEMBER } },
	  .opts = { { .name = "kind", .value = "introduced|mentors|works-with" },
		    { .name = "note", .value = "TEXT" } } },
	{ .name = "member", .sub = "note", .run = cmd_member_note,
	  .args = { { .name = "MEMBER", .kind = ARG_MEMBER },
		    { .name = "TEXT", .flags = ARG_REST | ARG_STDIN } } },

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
	  .opts = { { .name = "title", .value = "T" }, { .name = "empty" } },
	  .fields = meeting_fields, .fields_of = "meeting add" },
	{ .name = "meeting", .sub = "minutes", .run = cmd_meeting_minutes,
	  .args = { ID_ARG("meeting") } },
	{ .name = "meeting", .sub = "history", .run = cmd_meeting_history,
	  .args = { ID_ARG("meeting") },
	  .opts = { JSON_OPT } },
	{ .name = "attend", .run = cmd_attend,
	  .args = { MEETING_ARG, { .name = "MEMBER", .kind = ARG_MEMBER, .flags = ARG_MANY } },
	  .opts = { { .name = "status",
		      .value = "attended|absent|invited|accepted|declined" } } },
	{ .name = "note", .sub = "add", .run = cmd_note_add,
	  .args = { MEETING_ARG, { .name = "TEXT", .flags = ARG_REST | ARG_STDIN } },
	  .opts = { { .name = "kind", .value = "note|decision|question" } } },
	{ .name = "note", .sub = "edit", .run = cmd_note_edit,
	  .args = { ID_ARG("note"), { .name = "TEXT", .flags = ARG_REST | ARG_STDIN } } },
	{ .name = "note", .sub = "delete", .run = cmd_note_delete,
	  .args = { ID_ARG("note") } },

	{ .name = "action", .sub = "add", .run = cmd_action_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { OWNER_OPT, { .name = "due", .value = "DATE" }, MEETING_OPT },
	  .required = "owner" },
	{ .name = "action", .sub = "list", .run = cmd_action_list,
	  .opts = { { .name = "open" }, OWNER_OPT, MEETING_OPT, JSON_OPT } },
	{ .name = "action", .sub = "done", .run = cmd_action_done,
	  .args = { ID_ARG("action") } },
	{ .name = "action", .sub = "reopen", .run = cmd_action_reopen,
	  .args = { ID_ARG("action") } },
	{ .name = "action", .sub = "edit", .run = cmd_action_edit,
	  .args = { ID_ARG("action") },
	  .opts = { { .name = "title", .value = "T" }, OWNER_OPT,
		    { .name = "due", .value = "DATE" } } },

	{ .name = "entry", .sub = "add", .run = cmd_entry_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { { .name = "kind", .value = "K" }, { .name = "tags", .value = "t1,t2" },
		    { .name = "status", .value = "S" }, { .name = "file", .value = "F|-" } } },
	{ .name = "entry", .sub = "list", .run = cmd_entry_list,
	  .opts = { { .name = "tag", .value = "T" }, { .name = "kind", .value = "K" },
		    { .name = "status", .value = "draft|published|retired|all" },
		    { .name = "sort", .value = "title|updated|used", .wrap = 1 },
		    { .name = "orphans" }, JSON_OPT } },
	{ .name = "entry", .sub = "show", .run = cmd_entry_show,
	  .args = { ID_ARG("entry") },
	  .opts = { { .name = "raw" }, JSON_OPT } },
	{ .name = "entry", .sub = "edit", .run = cmd_entry_edit,
	  .args = { ID_ARG("entry") },
	  .opts = { { .name = "title", .value = "T" }, { .name = "kind", .value = "K" },
		    { .name = "tags", .value = "t1,t2" }, { .name = "status", .value = "S" },
		    { .name = "file", .value = "F|-", .wrap = 1 }, { .name = "empty" } } },
	{ .name = "entry", .sub = "history", .run = cmd_entry_history,
	  .args = { ID_ARG("entry") },
	  .opts = { JSON_OPT } },
	{ .name = "entry", .sub = "diff", .run = cmd_entry_diff,
	  .args = { ID_ARG("entry"), { .name = "REV", .flags = ARG_OPTIONAL },
		    { .name = "REV", .flags = ARG_OPTIONAL } } },
	{ .name = "entry", .sub = "restore", .run = cmd_entry_restore,
	  .args = { ID_ARG("entry"), { .name = "REV" } } },
	{ .name = "entry", .sub = "wanted", .run = cmd_entry_wanted,
	  .opts = { JSON_OPT } },
	{ .name = "entry", .sub = "harvest", .run = cmd_entry_harvest,
	  .args = { MEETING_ARG,
		    { .name = "NOTE", .kind = ARG_ID, .what = "note",
		      .flags = ARG_MANY | ARG_OPTIONAL } },
	  .opts = { { .name = "title", .value = "T" } } },
	{ .name = "entry", .sub = "used", .run = cmd_entry_used,
	  .args = { ID_ARG("entry") },
	  .opts = { { .name = "outcome", .value = "TEXT" } } },

	{ .name = "tag", .sub = "list", .run = cmd_tag_list,
	  .opts = { JSON_OPT } },
	{ .name = "tag", .sub = "rename", .run = cmd_tag_rename,
	  .args = { { .name = "OLD" }, { .name = "NEW" } } },

	{ .name = "topic", .sub = "add", .run = cmd_topic_add,
	  .args = { { .name = "TITLE" } },
	  .opts = { { .name = "status", .value = "S" }, { .name = "file", .value = "F|-" } } },
	{ .name = "topic", .sub = "list", .run = cmd_topic_list,
	  .opts = { { .name = "status", .value = "S" }, JSON_OPT } },
	{ .name = "topic", .sub = "show", .run = cmd_topic_show,
	  .args = { ID_ARG("topic") },
	  .opts = { JSON_OPT } },
	{ .name = "topic", .sub = "edit", .run = cmd_topic_edit,
	  .args = { ID_ARG("topic") },
	  .opts = { { .name = "title", .value = "T" }, { .name = "status", .value = "S" },
		    { .name = "file", .value = "F|-" }, { .name = "empty" } } },
	{ .name = "topic", .sub = "vote", .run = cmd_topic_vote,
	  .args = { ID_ARG("topic") } },
	{ .name = "topic", .sub = "unvote", .run = cmd_topic_unvote,
	  .args = { ID_ARG("topic") } },
	{ .name = "topic", .sub = "link", .run = cmd_topic_link,
	  .args = { ID_ARG("topic") },
	  .opts = { { .name = "meeting", .value = "M", .kind = ARG_ID, .what = "meeting" },
		    { .name = "entry", .value = "E", .kind = ARG_ID, .what = "entry" } } },

	{ .name = "health", .run = cmd_health,
	  .opts = { JSON_OPT, { .name = "markdown" }, { .name = "at", .value = "DATE" } } },
	{ .name = "assess", .run = cmd_assess,
	  .opts = { { .name = "domain", .value = "N" }, { .name = "community", .value = "N" },
		    { .name = "practice", .value = "N" },
		    { .name = "file", .value = "F|-", .wrap = 1 },
		    { .name = "story", .value = "KIND TEXT", .pair = 1, .many = 1 },
		    { .name = "summary", .value = "TEXT" } },
	  .required = "domain" },
	/* "suggest dismiss" before "suggest", as for the trash */
	{ .name = "suggest", .sub = "dismiss", .run = cmd_suggest_dismiss,
	  .args = { { .name = "A", .kind = ARG_MEMBER }, { .name = "B", .kind = ARG_MEMBER } } },
	{ .name = "suggest", .run = cmd_suggest,
	  .opts = { { .name = "member", .value = "MEMBER", .kind = ARG_MEMBER },
		    { .name = "limit", .value = "N" }, JSON_OPT } },
	{ .name = "brief", .run = cmd_brief, .quiet = 1 },

	/* "trash restore" before "trash": a command with sub-commands is
	 * matched by them first */
	{ .name = "trash", .sub = "restore", .run = cmd_trash_restore,
	  .args = { { .name = "KIND" }, ID_ARG("id") } },
	{ .name = "trash", .run = cmd_trash,
	  .opts = { JSON_OPT } },

	{ .name = "search", .run = cmd_search,
	  .args = { { .name = "QUERY", .flags = ARG_MANY | ARG_DASH } },
	  .opts = { { .name = "kind", .value = "K" }, { .name = "limit", .value = "N" },
		    JSON_OPT } },
	{ .name = "export", .run = cmd_export, .required = "json",
	  .opts = { { .name = "json", .value = "FILE|-" }, { .name = "markdown", .value = "DIR" } },
	  .either = "markdown" },
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
 * sub-command: read as a flag, it finds the same command words.)
 * Returns how many words follow the option: 0, 1, or 2 for a pair. */
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
		seen = o->pair ? 2 : 1;
	}
	return seen;
}

/* The number of positional arguments cmd declares, needs, and at most
 * takes (-1: any number). */
static int nargs(const struct cmd *k)
{
	int n = 0;

	while (n < MAX_ARGS && k->args[n].name)
		n++;
	return n;
}

static int min_args(const struct cmd *k)
{
	int n = 0;

	while (n < MAX_ARGS && k->args[n].name && !(k->args[n].flags & ARG_OPTIONAL))
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
	int req = k->required && !k->either && strcmp(k->required, o->name) == 0;

	buf_puts(line, o->wrap ? "\n      " : " ");
	buf_printf(line, "%s--%s%s%s%s%s", req ? "" : "[", o->name, o->value ? " " : "",
		   o->value ? o->value : "", req ? "" : "]", o->many ? "..." : "");
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

			buf_printf(&line, " %s%s%s%s", g->flags & ARG_OPTIONAL ? "[" : "", g->name,
				   g->flags & ARG_MANY ? "..." : "", g->flags & ARG_STDIN ? "|-" : "");
		}
		for (int a = nargs(k); a-- > 0;)
			if (k->args[a].flags & ARG_OPTIONAL)
				buf_putc(&line, ']');
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
	       "  --json      JSON output for list, show, history, search, health\n"
	       "              and suggest\n"
	       "  -h, --help  show this help and exit\n"
	       "  --version   show the version and exit\n"
	       "Options may come before or after the arguments; '--' ends options.\n"
	       "MEMBER is a member id or handle, or 'me' (the member whose handle is\n"
	       "your login); MEETING and ID are ids.  TEXT or F given as '-' is read\n"
	       "from standard input.  'note add' without --kind reads the text as a\n"
	       "quick line: 'd: ...' decision, '? ...' question, 'a: @handle ...\n"
	       "[due DATE]' action item (DATE: YYYY-MM-DD, today, tomorrow or a\n"
	       "weekday), else a note.  Deleted things stay in the trash for 30 days:\n"
	       "KIND is member, meeting, note, action, entry or topic.\n"
	       "Times are local (TZ); COPSE_NOW fixes \"now\".\n\n"
	       "Exit status: 0 success, 1 failure, 2 usage error.\n"
	       "See copse(1) for the full manual.\n");
}

/* ---- parsing and dispatch ---- */

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
		const char *a = argv[i], *name, *eq, *value = NULL, *value2 = NULL;
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
			if (nargs(c->cmd) && c->cmd->args[nargs(c->cmd) - 1].flags & ARG_DASH) {
				if (i != w0 && i != w1)
					c->pos[c->npos++] = argv[i];
				continue;
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
			if (o->pair && i + 1 >= argc)
				return cli_usage("option '--%.*s' needs %s", (int)len, name, o->value);
			if (o->pair)
				value2 = argv[++i];
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
		/* given twice: the last one counts, unless each is kept */
		if (o->many || !(g = given_find(c, o->name)))
			g = &c->given[c->ngiven++];
		g->name = o->name;
		g->value = value;
		g->value2 = value2;
	}
	return 0;
}

/* The positionals and options against the command's declarations: the
 * count, the required option, the ids.  Returns 0 or an exit status. */
static int check_args(struct cli *c)
{
	const struct cmd *k = c->cmd;
	const char *sub = k->sub ? k->sub : "", *sp = k->sub ? " " : "";
	int n = min_args(k), max = max_args(k), rc;
	int64_t id;

	if (c->npos < n)
		return cli_usage("%s%s%s: missing %s", k->name, sp, sub, k->args[c->npos].name);
	if (max >= 0 && c->npos > max)
		return cli_usage("%s%s%s: unexpected argument '%s'", k->name, sp, sub,
				 c->pos[max]);
	if (k->required && !k->either && !cli_opt(c, k->required)) {
		const struct opt *o = cmd_opt(k, k->required, strlen(k->required));

		return cli_usage("%s%s%s: --%s %s is required", k->name, sp, sub, o->name,
				 o->value);
	}
	if (k->either && k->required && !cli_flag(c, k->required) == !cli_flag(c, k->either)) {
		const struct opt *a = cmd_opt(k, k->required, strlen(k->required)),
			*b = cmd_opt(k, k->either, strlen(k->either));

		return cli_usage("%s%s%s: --%s %s or --%s %s is required", k->name, sp, sub,
				 a->name, a->value, b->name, b->value);
	}
	/* Ids are checked before the database is opened (every word of a
	 * repeated one). */
	for (int i = 0; i < c->npos && nargs(k) > 0; i++) {
		const struct arg *g = &k->args[i < nargs(k) ? i : nargs(k) - 1];

		if (i >= nargs(k) && !(g->flags & ARG_MANY))
			break;
		if (g->kind == ARG_ID && (rc = cli_parse_id(c->pos[i], g->what, &id)))
			return rc;
	}
	for (int i = 0; i < c->ngiven; i++) {
		const char *name = c->given[i].name;
		const struct opt *o = cmd_opt(k, name, strlen(name));

		if (o->kind == ARG_ID && (rc = cli_parse_id(c->given[i].value, o->what, &id)))
			return rc;
	}
	return 0;
}

void cli_done(struct cli *c)
{
	for (size_t i = 0; i < c->ntmp; i++)
		free(c->tmp[i]);
	free(c->tmp);
	c->tmp = NULL;
	c->ntmp = c->captmp = 0;
}

int cli_parse(struct cli *c, int argc, char **argv)
{
	int words[2] = { -1, -1 }, nwords = 0, only_pos = 0, rc;
	const struct cmd *cmd = NULL;

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
			return -1;
		} else if (strcmp(a, "--version") == 0) {
			printf("copse %s\n", COPSE_VERSION);
			return -1;
		} else if (a[1] == '-' && !strchr(a, '=')) {
			i += takes_value(a + 2, strlen(a + 2));
		}
	}
	if (nwords == 0) {
		cmd = &app_cmd;
	} else {
		const char *name = argv[words[0]];
		int known = 0;

		for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
			if (strcmp(cmds[i].name, name) != 0)
				continue;
			known = 1;
			if (!cmds[i].sub) {
				cmd = &cmds[i];
				break;
			}
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
		/* "trash --json": the word after a command without a
		 * sub-command is an argument ("trash lst": unexpected) */
		if (!cmd->sub)
			words[1] = -1;
	}
	c->cmd = cmd;
	if ((rc = parse_args(c, argc, argv, words[0], words[1])) != 0)
		return rc;
	if (cmd->name && (rc = check_args(c)) != 0)
		return rc;
	return 0;
}

static int run(struct cli *c, int argc, char **argv)
{
	char err[600];
	char *path;
	int rc, status;

	if ((rc = cli_parse(c, argc, argv)) != 0)
		return rc < 0 ? 0 : rc;
	c->tty = isatty(STDOUT_FILENO);
	{
		const char *cs = nl_langinfo(CODESET);
		c->locale_ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
		c->ascii = c->tty && c->locale_ascii;
	}
	path = c->db_opt ? xstrdup(c->db_opt) : default_db_path();
	if (!path)
		return cli_fail_msg(COPSE_NOMEM, "out of memory");
	cli_keep(c, path);
	err[0] = '\0';
	/* a quiet command (brief) never creates, never writes, and says
	 * nothing when the database is not there for this user */
	status = db_open(path, c->cmd->quiet ? DB_READONLY : DB_CREATE, &c->db, err, sizeof err);
	if (status != COPSE_OK && c->cmd->quiet)
		return 0;
	if (status != COPSE_OK)
		return cli_fail_msg(status, "%s", err[0] ? err : status_message(status));
	if (!c->cmd->name)
		return app_run(c->db);
	return c->cmd->run(c);
}

int cli_main(int argc, char **argv)
{
	struct cli c;
	int rc;

	memset(&c, 0, sizeof c);
	/* Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ, which
	 * would kill copse in the middle of a write; ignored, the write fails
	 * with EFBIG and copse says so in one line. */
	signal(SIGXFSZ, SIG_IGN);
	rc = run(&c, argc, argv);
	db_close(c.db);
	cli_done(&c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == 0)
			rc = cli_fail_msg(errno == ENOSPC ? COPSE_FULL : COPSE_IO,
					  "writing output: %s", strerror(errno ? errno : EIO));
	}
	return rc;
}
