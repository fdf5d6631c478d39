"""Use cases: the only way the windows and the command line change or read data.

Every public function is one transaction and takes the acting user (an ``Actor``) first. They return plain
dicts and lists (JSON-able), never model instances, so the UI can hold them across threads.

- ``auth``: ``sign_in(username, password) -> Actor``, ``change_password(actor, new)``.
- ``setup``: ``init_database(branch_code, branch_name, admin, password, hq=False)``, ``add_user(actor, ...)``,
  ``import_policy(actor, dict)``, ``list_users(actor)``, ``list_departments(actor)``.
- ``cases``: ``register_case(actor, data) -> case dict``, ``show_case(actor, number) -> case dict``,
  ``preview_classification(data) -> {"severity", "major_reasons"}`` (no write; for the live badge),
  ``do_action(actor, number, action, payload) -> case dict``, ``allowed_actions(actor, number) -> [action]``.
- ``notices``: ``notice_action(actor, number, action, payload) -> notice dict``, ``show_notice``.
- ``queries``: ``my_work(actor)``, ``ledger_count(actor, filters)``, ``ledger_ids(actor, filters, sort,
  descending, offset, limit)``, ``ledger_rows(actor, ids)``.
"""
