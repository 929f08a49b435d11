"""Django's PostgreSQL backend, for parameters sent apart from the SQL (server-side binding).

PostgreSQL takes at most 65,535 parameters in one statement; with the values written into the
SQL (Django's default) there is no such limit, so Django's backend makes one statement of a
bulk insert or a cascade delete of any size. Batches are cut to fit here when the parameters
are sent apart (settings: DATABASE_PREPARED_STATEMENTS).
"""

from django.db.backends.postgresql import base, features, operations

MAX_QUERY_PARAMETERS = 65_535


class DatabaseFeatures(features.DatabaseFeatures):
    @property
    def max_query_params(self):  # type: ignore[override]
        if self.connection.settings_dict["OPTIONS"].get("server_side_binding") is True:
            return MAX_QUERY_PARAMETERS
        return None


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields, objs):
        limit = self.connection.features.max_query_params
        if limit is None:
            return super().bulk_batch_size(fields, objs)
        # A parameter per field and row for an insert or a delete; bulk_update sends about two per
        # field (the CASE WHEN), hence the halving.
        return max(limit // (2 * max(len(fields), 1)), 1)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
    ops_class = DatabaseOperations
