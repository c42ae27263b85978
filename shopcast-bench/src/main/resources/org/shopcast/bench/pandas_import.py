#!/usr/bin/env python3
"""Peer of `shopcast import --format taobao` for the import benchmark (shopcast-bench).

Does the same work in pandas (Debian python3-pandas): parse the headerless Taobao UserBehavior
CSV (user_id,item_id,category_id,behavior,timestamp) with ids as text, map the behaviour to the
event type, reject rows with a missing id, an unknown behaviour or a time outside the published
window, drop exact duplicates, derive sessions by a 30-minute inactivity gap, and print the counts
as one JSON object. Nothing is stored.

Usage: /usr/bin/python3 pandas_import.py FILE.csv
"""
import json
import sys

import pandas as pd

WINDOW_FROM = 1511539200  # 2017-11-25 00:00 China time
WINDOW_TO = 1512316800  # 2017-12-04 00:00 China time (exclusive)
GAP_SECONDS = 30 * 60
TYPES = {"pv": "VIEW", "cart": "CART_ADD", "fav": "FAVORITE", "buy": "PURCHASE"}


def main(path):
    df = pd.read_csv(
        path,
        header=None,
        names=["user_id", "item_id", "category_id", "behavior", "ts"],
        dtype={"user_id": str, "item_id": str, "category_id": str, "behavior": str},
        engine="c",
    )
    read = len(df)
    df["ts"] = pd.to_numeric(df["ts"], errors="coerce")
    df["type"] = df["behavior"].map(TYPES)
    valid = (
        df["user_id"].notna()
        & df["item_id"].notna()
        & df["ts"].notna()
        & (df["ts"] >= WINDOW_FROM)
        & (df["ts"] < WINDOW_TO)
        & df["type"].notna()
    )
    rejected = int((~valid).sum())
    ok = df.loc[valid, ["user_id", "item_id", "category_id", "type", "ts"]]
    fresh = ok.drop_duplicates()
    duplicates = len(ok) - len(fresh)
    fresh = fresh.sort_values(["user_id", "ts"], kind="stable")
    gap = fresh["ts"].diff()
    starts = (fresh["user_id"] != fresh["user_id"].shift()) | (gap > GAP_SECONDS)
    sessions = int(starts.sum())
    ts = pd.to_datetime(fresh["ts"], unit="s", utc=True)
    print(
        json.dumps(
            {
                "read": read,
                "accepted": len(fresh),
                "rejected": rejected,
                "duplicates": duplicates,
                "users": int(fresh["user_id"].nunique()),
                "items": int(fresh["item_id"].nunique()),
                "sessions": sessions,
                "minTs": ts.min().isoformat() if len(fresh) else None,
                "maxTs": ts.max().isoformat() if len(fresh) else None,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
