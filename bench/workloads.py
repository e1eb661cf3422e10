"""The benchmark's workloads: each one a Graft query and the PostGraphile v5 query that returns
the same data, with the variable drawn per request. bench/run.py checks that both servers
answer alike before it measures them."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation


@dataclass
class Workload:
    name: str
    kind: str  # "server-bound" or "database-bound": which targets of issue 9 apply
    graft: str  # GraphQL for Graft; $v is the variable drawn per request
    postgraphile: str  # the same for PostGraphile
    variable: str  # the GraphQL type of $v ("Int!"), or "" when it is a session variable
    value_range: str  # "accounts", "owners": the range the variable is drawn from
    graft_headers: dict = field(default_factory=dict)
    postgraphile_headers: dict = field(default_factory=dict)
    # Session variable carrying the value instead of $v: (Graft header, PostGraphile header).
    value_headers: tuple = ()
    compare: bool = True  # whether the answers can be compared (not for inserts)
    # The table it adds rows to: they are deleted after the workload, so that later workloads
    # read the data set as loaded (deals inserted for random accounts would lengthen every
    # account's list of deals).
    writes: str = ""


WORKLOADS = [
    Workload(
        "pk", "server-bound",
        "query ($v: Int!) { account_by_pk(id: $v) { id name industry annual_revenue } }",
        "query ($v: Int!) { accountByRowId(rowId: $v) { rowId name industry annualRevenue } }",
        "Int!", "accounts"),
    Workload(
        "list", "database-bound",
        "query ($v: Int!) { account(where: {owner_id: {_eq: $v}}, order_by: {name: asc}, "
        "limit: 10) { id name industry deals(order_by: {id: asc}, limit: 5) "
        "{ id name stage amount } } }",
        "query ($v: Int!) { allAccounts(condition: {ownerId: $v}, orderBy: [NAME_ASC], "
        "first: 10) { nodes { rowId name industry dealsByAccountId(orderBy: [ROW_ID_ASC], "
        "first: 5) { nodes { rowId name stage amount } } } } }",
        "Int!", "owners"),
    Workload(
        "deep", "database-bound",
        "query ($v: Int!) { contact(where: {account_id: {_eq: $v}}, order_by: {id: asc}) "
        "{ id first_name account { name } deal_associations(order_by: {deal_id: asc}) "
        "{ deal { id name amount account { name } } } } }",
        "query ($v: Int!) { allContacts(condition: {accountId: $v}, orderBy: [ROW_ID_ASC]) "
        "{ nodes { rowId firstName accountByAccountId { name } "
        "associationsContactDealsByContactId(orderBy: [DEAL_ID_ASC]) "
        "{ nodes { dealByDealId { rowId name amount accountByAccountId { name } } } } } } }",
        "Int!", "accounts"),
    Workload(
        "aggregate", "database-bound",
        "query ($v: Int!) { deal_aggregate(where: {owner_id: {_eq: $v}}) "
        "{ aggregate { count sum { amount } avg { amount } } } }",
        "query ($v: Int!) { allDeals(condition: {ownerId: $v}) "
        "{ totalCount aggregates { sum { amount } average { amount } } } }",
        "Int!", "owners"),
    Workload(
        "insert", "server-bound",
        "mutation ($v: Int!) { insert_deal_one(object: {account_id: $v, name: \"bench\", "
        "stage: \"open\", amount: 12.5, close_date: \"2025-01-01\", owner_id: 1}) "
        "{ id account_id } }",
        "mutation ($v: Int!) { createDeal(input: {deal: {accountId: $v, name: \"bench\", "
        "stage: \"open\", amount: \"12.5\", closeDate: \"2025-01-01\", ownerId: 1}}) "
        "{ deal { rowId accountId } } }",
        "Int!", "accounts", compare=False, writes="deal"),
    Workload(
        "role", "database-bound",
        "{ account(order_by: {name: asc}, limit: 10) { id name industry "
        "deals(order_by: {id: asc}, limit: 5) { id name stage amount } } }",
        "{ allAccounts(orderBy: [NAME_ASC], first: 10) { nodes { rowId name industry "
        "dealsByAccountId(orderBy: [ROW_ID_ASC], first: 5) "
        "{ nodes { rowId name stage amount } } } } }",
        "", "owners",
        graft_headers={"x-hasura-role": "user"},
        value_headers=("x-hasura-user-id", "x-user-id")),
]


def canonical(value):
    """Comparable form of an answer, whatever the field names: a connection's `nodes` list
    stands for the connection, an object for the flat tuple of its leaves in field order
    (so `account { name }` and `accountByAccountId { name }` agree), numbers and numeric
    strings for their Decimal value (PostGraphile sends numeric as strings)."""
    if isinstance(value, dict):
        if list(value) == ["nodes"]:
            return canonical(value["nodes"])
        leaves = []
        for item in value.values():
            item = canonical(item)
            if isinstance(item, tuple):
                leaves.extend(item)
            else:
                leaves.append(item)
        return tuple(leaves)
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, str)):
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return value
    return value
