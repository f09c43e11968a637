#!/usr/bin/python3
"""PyTorch peer: a character-level LSTM that classifies words by language.

The approach of PyTorch's "classifying names with a character-level RNN" tutorial, written the way a
user would today: batches of padded character indices, nn.Embedding -> nn.LSTM over a packed sequence
(true lengths) -> linear head on the last hidden state, class-weighted cross-entropy, Adam, early
stopping on a stratified validation split.

Usage: /usr/bin/python3 bench/peers/char_lstm.py TRAIN.csv TEST.csv [EPOCHS] [HIDDEN]
       (or EPOCHS=.. HIDDEN=.. in the environment; argv wins; defaults 20 and 128)
CSV: header `text,label`, UTF-8. Prints one JSON line on stdout; progress goes to stderr.
Runs with Debian's python3-torch 1.13 (apt-get install -y python3-torch), one intra-op thread.
"""
import csv
import json
import os
import random
import sys
import time

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

SEED = 7
EMBED = 32
LR = 0.005
BATCH = 64
VAL_FRACTION = 0.1
PATIENCE = 3
PAD, UNK = 0, 1


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


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


def stratified_split(labels, fraction, rng):
    """Indices (train, validation): `fraction` of each class, at least one word, goes to validation."""
    by_class = {}
    for i, y in enumerate(labels):
        by_class.setdefault(y, []).append(i)
    train, val = [], []
    for y in sorted(by_class):
        idx = by_class[y][:]
        rng.shuffle(idx)
        n_val = max(1, round(len(idx) * fraction)) if len(idx) > 1 else 0
        val += idx[:n_val]
        train += idx[n_val:]
    return sorted(train), sorted(val)


class CharLSTM(nn.Module):
    def __init__(self, vocab, hidden, classes):
        super().__init__()
        self.embed = nn.Embedding(vocab, EMBED, padding_idx=PAD)
        self.lstm = nn.LSTM(EMBED, hidden, batch_first=True)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x, lengths):
        packed = pack_padded_sequence(self.embed(x), lengths, batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return self.head(h_n[-1])


def encode(words, vocab):
    seqs = [torch.tensor([vocab.get(ch, UNK) for ch in w], dtype=torch.long) for w in words]
    lengths = torch.tensor([len(s) for s in seqs], dtype=torch.long)
    return seqs, lengths


def batch(seqs, lengths, idx):
    return pad_sequence([seqs[i] for i in idx], batch_first=True, padding_value=PAD), lengths[idx]


def predict(model, seqs, lengths, size=512):
    model.eval()
    out = []
    with torch.no_grad():
        for s in range(0, len(seqs), size):
            idx = torch.arange(s, min(s + size, len(seqs)))
            x, ln = batch(seqs, lengths, idx)
            out.append(model(x, ln))
    return torch.cat(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    epochs = int(argv[2]) if len(argv) > 2 else int(os.environ.get("EPOCHS", "20"))
    hidden = int(argv[3]) if len(argv) > 3 else int(os.environ.get("HIDDEN", "128"))
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)

    train_words, train_labels = read_csv(argv[0])
    test_words, test_labels = read_csv(argv[1])
    classes = sorted(set(train_labels))
    cls_index = {c: i for i, c in enumerate(classes)}
    chars = sorted({ch for w in train_words for ch in w})
    vocab = {ch: i + 2 for i, ch in enumerate(chars)}  # 0 padding, 1 unknown

    t0 = time.perf_counter()
    tr_idx, va_idx = stratified_split(train_labels, VAL_FRACTION, rng)
    seqs, lengths = encode(train_words, vocab)
    y_all = torch.tensor([cls_index[y] for y in train_labels], dtype=torch.long)
    tr_seqs, tr_len, tr_y = [seqs[i] for i in tr_idx], lengths[tr_idx], y_all[tr_idx]
    va_seqs, va_len, va_y = [seqs[i] for i in va_idx], lengths[va_idx], y_all[va_idx]

    # inverse class frequency on the fitted part, normalised to mean 1
    counts = torch.bincount(tr_y, minlength=len(classes)).double()
    inv = 1.0 / counts.clamp(min=1)
    weights = (inv / inv.mean()).float()

    model = CharLSTM(len(vocab) + 2, hidden, len(classes))
    loss_fn = nn.CrossEntropyLoss(weight=weights)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    gen = torch.Generator().manual_seed(SEED)

    best_loss, best_epoch, best_state, bad, epochs_run = float("inf"), 0, None, 0, 0
    for epoch in range(1, epochs + 1):
        model.train()
        perm = torch.randperm(len(tr_seqs), generator=gen)
        total = 0.0
        for s in range(0, len(perm), BATCH):
            idx = perm[s:s + BATCH]
            x, ln = batch(tr_seqs, tr_len, idx)
            opt.zero_grad()
            loss = loss_fn(model(x, ln), tr_y[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        epochs_run = epoch
        if len(va_seqs):
            with torch.no_grad():
                logits = predict(model, va_seqs, va_len)
                val_loss = loss_fn(logits, va_y).item()
                val_acc = (logits.argmax(1) == va_y).float().mean().item()
        else:
            val_loss, val_acc = total / len(perm), float("nan")
        print(f"epoch {epoch}: train loss {total / len(perm):.4f}, val loss {val_loss:.4f}, "
              f"val acc {val_acc:.4f}, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        if val_loss < best_loss:
            best_loss, best_epoch, bad = val_loss, epoch, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
            if bad >= PATIENCE:
                break
    model.load_state_dict(best_state)
    train_seconds = time.perf_counter() - t0

    t1 = time.perf_counter()
    te_seqs, te_len = encode(test_words, vocab)
    pred_idx = predict(model, te_seqs, te_len).argmax(1).tolist()
    predict_seconds = time.perf_counter() - t1
    pred = [classes[i] for i in pred_idx]
    accuracy = sum(1 for t, p in zip(test_labels, pred) if t == p) / len(test_labels)
    f1, per_class = macro_f1(test_labels, pred)
    print("per-class F1: " + ", ".join(f"{c} {v:.3f}" for c, v in per_class.items()), file=sys.stderr)
    print(json.dumps({
        "peer": "char_lstm",
        "accuracy": round(accuracy, 4),
        "macro_f1": round(f1, 4),
        "train_seconds": round(train_seconds, 2),
        "seconds_per_epoch": round(train_seconds / epochs_run, 3),
        "epochs_run": epochs_run,
        "best_epoch": best_epoch,
        "hidden": hidden,
        "train_size": len(train_words),
        "test_size": len(test_words),
        "predict_seconds": round(predict_seconds, 3),
        "classes": len(classes),
        "labels": classes,
        "torch": torch.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
