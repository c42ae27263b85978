#!/usr/bin/env python3
"""Item-kNN peer for RecsTrainBenchmark: the same similarity as Shopcast's ItemKnnModel with scipy.

Reads the prepared rows (user,session,item,type,ts; type 0 view, 1 favourite, 2 cart, 3 purchase),
builds the session x item matrix whose entry is the strongest behaviour weight (1, 2, 3, 4), and
computes sim(i, j) = dot(i, j) / (sqrt(|i|^2 + lambda) sqrt(|j|^2 + lambda)) for all co-occurring
pairs with one sparse product X^T X (scipy), then keeps the 100 most similar items per item
(numpy argpartition per row). Prints one JSON line: loadSeconds, fitSeconds, items, pairs.

Usage: python3 iknn_scipy.py ROWS.csv [--neighbours 100] [--lambda 20]
Needs Debian python3-pandas and python3-scipy.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows")
    parser.add_argument("--neighbours", type=int, default=100)
    parser.add_argument("--lambda", dest="lam", type=float, default=20.0)
    args = parser.parse_args()
    t0 = time.perf_counter()
    df = pd.read_csv(
        args.rows,
        usecols=["session", "item", "type"],
        dtype={"session": np.int32, "item": np.int32, "type": np.int8},
    )
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    weights = np.array([1.0, 2.0, 3.0, 4.0])
    df["w"] = weights[df["type"].to_numpy()]
    cells = df.groupby(["session", "item"], sort=False)["w"].max().reset_index()
    sessions = int(df["session"].max()) + 1
    items = int(df["item"].max()) + 1
    x = sp.csr_matrix(
        (cells["w"].to_numpy(), (cells["session"].to_numpy(), cells["item"].to_numpy())),
        shape=(sessions, items),
    )
    norm = np.asarray(x.multiply(x).sum(axis=0)).ravel()
    scale = 1.0 / np.sqrt(norm + args.lam)
    g = (x.T @ x).tocsr()
    g.setdiag(0)
    g.eliminate_zeros()
    g = sp.diags(scale) @ g @ sp.diags(scale)
    g = g.tocsr()
    k = args.neighbours
    pairs = 0
    indptr, data = g.indptr, g.data
    for i in range(items):
        s, e = indptr[i], indptr[i + 1]
        if e - s > k:
            best = np.argpartition(-data[s:e], k)[:k]
            best = best[np.argsort(-data[s:e][best])]
        else:
            best = np.argsort(-data[s:e])
        pairs += len(best)
    fit = time.perf_counter() - t1
    print(json.dumps({"loadSeconds": load, "fitSeconds": fit, "items": items, "pairs": pairs}))


if __name__ == "__main__":
    main()
