-- Checks docs/citus/plan.sql against the schema in the current database (every Flyway migration applied) under
-- Citus's rules, and prints the result as Markdown. Run by docs/citus/check; needs the temporary tables citus_plan
-- (plan.sql) and citus_owner (table -> module, from the package-info @OwnedTables).
--
-- Citus's rules checked here (Citus 11 to 13; docs.citusdata.com "Creating and Modifying Distributed Tables" and
-- src/backend/distributed/commands/foreign_constraint.c):
--   * a primary key or unique constraint of a distributed table must include the distribution column;
--   * a foreign key between two distributed tables must be between co-located tables and include the distribution
--     column at the same position on both sides; from a distributed table to a reference table it is allowed; from a
--     reference table to a distributed table, or between a distributed and a local table, it is refused;
--   * a foreign key between a local table and a reference table is allowed (the local table becomes a Citus local
--     table, with the coordinator in the metadata);
--   * triggers on distributed and reference tables are refused unless citus.enable_unsafe_triggers is on;
--   * identity columns of distributed tables must be bigint;
--   * the distribution column of a row can never be updated ("modifying the partition value of rows is not allowed").
\pset footer off
\pset tuples_only on
\pset format unaligned

create temporary view fit_table as
select c.oid, c.relname::text as table_name, c.relpersistence = 'u' as unlogged,
  p.placement, p.regency_from, p.follows, coalesce(o.module, '-') as module
from pg_class c
join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
left join citus_plan p on p.table_name = c.relname
left join citus_owner o on o.table_name = c.relname
where c.relkind in ('r', 'p');

