/* fuzz_cli.c - the command-line parser (see fuzz.h).
 *
 * The input is an argument vector: words separated by NUL bytes (at most
 * 32).  Promises: cli_parse never crashes, reads nothing beyond argv and
 * ends in one of three ways (a command to run, help printed, a usage
 * error with exit status 2 or 1); a command to run has its positionals,
 * each a word of argv.
 */
#include <string.h>

#include "cli-cmd.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* --help and --version print: silenced.  Usage errors go to stderr,
	 * which make fuzz closes (-close_fd_mask=2; libFuzzer keeps its own
	 * copy for its reports): a broken promise is told on a copy made
	 * here, before that. */
	fuzz_err_fd = dup(2);
	if (!freopen("/dev/null", "w", stdout))
		fuzz_fail("cannot silence stdout");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *argv[34];
	int argc = 0, rc;
	struct cli c;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = "copse";
	for (size_t i = 0; i <= size && argc < 33;) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	if (size == 0)
		argc = 1;
	argv[argc] = NULL;

	memset(&c, 0, sizeof c);
	rc = cli_parse(&c, argc, argv);
	if (rc != 0 && rc != -1 && rc != 1 && rc != 2)
		fuzz_fail("exit status %d", rc);
	if (rc == 0) {
		if (!c.cmd)
			fuzz_fail("no command");
		if (c.npos < 0 || c.npos > argc || c.ngiven < 0 || c.ngiven > argc)
			fuzz_fail("%d positionals, %d options of %d words", c.npos, c.ngiven, argc);
		for (int i = 0; i < c.npos; i++)
			if (!c.pos[i])
				fuzz_fail("positional %d is NULL", i);
	}
	cli_done(&c);
	free(buf);
	return 0;
}
