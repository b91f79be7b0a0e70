/* mirror.h - the repertoire as a directory of Markdown files that zk,
 * nb and Obsidian read (`copse export --markdown DIR`): one file per
 * entry with YAML front matter (title, aliases, kind, tags, status,
 * author, created, updated, date, id; harvested_from and used when they
 * apply), its body as written ([[links]] kept), one file per meeting's
 * minutes, and index.md listing them all.
 *
 * File names come from titles: characters that a file name or a link
 * cannot hold become '-', at most MIRROR_NAME_MAX bytes; titles that
 * clash (ignoring case), and a name a file of the user's already has,
 * get "-ID" before ".md".  The names written are kept in the manifest
 * MIRROR_MANIFEST; a later run rewrites only changed files, and removes
 * only files it wrote before and does not write now: a user's own files
 * in the directory are never touched.  Every file is created under a new
 * random name (O_EXCL, never through a symlink) and then renamed into
 * place; the directory itself must not be a symlink.  Files get the
 * database's permissions (never more readable than it).
 *
 * Built from the store's verbs; no SQL here.
 */
#ifndef COPSE_MIRROR_H
#define COPSE_MIRROR_H

#include <stddef.h>

#include "copse/db.h"

#define MIRROR_MANIFEST ".copse-mirror"
#define MIRROR_NAME_MAX 120

struct mirror_report {
	int written;           /* files created or changed */
	int unchanged;         /* files already as they should be */
	int removed;           /* files of an earlier run no longer wanted */
};

/* Write the mirror into dir (created 0700 when missing).  On failure
 * err gets "DIR/NAME: reason" and the status is returned; files already
 * written stay (a later run picks them up from the manifest, which is
 * written as soon as a file is). */
int mirror_markdown(struct db *db, const char *dir, struct mirror_report *r,
		    char *err, size_t errlen);

/* The file name (without ".md") for title into out: pure, for tests. */
void mirror_name(const char *title, char *out, size_t n);

#endif
