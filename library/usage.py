"""Where an asset is used. The apps that show assets (articles: heroes, author photos, bodies)
register a finder here, so the library never imports them (the layers go one way) and an asset
in use cannot be deleted."""

_finders = []


def register(finder):
    """``finder(asset)`` returns a list of (description, admin URL or "") for each use."""
    _finders.append(finder)
    return finder


def uses_of(asset):
    return [use for finder in _finders for use in finder(asset)]
