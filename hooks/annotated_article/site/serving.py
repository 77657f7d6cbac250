"""While the site is served for editing, a mistake in the data must not take the site away.

MkDocs' development server, after a failed rebuild, holds every request until a
build succeeds: the browser seems to hang. A rebuild that stops on the data
check has not touched the served files yet (the check runs before anything is
written), so here such a rebuild ends quietly after its problems are printed,
and the last good site stays served. Any other failure keeps MkDocs' own
handling.
"""

from __future__ import annotations

from typing import Callable

from annotated_article.data.errors import DataErrors


def caused_by_data(failure: BaseException | None) -> bool:
    """Whether `failure` is the data's `DataErrors`, or was raised while handling them."""
    while failure is not None:
        if isinstance(failure, DataErrors):
            return True
        failure = failure.__context__
    return False


def keep_last_good_site(rebuild: Callable[[], None], report: Callable[[], None]) -> Callable[[], None]:
    """`rebuild`, except that a failure caused by the data is reported and does not propagate."""

    def rebuild_or_keep_the_last_good_site() -> None:
        try:
            rebuild()
        except BaseException as failure:
            if not caused_by_data(failure):
                raise
            report()

    return rebuild_or_keep_the_last_good_site
