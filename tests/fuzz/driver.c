/* Runs a fuzz target over every file named on the command line, or in the
 * directories named there, so the corpus doubles as a regression test
 * under the sanitizers without the fuzzing runtime. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int driver_run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			uint8_t *p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				fprintf(stderr, "%s: out of memory\n", path);
				return -1;
			}
			buf = p;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		free(buf);
		fprintf(stderr, "%s: read error\n", path);
		return -1;
	}
	/* An exact-size buffer, as the fuzzer would hand over. */
	uint8_t *exact = malloc(len ? len : 1);
	if (exact) {
		memcpy(exact, buf, len);
		LLVMFuzzerTestOneInput(exact, len);
	}
	free(exact);
	free(buf);
	return exact ? 0 : -1;
}

/* Files in a directory, in name order so runs are repeatable. */
static int driver_run_dir(const char *dir, int *count)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, ents[i]->d_name);
		struct stat st;
		bool input = ents[i]->d_name[0] != '.' &&
			     stat(path, &st) == 0 && S_ISREG(st.st_mode);
		if (input && driver_run_file(path) < 0)
			rc = -1;
		else if (input)
			(*count)++;
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int main(int argc, char **argv)
{
	int count = 0, rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc |= driver_run_dir(argv[i], &count);
		else if (driver_run_file(argv[i]) < 0)
			rc = -1;
		else
			count++;
	}
	if (count == 0) {
		fprintf(stderr, "fuzz driver: no inputs\n");
		return 1;
	}
	printf("fuzz corpus: %d inputs ran%s\n", count,
	       rc ? ", some could not be read" : "");
	return rc ? 1 : 0;
}
