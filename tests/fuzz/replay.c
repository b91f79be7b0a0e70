/* replay.c - a plain driver for a fuzz target (see fuzz.h): every file
 * named, or in a directory named, is one input.  Prints "ok - fuzz: NAME:
 * N inputs" when none broke a promise (a broken one aborts).
 *
 *   fuzz-replay-NAME NAME FILE|DIR...
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The driver's own output: stdout as it was before the target's
 * LLVMFuzzerInitialize (which may silence stdout). */
static FILE *out;

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (!fp) {
		fprintf(out, "not ok - fuzz: %s: cannot open\n", path);
		return -1;
	}
	do {
		if (len == cap) {
			unsigned char *p = realloc(data, cap = cap ? cap * 2 : 4096);
			if (!p) {
				fclose(fp);
				free(data);
				return -1;
			}
			data = p;
		}
		n = fread(data + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int replay(const char *path, int *count)
{
	struct stat sb;
	struct dirent **names;
	int n, rc = 0;

	if (stat(path, &sb) != 0) {
		fprintf(out, "not ok - fuzz: %s: no such file\n", path);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	if ((n = scandir(path, &names, NULL, alphasort)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		char full[4096];

		if (names[i]->d_name[0] != '.') {
			snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
			rc |= replay(full, count);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int count = 0, rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s NAME FILE|DIR...\n", argv[0]);
		return 2;
	}
	fflush(stdout);
	if (!(out = fdopen(dup(STDOUT_FILENO), "w")))
		return 1;
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 2; i < argc; i++)
		rc |= replay(argv[i], &count);
	if (rc == 0)
		fprintf(out, "ok - fuzz: %s: %d inputs\n", argv[1], count);
	fprintf(out, "%d passed, %d failed\n", rc == 0, rc != 0);
	fclose(out);
	return rc ? 1 : 0;
}
