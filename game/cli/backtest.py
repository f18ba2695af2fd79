"""`python main.py backtest`: project every council from Census 2011 to 2021 and compare
with Census 2021, beside naive references and ONS's published record."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Start every council from Census 2011 (on 2021 boundaries), project ten years with "
        "the engine's baseline and compare with Census 2021: mean absolute percentage "
        "error, share of councils 10% or more off, the worst councils, against 'no change' "
        "and 'uniform national growth' and ONS's published record."
    )
    p.add_argument("--worst", type=int, default=10, metavar="N", help="councils to list")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--write",
        action="store_true",
        help="also rewrite data/play/how_sure.json (the game's 'How sure are we?' text)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from game.atomic import atomic_write_text
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.sim.backtest import HOW_SURE_FILE, how_sure_text, run_backtest

    if args.worst < 0:
        raise SystemExit("error: --worst must be 0 or more")
    result = run_backtest(load_world(args.census_dir), shipped_parameters())
    if args.write:
        text = json.dumps(how_sure_text(result), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(HOW_SURE_FILE, text)
    if args.json:
        print(json.dumps(result.as_dict(args.worst), indent=2))
        return 0
    print(format_result(result.as_dict(args.worst)))
    return 0


def format_result(d: dict[str, Any]) -> str:
    from game.sim.backtest import METHOD_NAMES

    ew = d["england_and_wales"]
    lines = [
        f"Back-test: {d['councils']} councils projected from Census {d['start']} to "
        f"{d['end']}, compared with Census {d['end']}",
        f"England and Wales: {ew['census_2011']:,.0f} in {d['start']} -> projected "
        f"{ew['projected_2021']:,.0f}; census {ew['census_2021']:,.0f} "
        f"({(ew['projected_2021'] / ew['census_2021'] - 1) * 100:+.2f}%)",
        "",
        f"{'method':44s}{'MAPE':>7s}{'median':>8s}{'>=10% off':>11s}{'bias':>7s}"
        f"{'London':>8s}{'rest':>7s}",
    ]
    for m, s in d["scores"].items():
        lines.append(
            f"{METHOD_NAMES[m]:44s}{s['mape']:6.1f}%{s['median_ape']:7.1f}%"
            f"{s['share_off_10pct']:10.1f}%{s['mean_error']:+6.1f}%"
            f"{s['mape_london']:7.1f}%{s['mape_rest']:6.1f}%"
        )
    pub = d["published"]
    ons, simple = (
        pub["ons_snpp_share_off_10pct_2011_2021"],
        pub["sympopp_share_off_10pct_2011_2021"],
    )
    shire, london = pub["ons_snpp_median_ape_10yr_shire"], pub["ons_snpp_median_ape_10yr_london"]
    lines += [
        "",
        "Published record of ONS sub-national projections (not re-computed here):",
        f"  2011-based, 2021: {ons:.1f}% of councils 10% or more off (Rees & Wilson 2023; "
        f"a simple model {simple:.1f}%)",
        f"  ten years out, median error about {shire:.0f}% for shire districts and "
        f"{london:.0f}% for London boroughs (Simpson, Wilson & Shalley)",
        "",
        "Worst councils (this model):",
    ]
    for w in d["worst"]:
        lines.append(
            f"  {w['name']:32s} {w['code']}  2011 {w['census_2011']:>10,.0f}  projected "
            f"{w['projected_2021']:>10,.0f}  census {w['census_2021']:>10,.0f}  "
            f"{w['error_percent']:+6.1f}%"
        )
    lines += [
        "",
        "With hindsight: the engine's rates come from 2019-20 flows related to Census 2021, "
        "so this is easier than a real 2011 projection (docs/methods-backtest.md).",
    ]
    return "\n".join(lines)
