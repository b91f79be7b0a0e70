/* statedir.h - what the draft and editor tests share: a scratch directory
 * with HOME and XDG_STATE_HOME inside it, emptied before each test, and
 * small checks on the files found there. */
#ifndef COPSE_STATEDIR_H
#define COPSE_STATEDIR_H

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copse/draft.h"
#include "copse/status.h"

static char root[512], state[600], home[600];
static char err[512];

static inline int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(path) != 0 && errno != ENOENT;
}

static inline void rm_rf(const char *path)
{
	if (nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
		printf("# could not remove %s\n", path);
}

/* Make the scratch directory root (under COPSE_TEST_TMP) for test program
 * name; 0 ok, -1 with a message. */
static inline int statedir_init(const char *name)
{
	const char *tmp = getenv("COPSE_TEST_TMP");

	snprintf(root, sizeof root, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
	if (!mkdtemp(root)) {
		perror(root);
		return -1;
	}
	snprintf(state, sizeof state, "%s/state", root);
	snprintf(home, sizeof home, "%s/home", root);
	return 0;
}

/* A fresh, empty state directory for each test. */
static inline void fresh_state(void)
{
	rm_rf(state);
	rm_rf(home);
	mkdir(home, 0755);
	setenv("HOME", home, 1);
	setenv("XDG_STATE_HOME", state, 1);
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	unsetenv("FAKE_EDITOR_LOG");
	unsetenv("COPSE_NOW");
	err[0] = '\0';
}

static inline size_t count_drafts(const char *db)
{
	struct draft *v;
	size_t n = 0;

	if (draft_list(db, &v, &n, err, sizeof err) != COPSE_OK)
		return (size_t)-1;
	draft_list_free(v, n);
	return n;
}

static inline int file_mode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static inline int exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static inline int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

#endif
