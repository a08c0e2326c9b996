-- Ids are unique regardless of case: 'SP-SALES-A' beside 'sp-sales-a' is a look-alike, not a second
-- product. Rows that already collide are kept (deleting a published document is not a migration's
-- call): all but the oldest of each group are flagged, governance sees them listed, and only the
-- flagged rows are exempt from the unique index. The index leads with lower(id), so it also serves
-- the look-ups by id regardless of case.
alter table data_product add column case_duplicate boolean not null default false;
update data_product p
   set case_duplicate = true
 where exists (select 1
                 from data_product q
                where lower(q.id) = lower(p.id)
                  and (q.created_at, q.id) < (p.created_at, p.id));
create unique index data_product_id_regardless_of_case_key
    on data_product (lower(id), (case when case_duplicate then id else '' end));

alter table data_contract add column case_duplicate boolean not null default false;
update data_contract c
   set case_duplicate = true
 where exists (select 1
                 from data_contract d
                where lower(d.id) = lower(c.id)
                  and (d.created_at, d.id) < (c.created_at, c.id));
create unique index data_contract_id_regardless_of_case_key
    on data_contract (lower(id), (case when case_duplicate then id else '' end));

-- Who provides a contract, regardless of case: read when a product claims a contract (only the
-- contract's owning team may provide it; see docs/decisions/0011-contract-claims.md).
create index product_output_port_contract_regardless_of_case_idx on product_output_port (lower(contract_id));
