// The floor of `split` with detection: the library work that Precis's design asks of every
// file, and nothing of Precis's own. Per file:
//
//   read      open, read, close (into one reused buffer)
//   decode    UTF-8 to UTF-16 (u_strFromUTF8WithSub), as ICU's break iterators read UTF-16
//   nfc       NFC quick check, normalizing only what it does not accept
//   detect    one CLD2 call on the first 256 bytes (Precis's smallest sample), as plain text
//   sentences ICU's sentence breaks for the file's locale, every boundary visited
//   thai      ICU's dictionary word breaks, for Thai files only (Thai sentences are found at
//             spaces from them), every boundary visited
//
// Files named `xx_…` use locale `xx`, as icu-limit does. This is a lower bound: Precis reads
// more of a long text for CLD2, and its rules, paragraphs, quotations and segment ids come on
// top. The rates are MB (10^6 bytes of UTF-8 input) per CPU-second of the thread.
//
//   c++ -O2 -o split-floor split-floor.cc $(pkg-config --cflags --libs icu-uc icu-i18n) -lcld2
//   split-floor [-r REPEATS] FOLDER
//
// Prints the median rate of the whole pass over REPEATS (default 5) in icu-limit's layout (op,
// MB/s, min, max), then one more pass with each step timed apart (the clock calls add a
// little), in milliseconds per MB.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

namespace {

[[noreturn]] void fail(const std::string &message) {
  std::fprintf(stderr, "split-floor: %s\n", message.c_str());
  std::exit(1);
}

void check(UErrorCode status, const char *what) {
  if (U_FAILURE(status)) fail(std::string(what) + ": " + u_errorName(status));
}

double cpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

struct Input {
  std::string path;
  std::string locale;
  bool thai;
};

// The steps, in the order a pass takes them.
enum Step { readStep, decodeStep, nfcStep, detectStep, sentenceStep, thaiStep, stepCount };
const char *stepNames[stepCount] = {"read", "decode", "nfc", "detect", "sentences", "thai"};

class Floor {
 public:
  explicit Floor(std::vector<Input> inputs) : inputs_(std::move(inputs)) {
    UErrorCode status = U_ZERO_ERROR;
    nfc_ = unorm2_getNFCInstance(&status);
    check(status, "unorm2_getNFCInstance");
    for (const Input &input : inputs_) {
      if (sentenceIterators_.count(input.locale)) continue;
      status = U_ZERO_ERROR;
      sentenceIterators_[input.locale] =
          ubrk_open(UBRK_SENTENCE, input.locale.c_str(), nullptr, 0, &status);
      check(status, "ubrk_open(sentence)");
    }
    status = U_ZERO_ERROR;
    thaiWords_ = ubrk_open(UBRK_WORD, "th", nullptr, 0, &status);
    check(status, "ubrk_open(word)");
  }

  // One pass over every file; with `steps`, each step's CPU time is added to it.
  long pass(double *steps) {
    long boundaries = 0;
    for (const Input &input : inputs_) {
      double t = steps ? cpuSeconds() : 0;
      auto lap = [&](Step step) {
        if (!steps) return;
        const double now = cpuSeconds();
        steps[step] += now - t;
        t = now;
      };
      const size_t n = readFile(input.path);
      lap(readStep);
      int32_t length16 = decode(n);
      lap(decodeStep);
      length16 = normalize(length16);
      lap(nfcStep);
      detect(n);
      lap(detectStep);
      boundaries += visit(sentenceIterators_[input.locale], length16);
      lap(sentenceStep);
      if (input.thai) boundaries += visit(thaiWords_, length16);
      lap(thaiStep);
    }
    return boundaries;
  }

  double megabytes() const {
    double bytes = 0;
    for (const Input &input : inputs_) bytes += double(std::filesystem::file_size(input.path));
    return bytes / 1e6;
  }

 private:
  size_t readFile(const std::string &path) {
    const int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0) fail("cannot open " + path);
    size_t n = 0;
    while (true) {
      if (bytes_.size() < n + 65536) bytes_.resize(2 * (n + 65536));
      const ssize_t got = ::read(fd, bytes_.data() + n, bytes_.size() - n);
      if (got < 0) fail("cannot read " + path);
      if (got == 0) break;
      n += size_t(got);
    }
    close(fd);
    return n;
  }

  int32_t decode(size_t n) {
    if (utf16_.size() < n + 1) utf16_.resize(n + 1);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length16 = 0;
    u_strFromUTF8WithSub(utf16_.data(), int32_t(utf16_.size()), &length16, reinterpret_cast<const char *>(bytes_.data()),
                         int32_t(n), 0xFFFD, nullptr, &status);
    check(status, "u_strFromUTF8WithSub");
    return length16;
  }