create temporary view fit_constraint as
select con.conname::text as name, con.contype, t.table_name, t.placement, t.follows,
  (select string_agg(a.attname, ', ' order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
  r.table_name as ref_table, r.placement as ref_placement,
  (select string_agg(a.attname, ', ' order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
     join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns,
  con.confdeltype
from pg_constraint con
join fit_table t on t.oid = con.conrelid
left join fit_table r on r.oid = con.confrelid
where con.contype in ('p', 'u', 'f');

-- Columns that place a row in a region today (a Kemendagri code) or at a port.
create temporary view fit_region_column as
select t.table_name, a.attname::text as column_name, a.attnotnull as not_null
from fit_table t join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
where a.attname ~ '(^|_)(region|village|regency|scope)_code$' or a.attname = 'port_code';

\echo '### Every table, its keys and where a row''s regency comes from (checked against the schema)'
\echo
\echo '| table | module | placement | region or port columns today | primary key | unique constraints | a row''s regency (distributed tables) |'
\echo '|---|---|---|---|---|---|---|'
select format('| `%s` | %s | %s | %s | %s | %s | %s |', t.table_name, t.module, coalesce(t.placement, '**UNCLASSIFIED**'),
  coalesce((select string_agg(format('`%s`%s', r.column_name, case when r.not_null then '' else ' (may be null)' end), ', '
            order by r.column_name) from fit_region_column r where r.table_name = t.table_name), '**none**'),
  coalesce((select format('(%s)', c.columns) from fit_constraint c where c.table_name = t.table_name and c.contype = 'p'), '-'),
  coalesce((select string_agg(format('(%s)', c.columns), ', ' order by c.name) from fit_constraint c
            where c.table_name = t.table_name and c.contype = 'u'), '-'),
  coalesce(t.regency_from, '-'))
from fit_table t
order by case t.placement when 'distributed' then 1 when 'reference' then 2 when 'local' then 3 else 0 end, t.table_name;
\echo

\echo '### Primary keys and unique constraints of distributed tables (each must take `regency_code`)'
\echo
\echo '| table | constraint | columns |'
\echo '|---|---|---|'
select format('| `%s` | `%s` | (%s) |', c.table_name, c.name, c.columns)
from fit_constraint c
where c.placement = 'distributed' and c.contype in ('p', 'u') and c.columns !~ '(^|, )regency_code(,|$)'
order by c.table_name, c.contype, c.name;
\echo

\echo '### Foreign keys under Citus''s rules'
\echo
\echo '| constraint | from | to | verdict |'
\echo '|---|---|---|---|'
select format('| `%s` | `%s` (%s), %s | `%s` (%s), %s | %s |', c.name, c.table_name, c.columns, coalesce(c.placement, '?'),
  c.ref_table, c.ref_columns, coalesce(c.ref_placement, '?'),
  case
    when c.placement is null or c.ref_placement is null then '**UNCLASSIFIED** table'
    when c.placement = 'distributed' and c.ref_placement = 'distributed' then
      case when c.ref_table = any(c.follows) and c.table_name <> c.ref_table
        then format('holds as (regency_code, %s) → (regency_code, %s)', c.columns, c.ref_columns)
        else '**breaks**: the two rows may be on different shards' end
    when c.placement = 'distributed' and c.ref_placement = 'reference' then 'holds (distributed → reference)'
    when c.placement = 'distributed' and c.ref_placement = 'local' then '**refused**: distributed → local'
    when c.placement = 'reference' and c.ref_placement = 'distributed' then '**refused**: reference → distributed'
    when c.placement = 'local' and c.ref_placement = 'distributed' then '**refused**: local → distributed'
    when c.placement = 'reference' and c.ref_placement = 'local' then 'holds if the local table becomes a Citus local table'
    when c.placement = 'local' and c.ref_placement = 'reference' then 'holds as a Citus local table (coordinator in the metadata)'
    else 'holds (' || c.placement || ' → ' || c.ref_placement || ')'
  end
  || case when c.confdeltype in ('n', 'd') and c.placement = 'distributed' then '; ON DELETE SET NULL/DEFAULT' else '' end)
from fit_constraint c
where c.contype = 'f'
order by case when c.placement = 'distributed' or c.ref_placement = 'distributed' then 0 else 1 end, c.table_name, c.name;
\echo

\echo '### Other things Citus treats differently, on distributed and reference tables'
\echo
\echo '| table | what | consequence |'
\echo '|---|---|---|'
select line from (
  select t.table_name as k, 1 as o, format('| `%s` | no `regency_code` column | add it (%s) and fill it before `create_distributed_table` |',
    t.table_name, t.regency_from) as line
  from fit_table t
  where t.placement = 'distributed'
    and not exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'regency_code')
  union all
  select t.table_name, 2, format('| `%s` | trigger `%s` | refused unless `citus.enable_unsafe_triggers` is on; it then runs on the worker, per shard |',
    t.table_name, tg.tgname)
  from fit_table t join pg_trigger tg on tg.tgrelid = t.oid and not tg.tgisinternal
  where t.placement in ('distributed', 'reference')
  union all
  select t.table_name, 3, format('| `%s` | identity `%s` (%s) | %s |', t.table_name, a.attname, format_type(a.atttypid, a.atttypmod),
    case when a.atttypid = 'bigint'::regtype
      then 'allowed (bigint, Citus 11.2 on): unique, but each node draws from its own range, so ids of different nodes are not in insertion order'
      else '**refused**: identity columns of distributed tables must be bigint' end)
  from fit_table t join pg_attribute a on a.attrelid = t.oid and a.attidentity <> ''
  where t.placement = 'distributed'
  union all
  select t.table_name, 4, format('| `%s` | default `%s` on `%s` | drawn on the node that writes the row (each worker, for an `insert … select` pushed down to the shards): values of different nodes are not ordered against each other |',
    t.table_name, pg_get_expr(d.adbin, d.adrelid), a.attname)
  from fit_table t join pg_attrdef d on d.adrelid = t.oid
  join pg_attribute a on a.attrelid = t.oid and a.attnum = d.adnum
  where t.placement = 'distributed' and pg_get_expr(d.adbin, d.adrelid) ~ '(nextval|pg_current_xact_id)'
    and a.attidentity = ''
  union all
  select t.table_name, 5, format('| `%s` | unlogged | its shards are unlogged too (emptied by a worker crash), as today |', t.table_name)
  from fit_table t where t.placement = 'distributed' and t.unlogged
) x order by k, o, line;
\echo

\echo '### Read models'
\echo
select format('- %s views (the read models); %s. A view over a distributed table is itself distributed in effect: a query on it routes or fans out as one on its table.',
  count(*), coalesce(nullif(string_agg(case when tables > 1 then format('`%s` reads %s tables', relname, tables) end, ', '), ''),
  'each reads exactly one table'))
from (select v.relname, count(distinct d.refobjid) as tables
      from pg_class v
      join pg_namespace n on n.oid = v.relnamespace and n.nspname = 'public'
      join pg_rewrite rw on rw.ev_class = v.oid
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid and d.refobjid <> v.oid
      join pg_class t on t.oid = d.refobjid and t.relkind in ('r', 'p')
      where v.relkind = 'v'
      group by v.relname) views;
\echo

\echo '### Plan against schema'
\echo
select format('- %s tables: %s distributed, %s reference, %s local, %s unclassified.', count(*),
  count(*) filter (where placement = 'distributed'), count(*) filter (where placement = 'reference'),
  count(*) filter (where placement = 'local'), count(*) filter (where placement is null))
from fit_table;
select format('- **UNCLASSIFIED**: `%s` is in the schema but not in docs/citus/plan.sql.', table_name)
from fit_table where placement is null order by table_name;
select format('- stale: `%s` is in docs/citus/plan.sql but not in the schema.', p.table_name)
from citus_plan p where not exists (select 1 from fit_table t where t.table_name = p.table_name)
  and p.table_name <> 'flyway_schema_history'
order by p.table_name;
