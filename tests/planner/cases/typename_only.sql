-- no statement
-- fields:
__typename: "query_root"
again: "query_root"