  // The text in NFC, in utf16_: unchanged when the quick check accepts all of it.
  int32_t normalize(int32_t length16) {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t yes = unorm2_spanQuickCheckYes(nfc_, utf16_.data(), length16, &status);
    check(status, "unorm2_spanQuickCheckYes");
    if (yes == length16) return length16;
    if (normalized_.size() < size_t(2 * length16 + 16)) normalized_.resize(2 * length16 + 16);
    std::copy(utf16_.begin(), utf16_.begin() + yes, normalized_.begin());
    const int32_t total = unorm2_normalizeSecondAndAppend(
        nfc_, normalized_.data(), yes, int32_t(normalized_.size()), utf16_.data() + yes,
        length16 - yes, &status);
    check(status, "unorm2_normalizeSecondAndAppend");
    utf16_.swap(normalized_);
    return total;
  }

  // CLD2 on the first 256 bytes, cut at a character start, then spaces (CLD2 reads a little
  // past the end of its text).
  void detect(size_t n) {
    size_t count = std::min<size_t>(n, 256);
    while (count > 0 && count < n && (bytes_[count] & 0xC0) == 0x80) count--;
    sample_.assign(bytes_.begin(), bytes_.begin() + count);
    sample_.resize(count + 32, ' ');
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int textBytes = 0;
    bool reliable = false;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    const CLD2::Language language = CLD2::ExtDetectLanguageSummary(
        reinterpret_cast<const char *>(sample_.data()), int(count), true, &hints, 0, languages,
        percents, scores, nullptr, &textBytes, &reliable);
    detected_ += language;
  }

  long visit(UBreakIterator *iterator, int32_t length16) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(iterator, utf16_.data(), length16, &status);
    check(status, "ubrk_setText");
    long count = 0;
    for (int32_t b = ubrk_first(iterator); b != UBRK_DONE; b = ubrk_next(iterator)) count++;
    return count;
  }

  std::vector<Input> inputs_;
  std::vector<unsigned char> bytes_;
  std::vector<UChar> utf16_, normalized_;
  std::vector<unsigned char> sample_;
  const UNormalizer2 *nfc_ = nullptr;
  std::map<std::string, UBreakIterator *> sentenceIterators_;
  UBreakIterator *thaiWords_ = nullptr;
  long detected_ = 0;
};

}  // namespace

int main(int argc, char **argv) {
  int repeats = 5;
  int arg = 1;
  if (arg + 1 < argc && std::strcmp(argv[arg], "-r") == 0) {
    repeats = std::max(1, std::atoi(argv[arg + 1]));
    arg += 2;
  }
  if (arg >= argc) fail("usage: split-floor [-r REPEATS] FOLDER");
  std::vector<Input> inputs;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(argv[arg])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    const std::string name = entry.path().filename().string();
    const size_t underscore = name.find('_');
    const std::string locale =
        underscore != std::string::npos && underscore <= 3 ? name.substr(0, underscore) : "en";
    inputs.push_back({entry.path().string(), locale, locale == "th"});
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input &a, const Input &b) { return a.path < b.path; });
  if (inputs.empty()) fail(std::string("no .txt files in ") + argv[arg]);
  const size_t count = inputs.size();
  // CLD2 allocates and frees some 170 KB of scoring buffers per call. Kept in the heap, not
  // given back to the system after every call, they cost nothing but CLD2's own work.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  Floor floor(std::move(inputs));
  const double mb = floor.megabytes();
  floor.pass(nullptr);  // page cache and ICU's data warm
  std::vector<double> rates;
  for (int r = 0; r < repeats; r++) {
    const double start = cpuSeconds();
    floor.pass(nullptr);
    rates.push_back(mb / (cpuSeconds() - start));
  }
  std::sort(rates.begin(), rates.end());
  std::printf("split-floor: %.2f MB, %zu files, %d repeats\n", mb, count, repeats);
  std::printf("%-12s %8s %8s %8s\n", "op", "MB/s", "min", "max");
  std::printf("%-12s %8.1f %8.1f %8.1f\n", "floor", rates[rates.size() / 2], rates.front(),
              rates.back());
  double steps[stepCount] = {};
  floor.pass(steps);
  std::printf("steps in ms per MB:");
  for (int s = 0; s < stepCount; s++) std::printf(" %s %.2f", stepNames[s], 1000 * steps[s] / mb);
  std::printf("\n");
  return 0;
}
