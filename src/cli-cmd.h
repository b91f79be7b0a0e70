/* cli-cmd.h - private to the command line: the context a command runs
 * in, the helpers cli.c gives the commands (options, arguments, files,
 * failures), and the commands of the table in cli.c, one file per area:
 *
 *   cli-member.c   member add|list|show|edit|link|note
 *   cli-meeting.c  meeting add|list|show|edit|minutes|history, attend,
 *                  note add|edit|delete, action add|list|done|reopen|edit
 *   cli-entry.c    entry add|list|show|edit|history|diff|restore|wanted|
 *                  harvest|used, tag list|rename
 *   cli-topic.c    topic add|list|show|edit|vote|unvote|link
 *   cli-health.c   health, assess, suggest, suggest dismiss, brief
 *   cli-db.c       init, search, export, import, backup
 *   cli-mirror.c   export --markdown
 *   cli-trash.c    trash, trash restore
 *
 * A command returns the exit status (0, 1, or 2 for a usage error) and
 * has printed its own message on stderr when it fails.  How results are
 * printed is cli-print.h.
 */
#ifndef COPSE_CLI_CMD_H
#define COPSE_CLI_CMD_H

#include <stddef.h>
#include <stdint.h>

#include "copse/util.h"

struct cmd;
struct db;
struct given;

struct cli {
	const struct cmd *cmd;       /* the command's declaration (cli.c) */
	struct db *db;
	const char *db_opt;          /* --db value, if given */
	char **pos;                  /* positionals after the command words */
	int npos;
	struct given *given;         /* the command's options given, once each */
	int ngiven;
	int tty;                     /* stdout is a terminal */
	int ascii;                   /* terminal without UTF-8 */
	int locale_ascii;            /* the locale is not UTF-8 (terminal or not) */
	void **tmp;                  /* strings freed at exit */
	size_t ntmp, captmp;
};

/* ---- parsing (cli.c) ----
 * cli_parse reads argv against the command table into c (zeroed first by
 * the caller): 0 when the command can run (c->cmd, pos, given set; no
 * database opened yet), -1 when --help or --version was printed, else
 * the exit status of a usage error (already printed).  cli_done frees
 * what c keeps.  cli_main is the two around opening the database and
 * running c->cmd; the fuzz target tests/fuzz/fuzz_cli.c calls them alone. */
int cli_parse(struct cli *c, int argc, char **argv);
void cli_done(struct cli *c);

/* ---- failures: each prints "copse: MESSAGE" and returns the exit status */

