/* draft.h - private drafts that survive a dropped connection: create,
 * save, find, load, list and discard the text being written.
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
 * Editor drafts (draft_create(), used by editor_run()): the editor edits
 * "KIND-XXXXXX.md" (made with mkstemps, so the editor sees a Markdown file
 * name) and the header file "KIND-XXXXXX.draft" beside it names it with
 * "File:" and holds no text: the text is whatever is in the .md file,
 * i.e. what the user last wrote from the editor.  Both files stay until
 * draft_discard(), so a SIGHUP (dropped SSH connection) that kills copse
 * and the editor loses nothing that the editor had written.
 *
 * Inline drafts (draft_save(), a quick note line being typed): the text is
 * inline after the header; a save replaces the file atomically (temporary
 * file + rename), so the app may call it as often as it likes, e.g. when
 * its SIGHUP flag is set, or every few seconds while a line is typed.
 *
 * Recovery: the app calls draft_find() (or draft_list(db_path), leaving
 * out drafts with live=1: an edit still going on in another session) and
 * offers the text back ("2 unsaved drafts from your last session: r to
 * recover").  Recovering means putting d.text back where it came from
 * (editor_run() with the same kind and context, or the quick-note line)
 * and calling draft_discard(d.id) once it is saved or declined.  Context
 * is free text; by convention "OBJECT ID" ("entry 12", "meeting 12" for a
 * note typed in meeting 12) or "new OBJECT".
 *
 * Every function returning int returns an enum copse_status (COPSE_OK is
 * 0); on failure a one-line message is written to err (errlen bytes, err
 * may be NULL).  No curses, no store.
 */
#ifndef COPSE_DRAFT_H
#define COPSE_DRAFT_H

#include <stddef.h>

struct draft {
	char *id;                /* "note-Ab3dE9.draft" */
	char *kind, *context, *db_path, *created, *host;
	long pid;
	char *text;              /* the draft text ("" if its file is gone) */
	int live;                /* 1: the process that wrote it still runs on
				    this host (an edit going on in another
				    session): don't offer it for recovery */
};

void draft_done(struct draft *d);
void draft_list_free(struct draft *v, size_t n);

/* The drafts directory, created if missing (see the top).  Caller frees. */
int draft_dir(char **dir, char *err, size_t errlen);

/* A new editor draft holding initial (NULL = ""), with a final newline
 * added as editors expect: *path gets the .md file to edit and *id the
 * draft id (both caller frees).  kind NULL: "text".  On failure nothing
 * is left behind and *id, *path are NULL. */
int draft_create(const char *kind, const char *context, const char *db_path,
		 const char *initial, char **id, char **path, char *err, size_t errlen);

/* Save text as an inline draft.  *id NULL: a new draft, *id gets its id
 * (caller frees); *id set: that draft is replaced atomically
 * (kind/context/db_path rewritten too).  kind NULL: "text". */
int draft_save(const char *kind, const char *context, const char *db_path,
	       const char *text, char **id, char *err, size_t errlen);

/* Drafts, oldest first.  db_path non-NULL: only drafts of that database
 * (paths compared after realpath) and drafts that name no database.
 * A missing directory is an empty list. */
int draft_list(const char *db_path, struct draft **out, size_t *n,
	       char *err, size_t errlen);
/* The newest draft of that kind and context (and database, as above)
 * with some text that no running session is still editing (live=0): the
 * one to offer back.  COPSE_NOTFOUND if there is none.  Free *out with
 * draft_done(). */
int draft_find(const char *db_path, const char *kind, const char *context,
	       struct draft *out, char *err, size_t errlen);
/* One draft by id.  COPSE_NOTFOUND if there is no such draft; ids with a
 * '/' or not ending in ".draft" are COPSE_INVALID. */
int draft_load(const char *id, struct draft *out, char *err, size_t errlen);
/* Remove the draft (and its .md file).  A draft already gone is OK. */
int draft_discard(const char *id, char *err, size_t errlen);

#endif
