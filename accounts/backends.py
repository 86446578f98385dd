"""The authentication backends: Django's and allauth's, loading the signed-in user's row in one
statement written once in SQL.

Every request of a signed-in reader loads their row (``get_user``), and building that query with
the ORM costs more than the database takes to answer it. Signing in, permissions and everything
else are the parents' own. Sessions signed in through the backends these replace were moved
over by migration 0007.
"""

from functools import cache

from allauth.account import auth_backends as allauth_backends
from django.contrib.auth import backends as django_backends
from django.core.exceptions import ValidationError
from django.db import connections, router

from .models import User


def user_by_id(pk):
    """The user with this id, or None: what ``User.objects.filter(pk=pk).first()`` gives."""
    try:
        pk = User._meta.pk.to_python(pk)
    except ValidationError:  # not an id at all
        return None
    database = router.db_for_read(User)
    sql, names, converters = _statement(database)
    connection = connections[database]
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, column, convert in converters:
        values[index] = convert(values[index], column, connection)
    return User.from_db(database, names, values)


@cache
def _statement(database):
    """The query, the fields' names, and the converters the ORM would apply to the columns
    (dates on SQLite, say): ``(index, column, converter)``."""
    connection = connections[database]
    fields = User._meta.concrete_fields
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(quote(field.column) for field in fields)} "
        f"FROM {quote(User._meta.db_table)} WHERE {quote(User._meta.pk.column)} = %s"
    )
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(User._meta.db_table)
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(
            connection
        ):
            converters.append((index, column, convert))
    return sql, [field.attname for field in fields], converters


class SignedInUser:
    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(SignedInUser, django_backends.ModelBackend):
    """Django's backend (username and password)."""


class AuthenticationBackend(SignedInUser, allauth_backends.AuthenticationBackend):
    """allauth's backend (email or username, and password)."""
