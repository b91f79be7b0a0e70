/* cli.h - the command line of SPEC §5: `copse [--db PATH] [COMMAND [ARGS]]`.
 *
 * cli_main parses argv GNU-style (options anywhere, --opt=value and
 * --opt value, "--" ends options), opens the database and runs one
 * command through the store's verbs, or opens the full-screen app
 * (app_run) when no command is given.  It prints results on stdout and
 * one-line "copse: ..." errors on stderr, and returns the exit status:
 * 0 success, 1 failure, 2 usage error.  Without --db the database is
 * $COPSE_DB, else $XDG_DATA_HOME/copse/copse.db, else
 * ~/.local/share/copse/copse.db.
 */
#ifndef COPSE_CLI_H
#define COPSE_CLI_H

int cli_main(int argc, char **argv);

#endif
