"""Rebuilds while serving: a failure caused by the data is reported and the last good site kept."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from annotated_article.data.errors import DataError, DataErrors
from annotated_article.site.serving import caused_by_data, keep_last_good_site


def data_errors() -> DataErrors:
    return DataErrors([DataError("data/people.yml", 1, 1, "the file is empty")])


def failing_build(error_inside_handler: BaseException):
    """A build that, like MkDocs', raises a generic abort while handling the hook's error: a PluginError that the
    hook raises (`from None`, so that MkDocs prints its message alone) while handling the data's DataErrors."""
    def build():
        try:
            try:
                raise data_errors()
            except DataErrors:
                raise PluginError("The site was not built: 1 data problem(s), listed above.") from None
        except PluginError:
            raise error_inside_handler  # noqa: B904 (as MkDocs raises its Abort: the hook's error is its context)
    return build


def test_a_data_failure_is_reported_and_does_not_propagate():
    reports = []
    keep_last_good_site(failing_build(SystemExit("Aborted with a BuildError!")), lambda: reports.append(1))()
    assert reports == [1]


@pytest.mark.parametrize("failure", [SystemExit("Aborted"), RuntimeError("bug"), KeyboardInterrupt()])
def test_other_failures_propagate(failure):
    def build():
        raise failure
    reports = []
    with pytest.raises(type(failure)):
        keep_last_good_site(build, lambda: reports.append(1))()
    assert reports == []


def test_a_good_rebuild_reports_nothing():
    calls, reports = [], []
    keep_last_good_site(lambda: calls.append(1), lambda: reports.append(1))()
    assert calls == [1] and reports == []


def test_caused_by_data_follows_the_chain_of_exceptions():
    try:
        failing_build(ValueError("outer"))()
    except ValueError as failure:
        assert caused_by_data(failure)
    assert caused_by_data(data_errors())
    assert not caused_by_data(ValueError("alone"))
    assert not caused_by_data(None)
