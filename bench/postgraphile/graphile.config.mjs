// PostGraphile v5, the peer Graft is measured against (bench/run.py starts it with
// `postgraphile --config graphile.config.mjs`). Amber preset plus pg-aggregates for sums;
// DATABASE_URL and PORT from the environment. A request with an X-User-Id header runs as the
// role bench_user with graft.user_id set, so that row-level security applies the same row
// filter as Graft's select permission on X-Hasura-User-Id.
import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

export default {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 5678),
    graphiql: false,
    watch: false,
  },
  grafast: {
    explain: false,
    context(requestContext) {
      const userId = requestContext.http?.getHeader("x-user-id");
      if (!userId) return {};
      return { pgSettings: { role: "bench_user", "graft.user_id": String(userId) } };
    },
  },
};
