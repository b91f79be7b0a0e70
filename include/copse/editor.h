/* editor.h - running $VISUAL/$EDITOR on a text, outside curses, with the
 * text kept in a draft (draft.h) while it is being edited.
 *
 * No curses here.  The app hands editor_run() two callbacks and does the
 * terminal work itself:
 *
 *     suspend(ctx):  def_prog_mode(); endwin();
 *     resume(ctx):   reset_prog_mode(); refresh();   (or clearok + redraw)
 *
 * suspend is called just before the editor starts and resume right after it
 * exits (also when it failed); neither is called when editor_run fails
 * before starting the editor (e.g. the draft directory cannot be made).
 *
 * The records edited this way are written as templates (template.h); a
 * conflicting save is settled in the editor with merge text (merge.h).
 *
 * Every function returning int returns an enum copse_status (COPSE_OK is
 * 0); on failure a one-line message is written to err (errlen bytes,
 * err may be NULL).
 */
#ifndef COPSE_EDITOR_H
#define COPSE_EDITOR_H

#include <stddef.h>
#include <stdint.h>

struct editor_opts {
	const char *kind;        /* "entry", "note", ... (draft header, file name); NULL: "text" */
	const char *context;     /* e.g. "entry 12"; may be NULL */
	const char *db_path;     /* database the text belongs to; may be NULL */
	/* the record it belongs to, written in the draft (draft.h): kind
	 * ("entry"; NULL for a new record), id, creation time, title and
	 * the version the text starts from; all may be NULL or 0 */
	const char *record;
	int64_t record_id;
	const char *record_created, *title;
	int version;
	void (*suspend)(void *ctx);  /* may be NULL; see the top of this file */
	void (*resume)(void *ctx);   /* may be NULL */
	/* Called every tick_seconds while the editor runs (the app keeps
	 * its presence alive); may be NULL. */
	void (*tick)(void *ctx);
	int tick_seconds;
	void *ctx;
};

struct editor_result {
	char *text;              /* the file as the editor left it; caller frees */
	int changed;             /* 1 when text differs from the initial text
				    (trailing newlines ignored, so an editor that
				    adds a final newline does not count) */
	char *draft;             /* draft id, for draft_discard(); caller frees */
	char *path;              /* the file that was edited; caller frees */
	int exit_status;         /* the editor's exit status, or 128+signal */
};

void editor_result_done(struct editor_result *r);   /* frees, zeroes */

/* The editor command: $VISUAL, else $EDITOR (non-empty), else "vi".
 * Borrowed (from the environment or a literal). */
const char *editor_command(void);

/* Write initial (may be NULL = "") to a new draft (draft_create()), run
 * the editor command through /bin/sh -c '<command> "$1"' sh FILE (so
 * EDITOR="vim -u NONE" works and the file name is never re-parsed), with
 * SIGINT and SIGQUIT ignored in copse meanwhile (the editor gets the
 * defaults), then read the result into *r.
 *
 * On COPSE_OK the draft is kept: call draft_discard(r->draft) once the
 * text is saved in the database (or the user chose to throw it away).
 * When the editor fails (non-zero exit: "editor exited with status N;
 * nothing saved", 127: "editor 'CMD' not found; nothing saved", killed:
 * "editor killed by signal N; nothing saved", also for an exit status
 * 129..192, the way sh reports a killed child) the result is COPSE_IO and
 * r->draft, r->path and r->text (if readable) are still filled: the draft
 * is kept so nothing is lost.  Text holding a NUL byte (which would cut
 * it short) is refused the same way: COPSE_INVALID "line N holds a NUL
 * byte; nothing saved, your text is kept in PATH".  Other failures: COPSE_IO/COPSE_PERM (draft
 * directory or file), COPSE_NOMEM.  *r is zeroed first in every case;
 * free it with editor_result_done(). */
int editor_run(const char *initial, const struct editor_opts *o,
	       struct editor_result *r, char *err, size_t errlen);

#endif
