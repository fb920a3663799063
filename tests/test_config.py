"""Settings from the environment: the PEERGRAPH_ prefix, the names from before it, and a
misspelt variable warned about instead of ignored."""

import logging

import pytest

from server.config import ConfigError, load_settings, setting_warnings


def test_a_misspelt_setting_is_warned_about_with_the_name_it_resembles(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PEERGRAPH_MAX_QUERY_DEPT", "3")

    with caplog.at_level(logging.WARNING, "peergraph.config"):
        settings = load_settings()

    assert settings.max_query_depth == 10
    assert caplog.messages == [
        "PEERGRAPH_MAX_QUERY_DEPT is not a peergraph setting and is ignored (did you mean"
        " PEERGRAPH_MAX_QUERY_DEPTH? see the README's Settings)"
    ]


def test_a_setting_under_its_old_name_is_still_read_and_warned_about(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("GRAPHIQL", "false")

    with caplog.at_level(logging.WARNING, "peergraph.config"):
        settings = load_settings()

    assert settings.graphiql is False
    assert caplog.messages == [
        "GRAPHIQL is read as PEERGRAPH_GRAPHIQL: rename it (the name without the prefix will"
        " stop working)"
    ]


def test_the_prefixed_name_wins_over_the_old_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERGRAPH_INTROSPECTION", "false")
    monkeypatch.setenv("INTROSPECTION", "true")

    assert load_settings().introspection is False


def test_known_variables_raise_no_warning() -> None:
    environ = {
        "NEO4J_URI": "bolt://127.0.0.1:7687",
        "PORT": "8001",
        "PEERGRAPH_DEBUG_CYPHER": "true",
        "peergraph_cors_origins": "https://example.org",  # the environment's case is not ours
        "PEERGRAPH_CHROMIUM": "/usr/bin/chromium",  # the browser tests'
        "HOME": "/root",
    }

    assert setting_warnings(environ) == []


def test_a_bad_value_names_the_variable_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERGRAPH_MAX_QUERY_COST", "lots")

    with pytest.raises(ConfigError) as refused:
        load_settings()

    assert str(refused.value).startswith("bad setting (PEERGRAPH_MAX_QUERY_COST: Input should be")
