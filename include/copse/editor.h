/* editor.h - editing text outside curses: $VISUAL/$EDITOR and private
 * drafts that survive a dropped connection.  Record templates are
 * template.h, conflict merge text merge.h.
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
 * Every function returning int returns an enum copse_status (COPSE_OK is
 * 0); on failure a one-line message is written to err (errlen bytes,
 * err may be NULL).
 *
 * ---- Drafts ---------------------------------------------------------------
 *
 * Drafts live in $XDG_STATE_HOME/copse/drafts (an absolute XDG_STATE_HOME
 * only, as the XDG spec says), else ~/.local/state/copse/drafts; the
 * directory is created 0700 (and tightened to 0700 if it is ours and
 * wider; refused if it is a symlink or someone else's).  Every file in it
 * is created 0600.
 *
 * A draft is identified by the name of its header file, "KIND-XXXXXX.draft"
 * (the draft id; KIND is the kind reduced to [a-z0-9], e.g. "note").  The
 * header file is text: "Name: value" lines (written as template.h writes
 * them), a blank line, then the text:
 *
 *     Copse-Draft: 1                       (first line; files without it are skipped)
 *     Kind: note                           (what it is for: note|entry|topic|...)
 *     Context: meeting 12                  (free text, by convention "OBJECT ID")
 *     Database: /home/zoe/.local/share/copse/copse.db   (absolute when known)
 *     Created: 2025-03-01T10:00:00Z        (UTC; honours COPSE_NOW)
 *     Pid: 4242                            (the copse process that wrote it)
 *     Host: shellbox
 *     File: entry-Ab3dE9.md                (only for editor drafts, see below)
 *
 *     the text, exactly, to the end of the file
 *
 * Header values never contain newlines (they are replaced by spaces).
 * Unknown header names are ignored (newer copse may add some).
 *
 * editor_run() drafts: the editor edits "KIND-XXXXXX.md" (made with
 * mkstemps, so the editor sees a Markdown file name) and the header file
 * "KIND-XXXXXX.draft" beside it names it with "File:" and holds no text:
 * the text is whatever is in the .md file, i.e. what the user last wrote
 * from the editor.  Both files stay until editor_draft_discard(), so a
 * SIGHUP (dropped SSH connection) that kills copse and the editor loses
 * nothing that the editor had written.
 *
 * editor_draft_save() drafts (a quick note line being typed): the text is
 * inline after the header; a save replaces the file atomically (temporary
 * file + rename), so the app may call it as often as it likes, e.g. when
 * its SIGHUP flag is set, or every few seconds while a line is typed.
 *
 * At the next start the app calls editor_drafts_list(db_path), leaves out
 * drafts with live=1 (an edit still going on in another session) and
 * offers the rest ("2 unsaved drafts from your last session: r to
 * recover").  Recovering means putting d.text back where it came from
 * (editor_run() with the same kind and context, or the quick-note line)
 * and calling editor_draft_discard(d.id) once it is saved or declined.
 * Context is free text; by convention "OBJECT ID" ("entry 12", "meeting
 * 12" for a note typed in meeting 12) or "new OBJECT".
 */
#ifndef COPSE_EDITOR_H
#define COPSE_EDITOR_H

#include <stddef.h>
#include <stdint.h>

#include "copse/util.h"

/* ---- running the editor ---- */

struct editor_opts {
	const char *kind;        /* "entry", "note", ... (draft header, file name); NULL: "text" */
	const char *context;     /* e.g. "entry 12"; may be NULL */
	const char *db_path;     /* database the text belongs to; may be NULL */
	void (*suspend)(void *ctx);  /* may be NULL; see the top of this file */
	void (*resume)(void *ctx);   /* may be NULL */
	void *ctx;
};

struct editor_result {
	char *text;              /* the file as the editor left it; caller frees */
	int changed;             /* 1 when text differs from the initial text
				    (trailing newlines ignored, so an editor that
				    adds a final newline does not count) */
	char *draft;             /* draft id, for editor_draft_discard(); caller frees */
	char *path;              /* the file that was edited; caller frees */
	int exit_status;         /* the editor's exit status, or 128+signal */
};

void editor_result_done(struct editor_result *r);   /* frees, zeroes */

/* The editor command: $VISUAL, else $EDITOR (non-empty), else "vi".
 * Borrowed (from the environment or a literal). */
const char *editor_command(void);

/* Write initial (may be NULL = "") to a new draft, run the editor command
 * through /bin/sh -c '<command> "$1"' sh FILE (so EDITOR="vim -u NONE"
 * works and the file name is never re-parsed), with SIGINT and SIGQUIT
 * ignored in copse meanwhile (the editor gets the defaults), then read the
 * result into *r.
 *
 * On COPSE_OK the draft is kept: call editor_draft_discard(r->draft) once
 * the text is saved in the database (or the user chose to throw it away).
 * When the editor fails (non-zero exit: "editor exited with status N;
 * nothing saved", 127: "editor 'CMD' not found; nothing saved", killed:
 * "editor killed by signal N; nothing saved", also for an exit status
 * 129..192, the way sh reports a killed child) the result is COPSE_IO and
 * r->draft, r->path and r->text (if readable) are still filled: the draft
 * is kept so nothing is lost.  Other failures: COPSE_IO/COPSE_PERM (draft
 * directory or file), COPSE_NOMEM.  *r is zeroed first in every case;
 * free it with editor_result_done(). */
int editor_run(const char *initial, const struct editor_opts *o,
	       struct editor_result *r, char *err, size_t errlen);

/* ---- drafts ---- */

struct editor_draft {
	char *id;                /* "note-Ab3dE9.draft" */
	char *kind, *context, *db_path, *created, *host;
	long pid;
	char *text;              /* the draft text ("" if its file is gone) */
	int live;                /* 1: the process that wrote it still runs on
				    this host (an edit going on in another
				    session): don't offer it for recovery */
};

void editor_draft_done(struct editor_draft *d);
void editor_draft_list_free(struct editor_draft *v, size_t n);

/* The drafts directory, created if missing (see the top).  Caller frees. */
int editor_drafts_dir(char **dir, char *err, size_t errlen);

/* Save text as a draft.  *id NULL: a new draft, *id gets its id (caller
 * frees); *id set: that draft is replaced atomically (kind/context/db_path
 * rewritten too).  kind NULL: "text". */
int editor_draft_save(const char *kind, const char *context,
		      const char *db_path, const char *text, char **id,
		      char *err, size_t errlen);

/* Drafts, oldest first.  db_path non-NULL: only drafts of that database
 * (paths compared after realpath) and drafts that name no database.
 * A missing directory is an empty list. */
int editor_drafts_list(const char *db_path, struct editor_draft **out,
		       size_t *n, char *err, size_t errlen);
/* The newest draft of that kind and context (and database, as above)
 * with some text that no running session is still editing (live=0): the
 * one to offer back.  COPSE_NOTFOUND if there is none.  Free *out with
 * editor_draft_done(). */
int editor_draft_find(const char *db_path, const char *kind, const char *context,
		      struct editor_draft *out, char *err, size_t errlen);
/* One draft by id.  COPSE_NOTFOUND if there is no such draft; ids with a
 * '/' or not ending in ".draft" are COPSE_INVALID. */
int editor_draft_load(const char *id, struct editor_draft *out,
		      char *err, size_t errlen);
/* Remove the draft (and its .md file).  A draft already gone is OK. */
int editor_draft_discard(const char *id, char *err, size_t errlen);

#endif
