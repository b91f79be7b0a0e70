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
 *     Record: meeting 12                   (the record it belongs to; none: a new one)
 *     Record-Created: 2025-02-26T21:00:00Z (that record's creation time)
 *     Title: Apologies that land           (its title then, to name it)
 *     Version: 3                           (its version the text started from)
 *     Created: 2025-03-01T10:00:00Z        (UTC; honours COPSE_NOW)
 *     Pid: 4242                            (the copse process that wrote it)
 *     Host: shellbox
 *     File: entry-Ab3dE9.md                (only for editor drafts, see below)
 *
 *     the text, exactly, to the end of the file
 *
 * Header values never contain newlines (they are replaced by spaces).
 * Unknown header names are ignored (newer copse may add some); a header
 * with nothing to say is left out.
 *
 * A draft belongs to one record for good: the database (its absolute
 * path), the record's kind and id (ids are never given out twice) and the
 * record's creation time, which a record made later with the same id in
 * a database made anew at the same path does not share.  draft_is_for()
 * checks all three.  Version is what the version check of a recovered
 * edit starts from: when the record has moved on since, the app shows
 * both versions to merge instead of saving over the newer one.  A note
 * line typed in a meeting belongs to its meeting (Record: meeting 12) and
 * has no version.
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
 * Recovery: at start the app lists the drafts of its database that no
 * running session is still writing (draft_list(db_path), leaving out
 * live=1) and offers each back (view-drafts.c); the record's own editor
 * also finds its draft (draft_find()).  Before putting one back the app
 * claims it (draft_claim()): exactly one session gets it, and it is
 * live for every other from then on.  Recovering means putting d.text
 * back where it came from (editor_run() with the same record, or the
 * meeting's input line), after draft_is_for() said it is that record's,
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
#include <stdint.h>

struct draft {
	char *id;                /* "note-Ab3dE9.draft" */
	char *kind, *context, *db_path, *created, *host;
	long pid;
	/* the record it belongs to (NULL, 0: a new record, or a draft made
	 * before copse wrote these) */
	char *record;            /* its kind: "entry", "meeting" (a note line) ... */
	int64_t record_id;
	char *record_created;    /* its creation time: who it is for good */
	char *title;             /* its title when the draft was written */
	int version;             /* its version the text started from; 0: unknown */
	char *text;              /* the draft text ("" if its file is gone;
				    NULL when problem is set) */
	char *problem;           /* NULL, or why the text cannot come back
				    whole, a line naming the draft and its
				    file: it holds a NUL byte (copse keeps
				    text only).  The draft is listed, never
				    cut short; its files stay as they are. */
	int live;                /* 1: another process that wrote it still
				    runs on this host (an edit going on in
				    another session): don't offer it for
				    recovery.  0 for this process's own. */
};

void draft_done(struct draft *d);
void draft_list_free(struct draft *v, size_t n);

/* The drafts directory, created if missing (see the top).  Caller frees. */
int draft_dir(char **dir, char *err, size_t errlen);

/* What a draft is and belongs to, as written in its header (see the
 * top).  Every field may be NULL or 0: left out. */
struct draft_meta {
	const char *kind;            /* NULL: "text" */
	const char *context;
	const char *db_path;         /* made absolute when written */
	const char *record;          /* the record's kind; NULL: a new record */
	int64_t record_id;
	const char *record_created;
	const char *title;
	int version;
};

/* A new editor draft holding initial (NULL = ""), with a final newline
 * added as editors expect: *path gets the .md file to edit and *id the
 * draft id (both caller frees).  On failure nothing is left behind and
 * *id, *path are NULL. */
int draft_create_meta(const struct draft_meta *m, const char *initial, char **id,
		      char **path, char *err, size_t errlen);
/* The same with only kind, context and db_path. */
int draft_create(const char *kind, const char *context, const char *db_path,
		 const char *initial, char **id, char **path, char *err, size_t errlen);

/* Save text as an inline draft.  *id NULL: a new draft, *id gets its id
 * (caller frees); *id set: that draft is replaced atomically (its whole
 * header rewritten too). */
int draft_save_meta(const struct draft_meta *m, const char *text, char **id,
		    char *err, size_t errlen);
/* The same with only kind, context and db_path (kind NULL: "text"). */
int draft_save(const char *kind, const char *context, const char *db_path,
	       const char *text, char **id, char *err, size_t errlen);

/* Drafts, oldest first.  db_path non-NULL: only drafts of that database
 * (paths compared after realpath) and drafts that name no database.
 * A missing directory is an empty list. */
int draft_list(const char *db_path, struct draft **out, size_t *n,
	       char *err, size_t errlen);
/* The newest draft of that kind and context (and database, as above)
 * with some text that no running session is still editing (live=0): the
 * one to offer back.  A draft that names a record (or whose context
 * does) must be able to be that record's: draft_is_for() with the record
 * context names and record_created (its creation time; NULL: not known)
 * not 0.  COPSE_NOTFOUND if there is none; COPSE_INVALID (err: its
 * problem) when the newest such draft cannot come back whole.  Free *out
 * with draft_done(). */
int draft_find(const char *db_path, const char *kind, const char *context,
	       const char *record_created, struct draft *out, char *err, size_t errlen);
/* Whether d was written for record (kind record, id, created) of the
 * database at db_path: 1 yes; 0 no (another database, another record, or
 * a later record with that id); -1 cannot tell (a draft that names no
 * record, or no creation time: written by an older copse).  A draft of
 * a new record is for no record (0). */
int draft_is_for(const struct draft *d, const char *db_path, const char *record,
		 int64_t id, const char *created);
/* 1 when d belongs to the database at db_path (paths compared after
 * realpath), 0 when it names another or none. */
int draft_of_db(const struct draft *d, const char *db_path);
/* The record d belongs to: its kind into record (n bytes) and *id, from
 * its Record header, else from a Context of the form "KIND ID" (older
 * drafts).  1 found; 0 a new record or nothing said ("new entry": its
 * kind, *id 0, 0). */
int draft_record(const struct draft *d, char *record, size_t n, int64_t *id);
/* One draft by id.  COPSE_NOTFOUND if there is no such draft; ids with a
 * '/' or not ending in ".draft" are COPSE_INVALID, and so is a draft
 * whose text holds a NUL byte (err: its problem; *out left empty). */
int draft_load(const char *id, struct draft *out, char *err, size_t errlen);
/* Claim a kept draft before putting it back: exactly one session gets
 * it.  Under a lock shared by every copse of this user, the draft is
 * read and, unless another running session holds it (live), rewritten
 * as this process's (its Pid and Host; nothing else changes), so every
 * other session sees it live from then on and neither lists, finds nor
 * claims it until this one has ended.  COPSE_OK: *out is the draft, now
 * this process's (a draft that cannot come back whole is claimed too,
 * with its problem set); COPSE_BUSY (err "draft ID: recovered in
 * another session") and COPSE_NOTFOUND (gone meanwhile): *out empty. */
int draft_claim(const char *id, struct draft *out, char *err, size_t errlen);
/* Remove the draft (and its .md file).  A draft already gone is OK. */
int draft_discard(const char *id, char *err, size_t errlen);

#endif
