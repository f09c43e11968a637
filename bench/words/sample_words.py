#!/usr/bin/env python3
"""Builds the word/language data sets for the character-level language classifier.

Reads Debian's word lists under /usr/share/dict (packages wamerican, wfrench, wngerman, witalian,
wspanish, wportuguese, wdutch, wpolish, wnorwegian, wswedish, wdanish, wcatalan, wirish), keeps the
usable words (rules below), drops every word found in more than one language's list, and draws a
deterministic sample per language with random.Random(20261127).

Writes (paths relative to the repository root, two folders above this file):
  src/test/resources/words/small-train.csv, small-test.csv   6 languages, 150 + 50 words each
  bench/words/words-train.csv, words-test.csv                 13 languages, 1,500 + 300 words each,
                                                              english/german/french 3,000 train
Header `text,label`, UTF-8, LF line ends, no quoting (no word holds a comma or a quote).

Filtering, per entry (one line of a list):
  1. decode as UTF-8, or as ISO-8859-1 where the file is not valid UTF-8 (bokmaal, swedish);
  2. cut an ispell affix-flag tail "/..." (the Irish list has entries like "agallainn/E");
  3. drop entries with two or more capital letters (acronyms and brand names: ABC, ACLs, AkzoNobel);
  4. Unicode NFC, lower case, NFC again;
  5. keep only entries made of letters (str.isalpha), except the Catalan middle dot in "l·l";
     this drops apostrophes and possessives ('s), digits, spaces, hyphens, dots and slashes;
  6. keep 3 to 20 characters (code points after NFC);
  7. drop a word that survives steps 1-6 in more than one language's list (ambiguous).

Stdlib only. Running it twice writes byte-identical files.
Usage: python3 bench/words/sample_words.py [--dict-dir /usr/share/dict]
"""
import os
import random
import sys
import unicodedata

SEED = 20261127

# label -> file under the dict dir (Norwegian: Bokmål, the list /usr/share/dict/norsk points to)
LISTS = [
    ("english", "american-english"),
    ("french", "french"),
    ("german", "ngerman"),
    ("italian", "italian"),
    ("spanish", "spanish"),
    ("portuguese", "portuguese"),
    ("dutch", "dutch"),
    ("polish", "polish"),
    ("norwegian", "bokmaal"),
    ("swedish", "swedish"),
    ("danish", "danish"),
    ("catalan", "catalan"),
    ("irish", "irish"),
]

SMALL_LANGS = ["english", "french", "german", "italian", "polish", "spanish"]
SMALL_TRAIN, SMALL_TEST = 150, 50
BENCH_TRAIN, BENCH_TEST = 1500, 300
BENCH_TRAIN_DOUBLE = {"english", "german", "french"}  # 2x train words: exercises class weights

MIN_LEN, MAX_LEN = 3, 20
MIDDLE_DOT = "\u00b7"


def read_lines(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("iso-8859-1")
    return text.splitlines()


def normalise(entry):
    """Returns the usable word for one list entry, or None."""
    entry = entry.strip()
    if "/" in entry:
        entry = entry.split("/", 1)[0]
    if sum(1 for ch in entry if ch.isupper()) >= 2:
        return None
    word = unicodedata.normalize("NFC", unicodedata.normalize("NFC", entry).lower())
    if not (MIN_LEN <= len(word) <= MAX_LEN):
        return None
    for i, ch in enumerate(word):
        if ch.isalpha():
            continue
        # Catalan ela geminada: l·l
        if ch == MIDDLE_DOT and 0 < i < len(word) - 1 and word[i - 1] == "l" and word[i + 1] == "l":
            continue
        return None
    return word


def usable_words(dict_dir):
    per_lang = {}
    raw = {}
    for label, fname in LISTS:
        lines = read_lines(os.path.join(dict_dir, fname))
        raw[label] = len(lines)
        words = set()
        for line in lines:
            w = normalise(line)
            if w is not None:
                words.add(w)
        per_lang[label] = words
    seen_in = {}
    for label, words in per_lang.items():
        for w in words:
            seen_in[w] = seen_in.get(w, 0) + 1
    result = {}
    for label, words in per_lang.items():
        clean = sorted(w for w in words if seen_in[w] == 1)
        result[label] = (raw[label], len(words), clean)
    return result


def split(n_avail, n_train, n_test):
    """Train and test sizes; when fewer words exist than asked, keeps the asked proportion."""
    if n_avail >= n_train + n_test:
        return n_train, n_test
    test = round(n_avail * n_test / (n_train + n_test))
    return n_avail - test, test


def write_csv(path, rows):
    for text, label in rows:
        assert text and all(c not in text for c in ',"\r\n'), repr(text)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("text,label\n")
        for text, label in rows:
            f.write(f"{text},{label}\n")


def main(argv):
    dict_dir = "/usr/share/dict"
    if len(argv) >= 2 and argv[0] == "--dict-dir":
        dict_dir = argv[1]
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    langs = usable_words(dict_dir)
    rng = random.Random(SEED)

    bench_train, bench_test, small_train, small_test = [], [], [], []
    print(f"{'label':<11} {'list':>9} {'usable':>8} {'unique':>8} {'train':>6} {'test':>5}"
          f" {'small-train':>11} {'small-test':>10}")
    for label, _ in LISTS:
        n_raw, n_usable, words = langs[label]
        want_train = BENCH_TRAIN * (2 if label in BENCH_TRAIN_DOUBLE else 1)
        n_train, n_test = split(len(words), want_train, BENCH_TEST)
        drawn = rng.sample(words, n_train + n_test)
        train, test = drawn[:n_train], drawn[n_train:]
        bench_train += [(w, label) for w in train]
        bench_test += [(w, label) for w in test]
        s_train = s_test = 0
        if label in SMALL_LANGS:
            # the small set is a subset of the benchmark set: its train words from the benchmark's
            # train words, its test words from the benchmark's test words, so both stay disjoint
            assert n_train >= SMALL_TRAIN and n_test >= SMALL_TEST, label
            small_train += [(w, label) for w in train[:SMALL_TRAIN]]
            small_test += [(w, label) for w in test[:SMALL_TEST]]
            s_train, s_test = SMALL_TRAIN, SMALL_TEST
        note = "" if n_train == want_train and n_test == BENCH_TEST else "  (fewer usable words than asked)"
        print(f"{label:<11} {n_raw:>9} {n_usable:>8} {len(words):>8} {n_train:>6} {n_test:>5}"
              f" {s_train:>11} {s_test:>10}{note}")

    for rows in (bench_train, bench_test, small_train, small_test):
        rng.shuffle(rows)
    assert not {w for w, _ in bench_train} & {w for w, _ in bench_test}
    assert not {w for w, _ in small_train} & {w for w, _ in small_test}

    outputs = [
        (os.path.join(root, "src/test/resources/words/small-train.csv"), small_train),
        (os.path.join(root, "src/test/resources/words/small-test.csv"), small_test),
        (os.path.join(root, "bench/words/words-train.csv"), bench_train),
        (os.path.join(root, "bench/words/words-test.csv"), bench_test),
    ]
    for path, rows in outputs:
        write_csv(path, rows)
        print(f"wrote {os.path.relpath(path, root)}: {len(rows)} rows, {os.path.getsize(path)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