/* A usage error: the message, a pointer to --help, exit status 2. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A failure with its own message; the exit status from the status code. */
int cli_fail_msg(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A store failure: the store's one-line message (db_error). */
int cli_fail(struct cli *c, int status);
/* The exit status of a store verb: 0, or its failure. */
int cli_check(struct cli *c, int status);
/* Out of memory: says so and exits 1. */
void cli_nomem(void) __attribute__((noreturn));

/* p, freed when the command ends; NULL stays NULL. */
void *cli_keep(struct cli *c, void *p);

/* ---- options and arguments ---- */

/* The value of option name as given (borrowed); NULL when it was not
 * given or is a flag. */
const char *cli_opt(struct cli *c, const char *name);
/* Whether option name was given. */
int cli_flag(struct cli *c, const char *name);
/* The k-th (from 0) of the options called name that take two words
 * (--story KIND TEXT): 1 with its words in *v1 and *v2, 0 when there
 * are not that many. */
int cli_opt_pair(struct cli *c, const char *name, int k, const char **v1, const char **v2);
/* The positionals from index i joined with spaces (freed at exit). */
const char *cli_join_pos(struct cli *c, int i);

/* The conversions below return 0 or an exit status (message printed). */

/* An id argument; what names it in the message ("meeting 'x': not an id"). */
int cli_parse_id(const char *s, const char *what, int64_t *id);
/* A local "YYYY-MM-DD HH:MM" into stored ISO UTC; optname for messages. */
int cli_parse_when(const char *optname, const char *v, char out[ISO_LEN]);
/* A date YYYY-MM-DD, checked. */
int cli_parse_date(const char *optname, const char *v, char out[11]);
/* A whole file, or stdin for "-"; *out is the caller's to free. */
int cli_read_input(const char *path, char **out, size_t *len);
/* Replace *field with the text of file path ("-": stdin). */
int cli_read_field(char **field, const char *path);
/* An edit of one record: cli_edit_start before its options are applied
 * (snapshot: print_snapshot of the record, taken over; text: its
 * Markdown text or NULL), cli_edit_save after: 1 when it is to be saved;
 * 0 with *rc the exit status when an empty text option would empty the
 * text without --empty (message) or nothing changed ("entry 11: no
 * changes" on stdout, *rc 0).  cli_edit_done frees. */
struct cli_edit {
	const char *kind;
	int64_t id;
	int had_text;
	char *before;
};
void cli_edit_start(struct cli_edit *ed, const char *kind, int64_t id, char *snapshot,
		    const char *text);
int cli_edit_save(struct cli *c, struct cli_edit *ed, char *snapshot, const char *text,
		  const char *opt, int *rc);
void cli_edit_done(struct cli_edit *ed);
/* Replace a tag list with the comma-separated v. */
int cli_set_tags(struct strv *sv, const char *v);
/* Replace an owned string field with a copy of v (NULL: none). */
void cli_set_str(char **field, const char *v);

/* ---- the commands ---- */

/* The id of MEMBER (an id or a handle): a store status (cli-member.c). */
int cli_member_id(struct cli *c, const char *key, int64_t *id);

int cmd_member_add(struct cli *c);
int cmd_member_list(struct cli *c);
int cmd_member_show(struct cli *c);
int cmd_member_edit(struct cli *c);
int cmd_member_link(struct cli *c);
int cmd_member_note(struct cli *c);

int cmd_meeting_add(struct cli *c);
int cmd_meeting_list(struct cli *c);
int cmd_meeting_show(struct cli *c);
int cmd_meeting_edit(struct cli *c);
int cmd_meeting_minutes(struct cli *c);
int cmd_meeting_history(struct cli *c);
int cmd_attend(struct cli *c);
int cmd_note_add(struct cli *c);
int cmd_note_edit(struct cli *c);
int cmd_note_delete(struct cli *c);
int cmd_action_add(struct cli *c);
int cmd_action_list(struct cli *c);
int cmd_action_done(struct cli *c);
int cmd_action_reopen(struct cli *c);
int cmd_action_edit(struct cli *c);

int cmd_entry_add(struct cli *c);
int cmd_entry_list(struct cli *c);
int cmd_entry_show(struct cli *c);
int cmd_entry_edit(struct cli *c);
int cmd_entry_history(struct cli *c);
int cmd_entry_diff(struct cli *c);
int cmd_entry_restore(struct cli *c);
int cmd_entry_wanted(struct cli *c);
int cmd_entry_harvest(struct cli *c);
int cmd_entry_used(struct cli *c);

int cmd_tag_list(struct cli *c);
int cmd_tag_rename(struct cli *c);

int cmd_topic_add(struct cli *c);
int cmd_topic_list(struct cli *c);
int cmd_topic_show(struct cli *c);
int cmd_topic_edit(struct cli *c);
int cmd_topic_vote(struct cli *c);
int cmd_topic_unvote(struct cli *c);
int cmd_topic_link(struct cli *c);

int cmd_health(struct cli *c);
int cmd_assess(struct cli *c);
int cmd_suggest(struct cli *c);
int cmd_suggest_dismiss(struct cli *c);
int cmd_brief(struct cli *c);

int cmd_init(struct cli *c);
int cmd_search(struct cli *c);
int cmd_export(struct cli *c);
int cmd_export_markdown(struct cli *c);   /* cli-mirror.c */
int cmd_import(struct cli *c);
int cmd_backup(struct cli *c);

int cmd_trash(struct cli *c);
int cmd_trash_restore(struct cli *c);

#endif
