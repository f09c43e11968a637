#!/usr/bin/env python3
"""Stdlib peer: character n-gram multinomial naive Bayes that classifies words by language.

Features: every character n-gram, n = 1 to 4, of the word wrapped in boundary markers "<word>"
(so "<ab" and "b>" mark prefixes and suffixes), counted. Multinomial naive Bayes with additive
(Laplace/Lidstone) smoothing alpha = 0.1 over the training vocabulary of n-grams, class priors from
the training label frequencies. N-grams never seen in training are ignored at prediction time.

Usage: python3 bench/peers/char_nb.py TRAIN.csv TEST.csv [ALPHA]
CSV: header `text,label`, UTF-8. Prints one JSON line on stdout. Python 3 standard library only.
"""
import csv
import json
import math
import sys
import time
from collections import Counter

MIN_N, MAX_N = 1, 4
ALPHA = 0.1
BOS, EOS = "<", ">"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


def ngrams(word):
    s = BOS + word + EOS
    return [s[i:i + n] for n in range(MIN_N, MAX_N + 1) for i in range(len(s) - n + 1)]


def macro_f1(truth, pred):
    """Unweighted mean of per-class F1 over the classes present in the true labels."""
    per_class = {}
    for c in sorted(set(truth)):
        tp = sum(1 for t, p in zip(truth, pred) if t == c and p == c)
        fp = sum(1 for t, p in zip(truth, pred) if t != c and p == c)
        fn = sum(1 for t, p in zip(truth, pred) if t == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per_class[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per_class.values()) / len(per_class), per_class


class CharNB:
    def __init__(self, alpha=ALPHA):
        self.alpha = alpha

    def fit(self, words, labels):
        self.classes = sorted(set(labels))
        counts = {c: Counter() for c in self.classes}
        for w, y in zip(words, labels):
            counts[y].update(ngrams(w))
        vocab = set()
        for c in self.classes:
            vocab.update(counts[c])
        self.vocab = vocab
        n = len(labels)
        label_counts = Counter(labels)
        self.log_prior = {c: math.log(label_counts[c] / n) for c in self.classes}
        self.log_prob = {}
        self.log_unseen = {}  # log probability of an n-gram in the vocabulary but not seen with c
        for c in self.classes:
            denom = sum(counts[c].values()) + self.alpha * len(vocab)
            self.log_prob[c] = {g: math.log((k + self.alpha) / denom) for g, k in counts[c].items()}
            self.log_unseen[c] = math.log(self.alpha / denom)
        return self

    def predict_one(self, word):
        grams = [g for g in ngrams(word) if g in self.vocab]
        best, best_score = None, -math.inf
        for c in self.classes:
            lp, unseen = self.log_prob[c], self.log_unseen[c]
            score = self.log_prior[c] + sum(lp.get(g, unseen) for g in grams)
            if score > best_score:
                best, best_score = c, score
        return best

    def predict(self, words):
        return [self.predict_one(w) for w in words]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    alpha = float(argv[2]) if len(argv) > 2 else ALPHA
    train_words, train_labels = read_csv(argv[0])
    test_words, test_labels = read_csv(argv[1])

    t0 = time.perf_counter()
    model = CharNB(alpha).fit(train_words, train_labels)
    train_seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    pred = model.predict(test_words)
    predict_seconds = time.perf_counter() - t1

    accuracy = sum(1 for t, p in zip(test_labels, pred) if t == p) / len(test_labels)
    f1, per_class = macro_f1(test_labels, pred)
    print("per-class F1: " + ", ".join(f"{c} {v:.3f}" for c, v in per_class.items()), file=sys.stderr)
    print(json.dumps({
        "peer": "char_nb",
        "accuracy": round(accuracy, 4),
        "macro_f1": round(f1, 4),
        "train_seconds": round(train_seconds, 3),
        "seconds_per_epoch": None,
        "alpha": alpha,
        "ngrams": [MIN_N, MAX_N],
        "vocabulary": len(model.vocab),
        "train_size": len(train_words),
        "test_size": len(test_words),
        "predict_seconds": round(predict_seconds, 3),
        "classes": len(model.classes),
        "labels": model.classes,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
