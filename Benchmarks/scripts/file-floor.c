// The file-system floor of a batch run: what the kernel charges for reading every input of a
// folder and writing OUTPUTS files per input the way `precis run` does (a temporary file in
// the mirrored output folder, written in one piece, closed, renamed), with no text work.
//
//   cc -O2 -o file-floor file-floor.c
//   file-floor INPUT_DIR OUTPUT_DIR OUTPUTS [REPEATS]
//
// Each output holds as many bytes as its input. OUTPUT_DIR gets a new subfolder per repeat
// (never one just emptied: ext4 then searches recently deleted inodes on every create).
// Prints files, MB, and user and system CPU seconds of the median repeat (by CPU), and
// MB of input per CPU-second, the unit icu_limit uses.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *input_root;
static char output_root[4096];
static int outputs_per_file;
static long files_seen, bytes_seen;
static char *buffer;
static size_t buffer_size = 1 << 20;

static double cpu_seconds(double *user, double *system) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  *system = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return *user + *system;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *walk) {
  (void)walk;
  char mirror[4096];
  snprintf(mirror, sizeof mirror, "%s%s", output_root, path + strlen(input_root));
  if (type == FTW_D) {
    if (mkdir(mirror, 0755) != 0 && errno != EEXIST) { perror(mirror); exit(1); }
    return 0;
  }
  if (type != FTW_F || strstr(path, "/.") != NULL) return 0;
  if ((size_t)info->st_size + 1 > buffer_size) {
    buffer_size = (size_t)info->st_size + 1;
    buffer = realloc(buffer, buffer_size);
  }
  int in = open(path, O_RDONLY | O_CLOEXEC);
  if (in < 0) { perror(path); exit(1); }
  ssize_t length = read(in, buffer, buffer_size);
  close(in);
  if (length < 0) { perror(path); exit(1); }
  files_seen += 1;
  bytes_seen += length;
  for (int k = 0; k < outputs_per_file; k++) {
    char temporary[4200], final[4200];
    snprintf(temporary, sizeof temporary, "%s.%d.tmp-%d", mirror, k, (int)getpid());
    snprintf(final, sizeof final, "%s.%d.out", mirror, k);
    int out = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0 || write(out, buffer, (size_t)length) != length || close(out) != 0 || rename(temporary, final) != 0) {
      perror(temporary);
      exit(1);
    }
  }
  return 0;
}

static int by_total(const void *a, const void *b) {
  const double *x = a, *y = b;
  return (x[0] + x[1] > y[0] + y[1]) - (x[0] + x[1] < y[0] + y[1]);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: file-floor INPUT_DIR OUTPUT_DIR OUTPUTS [REPEATS]\n");
    return 64;
  }
  input_root = argv[1];
  outputs_per_file = atoi(argv[3]);
  int repeats = argc > 4 ? atoi(argv[4]) : 3;
  if (repeats < 1 || repeats > 99 || outputs_per_file < 0) { fprintf(stderr, "file-floor: bad OUTPUTS or REPEATS\n"); return 64; }
  buffer = malloc(buffer_size);
  double runs[99][2];
  for (int r = 0; r < repeats; r++) {
    snprintf(output_root, sizeof output_root, "%s/floor-%d-%d", argv[2], (int)getpid(), r);
    files_seen = bytes_seen = 0;
    double u0, s0, u1, s1;
    cpu_seconds(&u0, &s0);
    if (nftw(input_root, visit, 64, FTW_PHYS) != 0) { perror(input_root); return 1; }
    cpu_seconds(&u1, &s1);
    runs[r][0] = u1 - u0;
    runs[r][1] = s1 - s0;
  }
  qsort(runs, (size_t)repeats, sizeof runs[0], by_total);
  double *median = runs[(repeats - 1) / 2];
  printf("files %ld MB %.1f outputs-per-file %d user %.2f system %.2f MB-per-CPU-second %.1f\n", files_seen,
         bytes_seen / 1e6, outputs_per_file, median[0], median[1], bytes_seen / 1e6 / (median[0] + median[1]));
  return 0;
}
