/*
 * floor.c - the floor of the benchmark (tests/bench/run, variant "floor"):
 * read JSON Lines and cJSON_Parse + cJSON_Delete each line, nothing else.
 *
 * Every case nmsrules evaluates is read and parsed with cJSON first, so no
 * ruleset can go faster than this; the targets are fractions of it.
 * It is the one program besides core/input/case_json.c that includes cJSON: it
 * measures cJSON itself.
 *
 *   floor [--repeat K] [FILE]   parse every line of FILE (or stdin), K
 *                               times over (a file only; default 1) so
 *                               that a run lasts long enough to time;
 *                               prints "<lines> lines, <bad> not valid
 *                               JSON" on stderr
 *   floor --version             prints the cJSON version
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

/* Reads every line of `fp` and parses it; returns 0, or 1 on a read error. */
static int parse_lines(FILE *fp, unsigned long *lines, unsigned long *bad)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;

    while ((len = getline(&line, &cap, fp)) != -1) {
        cJSON *doc;

        if (len <= 1)
            continue; /* a blank line is no record */
        doc = cJSON_Parse(line);
        if (!doc)
            (*bad)++;
        cJSON_Delete(doc);
        (*lines)++;
    }
    if (ferror(fp))
        rc = 1;
    free(line);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned long lines = 0, bad = 0, repeat = 1, k;
    const char *file = "-";
    FILE *fp = stdin;
    int i, rc = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--version") == 0) {
            printf("cJSON %s\n", cJSON_Version());
            return 0;
        } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = strtoul(argv[++i], NULL, 10);
        } else {
            file = argv[i];
        }
    }
    if (strcmp(file, "-") != 0 && !(fp = fopen(file, "rb"))) {
        perror(file);
        return 2;
    }
    if (repeat == 0 || (fp == stdin && repeat > 1)) {
        fputs("floor: --repeat needs a count of 1 or more, and a file\n",
              stderr);
        return 2;
    }
    for (k = 0; k < repeat && rc == 0; k++) {
        rewind(fp); /* harmless on the first pass, even for stdin */
        rc = parse_lines(fp, &lines, &bad);
    }
    if (fp != stdin)
        fclose(fp);
    if (rc != 0) {
        perror("floor: read error");
        return 2;
    }
    fprintf(stderr, "%lu lines, %lu not valid JSON\n", lines, bad);
    return 0;
}
