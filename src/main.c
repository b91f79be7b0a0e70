/* main.c - copse: a community of practice in one SQLite file. */
#include <locale.h>

#include "copse/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
