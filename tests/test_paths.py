"""connectionPath: the shortest chain of co-authored works between two researchers."""

from typing import Any

import pytest

from cypher.runner import CypherRunner
from helpers import execute

PATH = """query($from: ID!, $to: ID!, $hops: Int!) {
  connectionPath(from: $from, to: $to, maxHops: $hops) { researcher { id } via { id } } }"""


async def path(runner: CypherRunner, source: str, target: str, hops: int = 4) -> Any:
    result, _ = await execute(runner, PATH, {"from": source, "to": target, "hops": hops})
    assert result.errors is None
    assert result.data is not None
    return result.data["connectionPath"]


async def test_aimin_li_reaches_wenhao_lu_through_the_merged_jian_jiao(
    runner: CypherRunner,
) -> None:
    steps = await path(runner, "A-aimin-li", "A-wenhao-lu")

    assert [s["researcher"]["id"] for s in steps] == ["A-aimin-li", "A-jian-jiao", "A-wenhao-lu"]
    assert steps[0]["via"] is None
    assert steps[1]["via"]["id"] in {"W-arxiv-2204.01257", "W-arxiv-2101.07953"}
    assert steps[2]["via"] == {"id": "W-arxiv-2002.06275"}


async def test_a_path_longer_than_max_hops_is_null(runner: CypherRunner) -> None:
    assert await path(runner, "A-aimin-li", "A-wenhao-lu", hops=1) is None


async def test_unconnected_or_unknown_researchers_have_no_path(runner: CypherRunner) -> None:
    assert await path(runner, "A-aimin-li", "A-nobody") is None


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"from": "W-x", "to": "A-aimin-li", "hops": 2}, "from"),
        ({"from": "A-aimin-li", "to": "bad id", "hops": 2}, "to"),
        ({"from": "A-aimin-li", "to": "A-wenhao-lu", "hops": 7}, "maxHops"),
    ],
)
async def test_bad_arguments_are_named(
    runner: CypherRunner, variables: dict[str, Any], argument: str
) -> None:
    result, _ = await execute(runner, PATH, variables)

    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": argument}
